package cn.hxay.shared;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Checks of a typed form shared by the modules that check in their service: the Bean
 * Validation messages by field, and one refusal with every problem sorted by field.
 */
public final class FormChecks {

	/** Printable text: no NUL or other control characters except tab and line breaks. */
	public static final String PRINTABLE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

	private FormChecks() {
	}

	/** The form's Bean Validation messages, by field (a list the caller may add to). */
	public static <T> List<Violation> violations(Validator validator, T form) {
		List<Violation> problems = new ArrayList<>();
		for (ConstraintViolation<T> v : validator.validate(form)) {
			problems.add(Violation.of(v.getPropertyPath().toString(), v.getMessage()));
		}
		return problems;
	}

	/** Throws one {@link InvalidInputException} with every problem, sorted by field. */
	public static void refuse(List<Violation> problems) {
		if (!problems.isEmpty()) {
			problems.sort(Comparator.comparing(Violation::field, Comparator.nullsFirst(Comparator.naturalOrder())));
			throw new InvalidInputException(problems);
		}
	}

}
