package cn.hxay.unlicensed;

import cn.hxay.shared.AccessRules;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Signed-in users reach the ledger's URLs; who reads and writes is checked in
 * {@link UnlicensedInstitutions}.
 */
@Component
class UnlicensedAccessRules implements AccessRules {

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests
			.requestMatchers("/unlicensed-institutions", "/unlicensed-institutions/**",
					"/api/v1/unlicensed-institutions", "/api/v1/unlicensed-institutions/**")
			.authenticated();
	}

}
