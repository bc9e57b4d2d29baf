package cn.hxay.surroundings;

import cn.hxay.shared.AccessRules;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Signed-in users reach the venues and the ledger; what each sees is their data scope,
 * and only police write ({@link Venues#mayWrite}).
 */
@Component
class SurroundingsAccessRules implements AccessRules {

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests
			.requestMatchers("/venues", "/venues/**", "/venue-violations", "/venue-violations/**", "/api/v1/venues",
					"/api/v1/venues/**", "/api/v1/venue-violations", "/api/v1/venue-violations/**")
			.authenticated();
	}

}
