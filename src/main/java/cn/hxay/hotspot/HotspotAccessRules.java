package cn.hxay.hotspot;

import cn.hxay.shared.AccessRules;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Signed-in users reach the hotspot URLs; {@link Hotspots} refuses everyone but the
 * police.
 */
@Component
class HotspotAccessRules implements AccessRules {

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/hotspots", "/hotspots/**", "/api/v1/hotspots", "/api/v1/hotspots/**")
			.authenticated();
	}

}
