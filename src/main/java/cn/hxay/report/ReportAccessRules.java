package cn.hxay.report;

import cn.hxay.shared.AccessRules;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Signed-in users reach the reports; who may define, fill in, reopen and issue a 通报, and
 * which reports each sees, is checked in {@link Reports}.
 */
@Component
class ReportAccessRules implements AccessRules {

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/api/v1/reports", "/api/v1/reports/**", "/reports", "/reports/**").authenticated();
	}

}
