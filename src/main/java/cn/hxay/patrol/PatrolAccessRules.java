package cn.hxay.patrol;

import cn.hxay.shared.AccessRules;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Signed-in users reach the patrol pages (a scanned QR code leads a signed-out phone to
 * the login page first); who may do what is checked in {@link Patrols}.
 */
@Component
class PatrolAccessRules implements AccessRules {

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/api/v1/patrols", "/api/v1/patrols/**", "/patrols", "/patrols/**").authenticated();
	}

}
