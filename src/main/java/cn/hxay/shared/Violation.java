package cn.hxay.shared;

/**
 * One reason an input was refused, in Chinese, tied to the field it concerns
 * ({@code null} for the whole input).
 */
public record Violation(String field, String message) {

	public static Violation of(String field, String message) {
		return new Violation(field, message);
	}

}
