package cn.hxay.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the size limit is refused while the request is parsed, before any
 * handler is chosen, so this advice is not tied to a kind of controller.
 */
@ControllerAdvice
class UploadErrors {

	@ExceptionHandler
	ModelAndView tooLarge(MaxUploadSizeExceededException ex) {
		return PageErrors.page(HttpStatus.PAYLOAD_TOO_LARGE, "文件过大", "上传的文件超过了允许的大小 (10 MB)，没有导入任何数据。");
	}

}
