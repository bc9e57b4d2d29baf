package cn.hxay.shared.web;

import java.util.List;

import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.Violation;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns domain errors raised under {@code /api/v1} into RFC 9457 problem details with
 * Chinese messages and, for refused input, the list of violations by field. Requests that
 * cannot even be read (wrong types, bad JSON, missing parameters) are answered by
 * {@link RequestErrors}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "未找到", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail forbidden(ForbiddenException ex) {
		return problem(HttpStatus.FORBIDDEN, "无权操作", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail conflict(ConcurrentEditException ex) {
		return problem(HttpStatus.CONFLICT, "修改冲突", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalid(InvalidInputException ex) {
		return withViolations(problem(HttpStatus.BAD_REQUEST, "输入有误", ex.getMessage()), ex.violations());
	}

	@ExceptionHandler
	ProblemDetail invalid(MethodArgumentNotValidException ex) {
		List<Violation> violations = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> Violation.of(error.getField(), error.getDefaultMessage()))
			.toList();
		String detail = String.join("；", violations.stream().map(v -> v.field() + ": " + v.message()).toList());
		return withViolations(problem(HttpStatus.BAD_REQUEST, "输入有误", detail), violations);
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	private static ProblemDetail withViolations(ProblemDetail problem, List<Violation> violations) {
		problem.setProperty("violations", violations);
		return problem;
	}

}
