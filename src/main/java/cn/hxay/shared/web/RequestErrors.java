package cn.hxay.shared.web;

import java.sql.SQLException;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.hxay.shared.Violation;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.PropertyAccessException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where requests the platform cannot even read are refused: wrong types,
 * unknown choices, missing fields, bodies that are not JSON or not UTF-8, uploads that
 * are not multipart, unknown addresses, and, as the last safety net, values the database
 * refuses (too long, NUL, out of range). Every answer is Chinese and names the field; the
 * API gets problem details, pages the error page. Such a request never reaches a handler,
 * or its transaction was rolled back, so nothing was written. Applies to every controller
 * and also when no handler was found.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
@ControllerAdvice
class RequestErrors {

	/**
	 * A form bound to a record cannot be built when a value has the wrong type (the
	 * handler would get no form at all): refuse it here, by field, instead.
	 */
	@InitBinder
	void refuseFormsThatCannotBeBuilt(WebDataBinder binder, HttpServletRequest request) {
		if (handlerReadsBindingErrors(request)) {
			// the handler shows the form again with what was typed
			// (shared.web.FormBinding)
			return;
		}
		binder.setBindingErrorProcessor(new DefaultBindingErrorProcessor() {

			@Override
			public void processPropertyAccessException(PropertyAccessException ex, BindingResult result) {
				if (binder.getTarget() == null && ex instanceof TypeMismatchException mismatch) {
					throw mismatch;
				}
				super.processPropertyAccessException(ex, result);
			}

		});
	}

	private static boolean handlerReadsBindingErrors(HttpServletRequest request) {
		return request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
				&& java.util.Arrays.stream(handler.getMethodParameters())
					.anyMatch(p -> org.springframework.validation.Errors.class.isAssignableFrom(p.getParameterType()));
	}

	@ExceptionHandler
	ModelAndView typeMismatch(TypeMismatchException ex, HttpServletRequest request) {
		String field = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
				: ex.getPropertyName();
		String message = wrongValue(field, ex.getValue(), ex.getRequiredType());
		return badRequest(request, "参数错误", List.of(Violation.of(field, message)));
	}

	@ExceptionHandler
	ModelAndView conversion(ConversionFailedException ex, HttpServletRequest request) {
		String message = wrongValue(null, ex.getValue(), ex.getTargetType().getType());
		return badRequest(request, "参数错误", List.of(Violation.of(null, message)));
	}

	@ExceptionHandler
	ModelAndView binding(BindException ex, HttpServletRequest request) {
		List<Violation> violations = ex.getBindingResult().getAllErrors().stream().map(error -> {
			if (error instanceof FieldError field) {
				String message = field.isBindingFailure() ? wrongValue(field.getField(), field.getRejectedValue(), null)
						: "“" + field.getField() + "”" + Objects.requireNonNullElse(field.getDefaultMessage(), "无效");
				return Violation.of(field.getField(), message);
			}
			return Violation.of(null, Objects.requireNonNullElse(error.getDefaultMessage(), "输入无效"));
		}).toList();
		return badRequest(request, "输入有误", violations);
	}

	@ExceptionHandler
	ModelAndView methodValidation(HandlerMethodValidationException ex, HttpServletRequest request) {
		List<Violation> violations = ex.getParameterValidationResults()
			.stream()
			.map(result -> Violation.of(result.getMethodParameter().getParameterName(),
					"参数“" + result.getMethodParameter().getParameterName() + "”的值无效"))
			.toList();
		return badRequest(request, "输入有误", violations);
	}

	@ExceptionHandler
	ModelAndView unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		Throwable cause = ex.getMostSpecificCause();
		String field = cause instanceof JacksonException jackson ? jackson.getPath()
			.stream()
			.map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
					: reference.getIndex() >= 0 ? "[" + reference.getIndex() + "]" : null)
			.filter(Objects::nonNull)
			.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
			.orElse(null) : null;
		String message;
		if (cause instanceof InvalidFormatException format && format.getValue() instanceof String text
				&& text.indexOf('\0') >= 0) {
			message = TextInputCheck.NUL_MESSAGE.formatted(field);
		}
		else if (cause instanceof InvalidFormatException format) {
			message = wrongValue(field, format.getValue(), format.getTargetType());
		}
		else if (field != null && cause instanceof MismatchedInputException mismatched) {
			message = wrongValue(field, null, mismatched.getTargetType());
		}
		else {
			message = "请求体不是有效的 JSON (须为 UTF-8 编码)。";
		}
		return badRequest(request, "请求格式错误", List.of(Violation.of(field, message)));
	}

	@ExceptionHandler
	ModelAndView missingParameter(MissingServletRequestParameterException ex, HttpServletRequest request) {
		return badRequest(request, "缺少参数",
				List.of(Violation.of(ex.getParameterName(), "缺少参数“" + ex.getParameterName() + "”。")));
	}

	@ExceptionHandler
	ModelAndView missingHeader(MissingRequestHeaderException ex, HttpServletRequest request) {
		return badRequest(request, "缺少请求头",
				List.of(Violation.of(ex.getHeaderName(), "缺少请求头“" + ex.getHeaderName() + "”。")));
	}

	@ExceptionHandler
	ModelAndView missingBinding(ServletRequestBindingException ex, HttpServletRequest request) {
		return badRequest(request, "请求不完整", List.of(Violation.of(null, "请求缺少必需的参数。")));
	}

	@ExceptionHandler
	ModelAndView missingPart(MissingServletRequestPartException ex, HttpServletRequest request) {
		return badRequest(request, "缺少文件",
				List.of(Violation.of(ex.getRequestPartName(), "请选择要上传的文件 (“" + ex.getRequestPartName() + "”)。")));
	}

	@ExceptionHandler
	ModelAndView tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		return ErrorAnswers.answer(request, HttpStatus.PAYLOAD_TOO_LARGE, "文件过大", "上传的文件超过了允许的大小 (10 MB)，没有导入任何数据。",
				List.of());
	}

	@ExceptionHandler
	ModelAndView notMultipart(MultipartException ex, HttpServletRequest request) {
		return badRequest(request, "上传格式错误", List.of(Violation.of(null, "文件须以 multipart/form-data 表单上传，没有保存任何内容。")));
	}

	@ExceptionHandler
	ModelAndView unsupportedType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) {
		String type = ex.getContentType() == null ? "未声明" : ex.getContentType().toString();
		return ErrorAnswers.answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的请求格式",
				"不支持的请求格式 (" + type + ")；JSON 接口请用 application/json (UTF-8)。", List.of());
	}

	@ExceptionHandler
	ModelAndView notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request) {
		return ErrorAnswers.answer(request, HttpStatus.NOT_ACCEPTABLE, "无法提供该格式", "无法按请求的 Accept 格式返回内容。", List.of());
	}

	@ExceptionHandler
	ModelAndView wrongMethod(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
		return ErrorAnswers.answer(request, HttpStatus.METHOD_NOT_ALLOWED, "不支持的操作",
				"该地址不支持 " + ex.getMethod() + " 请求。", List.of());
	}

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	ModelAndView unknownAddress(Exception ex, HttpServletRequest request) {
		return ErrorAnswers.answer(request, HttpStatus.NOT_FOUND, "未找到",
				ErrorAnswers.isApi(request) ? "没有这个接口。" : "页面不存在。", List.of());
	}

	/**
	 * A handler that parses a number or a date itself (e.g. a form's {@code version}) and
	 * got text.
	 */
	@ExceptionHandler
	ModelAndView notANumber(NumberFormatException ex, HttpServletRequest request) {
		Matcher input = QUOTED.matcher(String.valueOf(ex.getMessage()));
		String value = input.find() ? "“" + abbreviate(input.group(1)) + "”" : "";
		return badRequest(request, "输入有误", List.of(Violation.of(null, "输入的值" + value + "应为数字 (或缺少该值)。")));
	}

	@ExceptionHandler
	ModelAndView notADate(DateTimeParseException ex, HttpServletRequest request) {
		return badRequest(request, "输入有误",
				List.of(Violation.of(null, "日期“" + abbreviate(ex.getParsedString()) + "”格式不正确，应为 yyyy-MM-dd。")));
	}

	/**
	 * The last safety net: a value the database refused. The transaction that tried to
	 * write it was rolled back.
	 */
	@ExceptionHandler
	ModelAndView refusedByDatabase(DataIntegrityViolationException ex, HttpServletRequest request) {
		String state = sqlState(ex);
		if (ex instanceof DuplicateKeyException || "23505".equals(state)) {
			return ErrorAnswers.answer(request, HttpStatus.CONFLICT, "记录重复", "与已有的记录重复，没有保存任何内容。", List.of());
		}
		String message = switch (state == null ? "" : state) {
			case "22001" -> "输入的文字超过了允许的长度，没有保存任何内容。请缩短后重试。";
			case "22021", "22P05", "22023" -> "输入含有不允许的字符 (如空字符 \\u0000)，没有保存任何内容。";
			case "22003" -> "输入的数字超出了允许的范围，没有保存任何内容。";
			case "22007", "22008" -> "输入的日期或时间超出了允许的范围，没有保存任何内容。";
			default -> "输入的值不符合要求，没有保存任何内容。";
		};
		return badRequest(request, "输入有误", List.of(Violation.of(null, message)));
	}

	private static final Pattern QUOTED = Pattern.compile("\"(.*)\"");

	private static ModelAndView badRequest(HttpServletRequest request, String title, List<Violation> violations) {
		String detail = String.join("；", violations.stream().map(Violation::message).toList());
		return ErrorAnswers.answer(request, HttpStatus.BAD_REQUEST, title, detail, violations);
	}

	private static String sqlState(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

	/** "“page”的值“abc”不是数字" and the like. */
	static String wrongValue(String field, Object value, Class<?> type) {
		String subject = field == null ? "输入" : "“" + field + "”";
		String shown = value == null ? "" : "“" + abbreviate(String.valueOf(value)) + "”";
		if (type == null) {
			return subject + "的值" + shown + "格式不正确。";
		}
		if (type.isEnum()) {
			return subject + "的值" + shown + "不是可选的值之一。";
		}
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
			return subject + "的值" + shown + "应为数字。";
		}
		if (type == Boolean.class || type == boolean.class) {
			return subject + "的值" + shown + "应为“是”或“否” (true/false)。";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return subject + "的值" + shown + "应为日期 (yyyy-MM-dd) 或时间。";
		}
		return subject + "的值" + shown + "格式不正确。";
	}

	private static String abbreviate(String value) {
		String printable = value.replace("\0", "\\u0000");
		return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
	}

}
