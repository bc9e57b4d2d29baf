package cn.hxay.school;

import cn.hxay.identity.Role;
import cn.hxay.shared.AccessRules;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Everyone signed in may read the schools in their scope; registering and importing is
 * for education-bureau administrators; changing one school is checked against the school
 * itself in {@link SchoolRegistry}.
 */
@Component
class SchoolAccessRules implements AccessRules {

	private static final String[] REGISTRARS = { Role.SYSTEM_ADMIN.name(), Role.CITY_EDUCATION_ADMIN.name(),
			Role.COUNTY_EDUCATION_ADMIN.name() };

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/schools/new", "/schools/import", "/schools/import/**").hasAnyRole(REGISTRARS);
		requests.requestMatchers(HttpMethod.POST, "/api/v1/schools").hasAnyRole(REGISTRARS);
		requests.requestMatchers("/schools", "/schools/**").authenticated();
		requests.requestMatchers("/api/v1/schools", "/api/v1/schools/**").authenticated();
	}

}
