package cn.hxay.dutypost;

import cn.hxay.shared.AccessRules;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Signed-in users reach the 护学岗 pages; who may write, see officers or see coverage is
 * checked in {@link DutyPosts} and {@link SchoolPoliceLinks}.
 */
@Component
class DutyPostAccessRules implements AccessRules {

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/api/v1/duty-posts", "/api/v1/duty-posts/**", "/duty-posts", "/duty-posts/**")
			.authenticated();
	}

}
