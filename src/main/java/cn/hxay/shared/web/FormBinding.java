package cn.hxay.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.Violation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * Page forms bound to records: binding failures (an unknown choice, a number or date that
 * is not one) and Bean Validation messages become one {@link InvalidInputException} with
 * a Chinese message per field, so a handler answers 400 and shows the form again with
 * what was typed.
 */
public final class FormBinding {

	private FormBinding() {
	}

	/**
	 * Refuses the form when binding or validation failed.
	 * @param labels Chinese names of the fields whose values may fail to convert
	 */
	public static void refuse(BindingResult binding, Map<String, String> labels) {
		if (!binding.hasErrors()) {
			return;
		}
		List<Violation> violations = new ArrayList<>();
		for (FieldError error : binding.getFieldErrors()) {
			String field = error.getField();
			if (error.isBindingFailure()) {
				String label = labels.getOrDefault(field, labels.getOrDefault(field.replaceAll("\\[.*", ""), field));
				violations.add(Violation.of(field, "“" + label + "”的值无效：" + shorten(error.getRejectedValue())));
			}
			else {
				violations.add(Violation.of(field, error.getDefaultMessage()));
			}
		}
		binding.getGlobalErrors().forEach(e -> violations.add(Violation.of(null, e.getDefaultMessage())));
		throw new InvalidInputException(violations);
	}

	/**
	 * For a handler that cannot show its form again without the form object: when the
	 * form record could not be built at all (a value of the wrong type), refuses the
	 * request as a bare parameter of the wrong type would be (400 by field, in Chinese).
	 */
	public static void refuseIfUnbuilt(BindingResult binding) {
		if (binding.getTarget() != null) {
			return;
		}
		for (FieldError error : binding.getFieldErrors()) {
			if (error.contains(org.springframework.beans.TypeMismatchException.class)) {
				throw error.unwrap(org.springframework.beans.TypeMismatchException.class);
			}
		}
		if (binding.hasErrors()) {
			refuse(binding, Map.of());
		}
	}

	/** A field's value as typed, also when it could not be converted. */
	public static String typed(BindingResult binding, String field) {
		Object value = binding.getFieldError(field) != null ? binding.getFieldError(field).getRejectedValue()
				: binding.getRawFieldValue(field);
		if (value instanceof String[] values) {
			return values.length == 0 ? null : values[0];
		}
		return value == null ? null : value.toString();
	}

	/** A whole number of a form that could not be built, as typed, or null. */
	public static Long typedLong(BindingResult binding, String field) {
		String text = typed(binding, field);
		try {
			return text == null ? null : Long.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** A choice of a form that could not be built, as typed, or null. */
	public static <E extends Enum<E>> E typedChoice(Class<E> type, BindingResult binding, String field) {
		String text = typed(binding, field);
		for (E value : type.getEnumConstants()) {
			if (value.name().equals(text)) {
				return value;
			}
		}
		return null;
	}

	/**
	 * Puts each field's text as typed in the model as {@code typed_<field>}, for the
	 * fields a form record cannot hold when their values did not convert.
	 */
	public static void keepTyped(BindingResult binding, Model model, String... fields) {
		for (String field : fields) {
			model.addAttribute("typed_" + field, typed(binding, field));
		}
	}

	/**
	 * A refused form shown again: answers 400 with the messages by field
	 * ({@code errors}), the form as typed ({@code form}) and the named fields' text as
	 * typed.
	 */
	public static void showAgain(InvalidInputException refusal, Object form, BindingResult binding, Model model,
			HttpServletResponse response, String... typedFields) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("errors", refusal.byField());
		model.addAttribute("form", form);
		keepTyped(binding, model, typedFields);
	}

	/**
	 * The bytes of an uploaded file; a request that is not a multipart upload, or has no
	 * file, is refused with a Chinese message instead of failing.
	 */
	public static byte[] upload(HttpServletRequest request, String field) {
		MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
		if (multipart == null) {
			throw new InvalidInputException(field, "请以文件上传（multipart/form-data）的方式提交照片");
		}
		MultipartFile file = multipart.getFile(field);
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException(field, "请选择要上传的照片");
		}
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String shorten(Object value) {
		String text = value instanceof String[] values ? String.join(",", values) : String.valueOf(value);
		text = text.replaceAll("\\p{Cntrl}", "?");
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}

}
