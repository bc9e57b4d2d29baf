package cn.hxay.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until the first administrator has set a password there is nothing to sign in with:
 * every page leads to the set-up page. Once any account exists this node remembers it and
 * the filter steps aside for good.
 */
@Component
@Order(-200)
class FirstStartSetupFilter extends OncePerRequestFilter {

	private final UserAccounts accounts;

	private volatile boolean setUp;

	FirstStartSetupFilter(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!setUp) {
			setUp = accounts.anyExist();
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean exempt = path.startsWith("/setup") || path.startsWith("/webjars/") || path.startsWith("/css/")
				|| path.startsWith("/actuator/") || path.equals("/error");
		if (!setUp && !exempt) {
			response.sendRedirect(request.getContextPath() + "/setup");
			return;
		}
		chain.doFilter(request, response);
	}

}
