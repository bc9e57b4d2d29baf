package cn.hxay.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A form post larger than the server reads (Tomcat's {@code maxPostSize}, 2 MB) cannot be
 * parsed, and the first filter that asks for a parameter (the CSRF check) would fail with
 * 500. Such a post is answered 413 (the Chinese error page or problem details) before any
 * filter reads it; nothing was written.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100) // after the UTF-8 character encoding filter
class OversizedForms extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
			try {
				request.getParameterMap();
			}
			catch (IllegalStateException ex) {
				refuse(request, response);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String detail = "提交的内容超过了允许的大小 (2 MB)，没有保存任何内容。";
		response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (ErrorAnswers.isApi(request)) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter().write("{\"title\":\"提交的内容过大\",\"status\":413,\"detail\":\"" + detail + "\"}");
		}
		else {
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.getWriter()
				.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>出错了 · 护校安园</title>"
						+ "</head><body><h1>413 · 提交的内容过大</h1><p>" + detail
						+ "</p><p><a href=\"/\">回到首页</a></p></body></html>");
		}
	}

}
