package cn.hxay.schoolbus;

import cn.hxay.shared.AccessRules;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Signed-in users reach the school-bus pages; who may register and which schools each
 * sees is checked in {@link SchoolBuses}.
 */
@Component
class SchoolBusAccessRules implements AccessRules {

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/api/v1/school-buses", "/api/v1/school-buses/**", "/school-buses", "/school-buses/**")
			.authenticated();
	}

}
