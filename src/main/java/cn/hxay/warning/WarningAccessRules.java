package cn.hxay.warning;

import cn.hxay.shared.AccessRules;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Signed-in users reach the warnings; who may send, read and reply, and which warnings
 * each sees, is checked in {@link Warnings}.
 */
@Component
class WarningAccessRules implements AccessRules {

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/api/v1/warnings", "/api/v1/warnings/**", "/warnings", "/warnings/**")
			.authenticated();
	}

}
