package cn.hxay.supervision;

import cn.hxay.shared.AccessRules;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Signed-in users reach supervision; who may write, and what each sees, is checked in
 * {@link Supervision} (the read-only 督导员 is refused every write by the platform's one
 * rule).
 */
@Component
class SupervisionAccessRules implements AccessRules {

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/api/v1/supervision/**", "/supervision", "/supervision/**").authenticated();
	}

}
