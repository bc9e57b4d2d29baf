package cn.hxay.identity;

import cn.hxay.shared.AccessRules;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Own-account pages for everyone signed in; account administration for system
 * administrators; the API documentation for everyone signed in.
 */
@Component
class IdentityAccessRules implements AccessRules {

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/account/**").authenticated();
		requests.requestMatchers("/admin/users/**").hasRole(Role.SYSTEM_ADMIN.name());
		requests.requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**")
			.authenticated();
		requests.requestMatchers("/api/v1/me").authenticated();
	}

}
