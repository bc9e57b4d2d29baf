package cn.hxay.emergency;

import cn.hxay.shared.AccessRules;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Signed-in users reach the emergency pages; who may file and which schools each sees is
 * checked in {@link EmergencyPlans}.
 */
@Component
class EmergencyAccessRules implements AccessRules {

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests
			.requestMatchers("/api/v1/emergency-plans", "/api/v1/accidents", "/api/v1/accidents/**", "/emergency",
					"/emergency/**")
			.authenticated();
	}

}
