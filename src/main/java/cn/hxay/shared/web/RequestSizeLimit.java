package cn.hxay.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body has a limit, checked before anything reads it: a declared
 * {@code Content-Length} over the limit is refused at once with 413, and a body sent
 * without one (chunked) stops being read at the limit. Uploads (multipart) may be as
 * large as {@code spring.servlet.multipart.max-request-size}; any other body
 * {@code hxay.web.max-body-size} (1 MB by default). A chunked form the container cannot
 * parse is refused the same way. Device ingestion applies its own, smaller limit on top.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100) // after the UTF-8 character encoding filter
class RequestSizeLimit extends OncePerRequestFilter {

	private final long uploadLimit;

	private final long bodyLimit;

	private final String uploadWords;

	RequestSizeLimit(@Value("${spring.servlet.multipart.max-request-size:11MB}") DataSize uploadLimit,
			@Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize fileLimit,
			@Value("${hxay.web.max-body-size:1MB}") DataSize bodyLimit) {
		this.uploadLimit = uploadLimit.toBytes();
		this.bodyLimit = bodyLimit.toBytes();
		this.uploadWords = "上传的文件超过了允许的大小 (" + fileLimit.toMegabytes() + " MB)，没有保存任何数据。";
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		boolean upload = type != null && type.toLowerCase().startsWith("multipart/");
		long limit = upload ? uploadLimit : bodyLimit;
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			refuse(request, response, upload ? uploadWords : "请求内容超过了允许的大小 (" + bodyLimit / 1024 + " KB)，没有保存任何数据。");
			return;
		}
		if (declared < 0 && type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
			// a chunked form larger than the container parses (maxPostSize) cannot be
			// read at
			// all; the first filter asking for a parameter (the CSRF check) would fail
			try {
				request.getParameterMap();
			}
			catch (IllegalStateException ex) {
				refuse(request, response, "提交的内容超过了允许的大小，没有保存任何内容。");
				return;
			}
		}
		if (declared < 0 && !upload && hasBody(request)) {
			chain.doFilter(new Limited(request, limit), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean hasBody(HttpServletRequest request) {
		String method = request.getMethod();
		return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, String detail)
			throws IOException {
		response.setStatus(413);
		response.setHeader("Connection", "close");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (ErrorAnswers.isApi(request)) {
			response.setContentType("application/problem+json");
			response.getWriter().write("{\"status\":413,\"title\":\"文件过大\",\"detail\":\"" + detail + "\"}");
		}
		else {
			response.setContentType("text/html");
			response.getWriter()
				.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>文件过大 · 护校安园</title>"
						+ "<link rel=\"stylesheet\" href=\"/webjars/bootstrap/dist/css/bootstrap.min.css\"></head>"
						+ "<body class=\"p-4\"><h1 class=\"h4 text-danger\">413 · 文件过大</h1><p>" + detail
						+ "</p><p><a class=\"btn btn-primary\" href=\"/\">回到首页</a></p></body></html>");
		}
	}

	/** A request whose body ends with an error once more than the limit has been read. */
	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				ServletInputStream in = super.getInputStream();
				stream = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						if (b >= 0) {
							count(1);
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = in.read(buffer, offset, (int) Math.min(length, limit - read + 1));
						if (n > 0) {
							count(n);
						}
						return n;
					}

					private void count(int n) throws IOException {
						read += n;
						if (read > limit) {
							throw new IOException("请求内容超过了允许的大小");
						}
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}

				};
			}
			return stream;
		}

	}

}
