package cn.hxay.dashboard;

import java.util.Arrays;

import cn.hxay.identity.Role;
import cn.hxay.shared.AccessRules;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The command dashboard is for units that oversee schools (city, county, station and the
 * platform); a school's own account has its start page instead.
 */
@Component
class DashboardAccessRules implements AccessRules {

	static final String[] OVERSEERS = Arrays.stream(Role.values())
		.filter(r -> r != Role.SCHOOL_SAFETY_LEAD)
		.map(Role::name)
		.toArray(String[]::new);

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/geo/**").authenticated();
		requests.requestMatchers("/dashboard", "/dashboard/**", "/api/v1/dashboard", "/api/v1/dashboard/**")
			.hasAnyRole(OVERSEERS);
	}

}
