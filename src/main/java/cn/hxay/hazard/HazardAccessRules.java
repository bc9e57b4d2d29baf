package cn.hxay.hazard;

import cn.hxay.shared.AccessRules;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Signed-in users reach the ledger; who may do what to which hazard is checked in
 * {@link HazardLedger}.
 */
@Component
class HazardAccessRules implements AccessRules {

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/api/v1/hazards", "/api/v1/hazards/**", "/hazards", "/hazards/**").authenticated();
	}

}
