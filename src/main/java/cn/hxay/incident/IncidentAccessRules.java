package cn.hxay.incident;

import cn.hxay.shared.AccessRules;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Signed-in users reach the incident URLs; who reads (police and education) and who
 * writes (police) is checked in {@link Incidents}, which refuses everyone else with 403.
 */
@Component
class IncidentAccessRules implements AccessRules {

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/incidents", "/incidents/**", "/api/v1/incidents", "/api/v1/incidents/**")
			.authenticated();
	}

}
