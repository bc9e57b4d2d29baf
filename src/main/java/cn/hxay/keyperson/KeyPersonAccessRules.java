package cn.hxay.keyperson;

import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import cn.hxay.audit.AuditTrail;
import cn.hxay.identity.Role;
import cn.hxay.shared.AccessRules;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Key persons are police data: only city police, county police and station officers reach
 * these URLs; everyone else, the system administrator included (who runs the platform,
 * not police work), gets 403 before any handler runs, and the refusal is audited.
 */
@Component
class KeyPersonAccessRules implements AccessRules {

	static final String[] PATHS = { "/key-persons", "/key-persons/**", "/api/v1/key-persons",
			"/api/v1/key-persons/**" };

	private static final Set<String> POLICE = KeyPersons.POLICE.stream()
		.map(Role::authority)
		.collect(Collectors.toUnmodifiableSet());

	private final AuditTrail audit;

	KeyPersonAccessRules(AuditTrail audit) {
		this.audit = audit;
	}

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers(PATHS).access(new PoliceOnly());
	}

	private final class PoliceOnly implements AuthorizationManager<RequestAuthorizationContext> {

		@Override
		public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
				RequestAuthorizationContext context) {
			Authentication who = authentication.get();
			if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
				// not signed in: the chain asks for credentials (401 or the login page)
				return new AuthorizationDecision(false);
			}
			Set<String> roles = who.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.collect(Collectors.toSet());
			if (roles.stream().anyMatch(POLICE::contains)) {
				return new AuthorizationDecision(true);
			}
			Long unit = who.getPrincipal() instanceof cn.hxay.shared.Actor actor ? actor.organisationId() : null;
			String labels = roles.stream().filter(r -> r.startsWith("ROLE_")).map(r -> {
				try {
					return Role.valueOf(r.substring(5)).label();
				}
				catch (IllegalArgumentException ex) {
					return r;
				}
			}).sorted().collect(Collectors.joining("、"));
			audit.recordFor(who.getName(), unit, KeyPersonAudit.REFUSED, "拒绝 · 角色 " + labels + " · "
					+ context.getRequest().getMethod() + " " + context.getRequest().getRequestURI());
			return new AuthorizationDecision(false);
		}

	}

}
