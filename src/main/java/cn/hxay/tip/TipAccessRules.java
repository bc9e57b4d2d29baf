package cn.hxay.tip;

import cn.hxay.shared.AccessRules;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The public help page ({@code /help/**}) is open to everyone without signing in, still
 * behind the pages' CSRF protection (its forms carry the token the page hands out); the
 * handlers' pages and API need a signed-in user, and who may see which tip is checked in
 * {@link Tips}.
 */
@Component
class TipAccessRules implements AccessRules {

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/help/**").permitAll();
		requests.requestMatchers("/api/v1/tips", "/api/v1/tips/**", "/tips", "/tips/**").authenticated();
	}

}
