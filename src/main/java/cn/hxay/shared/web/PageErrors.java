package cn.hxay.shared.web;

import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * Renders domain errors on pages as a Chinese error page with the right status code.
 * Input a handler did not catch and show on its own form is refused here with 400 and the
 * reasons by field.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

	@ExceptionHandler
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ModelAndView notFound(NotFoundException ex) {
		return page(HttpStatus.NOT_FOUND, "未找到", ex.getMessage());
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.FORBIDDEN)
	ModelAndView forbidden(ForbiddenException ex) {
		return page(HttpStatus.FORBIDDEN, "无权操作", ex.getMessage());
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.CONFLICT)
	ModelAndView conflict(ConcurrentEditException ex) {
		return page(HttpStatus.CONFLICT, "修改冲突", ex.getMessage());
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	ModelAndView invalid(InvalidInputException ex) {
		ModelAndView view = page(HttpStatus.BAD_REQUEST, "输入有误", ex.getMessage());
		view.addObject("violations", ex.violations());
		return view;
	}

	static ModelAndView page(HttpStatus status, String title, String message) {
		ModelAndView view = new ModelAndView("error");
		view.setStatus(status);
		view.addObject("status", status.value());
		view.addObject("error", title);
		view.addObject("message", message);
		return view;
	}

}
