package cn.hxay.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a Content-Security-Policy with every response, so that a value someone forgot to
 * escape cannot run as script: pages run only the platform's own script files (no inline
 * script, no {@code eval}, no plugins), are never framed by another site and post forms
 * only to the platform. Style attributes stay allowed (ECharts tooltips and a few layout
 * heights use them); {@code <style>} elements do not.
 *
 * <p>
 * Swagger UI (springdoc) gets the same policy except that its inline styles are allowed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ContentSecurityPolicy extends OncePerRequestFilter {

	/** The header's name. */
	public static final String HEADER = "Content-Security-Policy";

	/** The policy of every page. */
	public static final String PAGES = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

	/** The policy of Swagger UI, which styles itself inline. */
	public static final String SWAGGER_UI = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		response.setHeader(HEADER, path.startsWith("/swagger-ui") ? SWAGGER_UI : PAGES);
		chain.doFilter(request, response);
	}

}
