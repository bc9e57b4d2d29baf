package cn.hxay.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An account whose password someone else set (opened in bulk or by an administrator,
 * reset by an administrator) does nothing before its holder chooses their own: every page
 * leads to {@code /account/password}, and the API answers 403. Only sessions that signed
 * in with such a password ask the database, until it has been changed. Not a bean: the
 * security configuration places it in both filter chains.
 */
final class FirstPasswordFilter extends OncePerRequestFilter {

	static final String CHANGE_PAGE = "/account/password";

	private static final Set<String> OPEN = Set.of(CHANGE_PAGE, "/logout", "/login", "/error", "/forbidden",
			"/favicon.ico");

	private final UserAccounts accounts;

	private final boolean api;

	FirstPasswordFilter(UserAccounts accounts, boolean api) {
		this.accounts = accounts;
		this.api = api;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user
				&& user.mustChangePassword() && !open(request) && accounts.mustChangePassword(user.user().id())) {
			if (api) {
				response.setStatus(403);
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				response.getWriter()
					.write("{\"status\":403,\"title\":\"须先修改初始密码\",\"detail\":\"该账户的密码由管理员设置，请先在网页上修改密码后再调用接口\"}");
			}
			else {
				response.sendRedirect(request.getContextPath() + CHANGE_PAGE + "?first");
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean open(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return OPEN.contains(path) || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/webjars/") || path.startsWith("/img/");
	}

}
