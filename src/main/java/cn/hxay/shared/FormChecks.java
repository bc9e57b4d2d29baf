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

	private static final Comparator<Violation> BY_FIELD = Comparator.comparing(Violation::field,
			Comparator.nullsFirst(Comparator.naturalOrder()));

	/** Printable text: no NUL or other control characters except tab and line breaks. */
	public static final String PRINTABLE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

	private FormChecks() {
	}

	/**
	 * The form's Bean Validation messages, sorted by field (a list the caller may add
	 * to).
	 */
	public static <T> List<Violation> violations(Validator validator, T form) {
		List<Violation> problems = new ArrayList<>();
		for (ConstraintViolation<T> v : validator.validate(form)) {
			problems.add(Violation.of(v.getPropertyPath().toString(), v.getMessage()));
		}
		problems.sort(BY_FIELD);
		return problems;
	}

	/**
	 * Refuses a form that is missing ("请填写表单" at {@code missingField}) or breaks any Bean
	 * Validation constraint (every problem at once, sorted by field).
	 */
	public static void validate(Validator validator, Object form, String missingField) {
		if (form == null) {
			throw new InvalidInputException(missingField, "请填写表单");
		}
		refuse(violations(validator, form));
	}

	/** Throws one {@link InvalidInputException} with every problem, sorted by field. */
	public static void refuse(List<Violation> problems) {
		if (!problems.isEmpty()) {
			problems.sort(BY_FIELD);
			throw new InvalidInputException(problems);
		}
	}

}
