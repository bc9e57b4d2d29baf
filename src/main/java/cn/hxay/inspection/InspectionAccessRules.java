package cn.hxay.inspection;

import cn.hxay.shared.AccessRules;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Signed-in users reach the inspection pages; who may launch, fill, co-sign, review or
 * sample, and which inspections they see, is decided in {@link Inspections}.
 */
@Component
class InspectionAccessRules implements AccessRules {

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests
			.requestMatchers("/inspections", "/inspections/**", "/api/v1/inspection-campaigns",
					"/api/v1/inspection-campaigns/**", "/api/v1/inspections/**")
			.authenticated();
	}

}
