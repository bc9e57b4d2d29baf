package cn.hxay.dispute;

import cn.hxay.shared.AccessRules;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Signed-in users reach the dispute URLs; who reads and writes is checked in
 * {@link Disputes}.
 */
@Component
class DisputeAccessRules implements AccessRules {

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/disputes", "/disputes/**", "/api/v1/disputes", "/api/v1/disputes/**")
			.authenticated();
	}

}
