package cn.hxay.visitor;

import cn.hxay.shared.AccessRules;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Signed-in users reach the gate pages; who works the gate (the school's own accounts)
 * and who sees alerts (police) is checked in {@link Visits}.
 */
@Component
class VisitAccessRules implements AccessRules {

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/api/v1/visits", "/api/v1/visits/**", "/visits", "/visits/**").authenticated();
	}

}
