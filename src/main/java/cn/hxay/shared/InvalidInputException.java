package cn.hxay.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An input broke one or more domain rules; nothing was written.
 */
public class InvalidInputException extends RuntimeException {

	private final List<Violation> violations;

	public InvalidInputException(List<Violation> violations) {
		super(violations.stream().map(Violation::message).collect(Collectors.joining("；")));
		this.violations = List.copyOf(violations);
	}

	public InvalidInputException(String field, String message) {
		this(List.of(Violation.of(field, message)));
	}

	public List<Violation> violations() {
		return violations;
	}

	/**
	 * Messages by field name, several joined, for showing next to form fields;
	 * {@code "_"} for the whole form.
	 */
	public Map<String, String> byField() {
		Map<String, String> messages = new LinkedHashMap<>();
		for (Violation violation : violations) {
			String field = violation.field() == null ? "_" : violation.field();
			messages.merge(field, violation.message(), (a, b) -> a + "；" + b);
		}
		return messages;
	}

}
