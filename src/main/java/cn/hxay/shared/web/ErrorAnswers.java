package cn.hxay.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.hxay.shared.Violation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * One answer for a refused request, in Chinese, in the form the caller reads: RFC 9457
 * problem details under {@code /api/}, the error page everywhere else.
 */
final class ErrorAnswers {

	private static final JsonMapper JSON = JsonMapper.shared();

	private ErrorAnswers() {
	}

	static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/");
	}

	static ModelAndView answer(HttpServletRequest request, HttpStatus status, String title, String detail,
			List<Violation> violations) {
		if (isApi(request)) {
			return new ModelAndView(new ProblemView(request.getRequestURI(), status, title, detail, violations));
		}
		ModelAndView view = PageErrors.page(status, title, detail);
		view.addObject("violations", violations);
		return view;
	}

	/** Writes a problem-details document; the model is not used. */
	private record ProblemView(String instance, HttpStatus status, String title, String detail,
			List<Violation> violations) implements View {

		@Override
		public String getContentType() {
			return MediaType.APPLICATION_PROBLEM_JSON_VALUE;
		}

		@Override
		public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws IOException {
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", "about:blank");
			problem.put("title", title);
			problem.put("status", status.value());
			problem.put("detail", detail);
			problem.put("instance", instance);
			if (!violations.isEmpty()) {
				problem.put("violations", violations);
			}
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getOutputStream().write(JSON.writeValueAsBytes(problem));
		}

	}

}
