package cn.hxay.identity;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one rule for read-only roles ({@link Role#readOnly()}): a write by a user whose
 * roles are all read-only. Both filter chains deny what this matches before any module's
 * rule is asked, so no controller has to remember it. A write is any method but GET,
 * HEAD, OPTIONS and TRACE; signing out and changing one's own password stay open.
 */
final class ReadOnlyRoles implements RequestMatcher {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final Set<String> OWN_ACCOUNT = Set.of("/logout", "/account/password");

	@Override
	public boolean matches(HttpServletRequest request) {
		return request.getDispatcherType() == DispatcherType.REQUEST && refusedWrite(request);
	}

	/**
	 * Whether the request is a write by a user with only read-only roles (whatever the
	 * dispatch, so that the refusal page forwarded to can say why).
	 */
	static boolean refusedWrite(HttpServletRequest request) {
		return !SAFE_METHODS.contains(request.getMethod()) && !OWN_ACCOUNT.contains(path(request))
				&& onlyReadOnly(SecurityContextHolder.getContext().getAuthentication());
	}

	/** Whether the signed-in user holds roles and every one of them is read-only. */
	static boolean onlyReadOnly(Authentication authentication) {
		List<Role> roles = roles(authentication);
		return !roles.isEmpty() && roles.stream().allMatch(Role::readOnly);
	}

	/** The Chinese reason for refusing a write, naming the read-only roles. */
	static String reason(Authentication authentication) {
		return roles(authentication).stream().map(Role::label).sorted().collect(Collectors.joining("、"))
				+ "为只读角色，只能查看，不能新增、修改或删除数据";
	}

	private static List<Role> roles(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return List.of();
		}
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.flatMap(authority -> Role.ofAuthority(authority).stream())
			.toList();
	}

	/**
	 * Writes the audit row of a refused write by a read-only role (who, unit, what they
	 * tried); refusals are part of the record like the writes they stopped.
	 */
	static void auditRefusal(cn.hxay.audit.AuditTrail audit, HttpServletRequest request) {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		Long unit = user != null && user.getPrincipal() instanceof cn.hxay.shared.Actor actor ? actor.organisationId()
				: null;
		audit.recordFor(user == null ? "?" : user.getName(), unit, REFUSED_WRITE,
				"只读角色的写操作被拒绝：" + request.getMethod() + " "
						+ java.util.Objects.requireNonNullElse(
								request.getAttribute(jakarta.servlet.RequestDispatcher.FORWARD_REQUEST_URI),
								request.getRequestURI()));
	}

	/** The audit action of a refused write. */
	static final String REFUSED_WRITE = "READ_ONLY_WRITE_REFUSED";

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
