package cn.hxay.school;

import java.util.Arrays;
import java.util.Optional;

/**
 * Public or private (办学性质).
 */
public enum Ownership {

	PUBLIC("公办"), PRIVATE("民办");

	private final String label;

	Ownership(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static Optional<Ownership> fromLabel(String text) {
		return Arrays.stream(values()).filter(o -> o.label.equals(text) || o.name().equals(text)).findFirst();
	}

}
