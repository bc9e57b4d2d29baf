package cn.hxay.organisation;

import cn.hxay.shared.AccessRules;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Regions and units are managed by system administrators.
 */
@Component
class OrganisationAccessRules implements AccessRules {

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests
			.requestMatchers("/admin/regions", "/admin/regions/**", "/admin/organisations", "/admin/organisations/**",
					"/admin/units/**")
			.hasRole("SYSTEM_ADMIN");
	}

}
