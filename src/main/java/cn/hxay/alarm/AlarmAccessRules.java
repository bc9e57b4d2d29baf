package cn.hxay.alarm;

import cn.hxay.identity.Role;
import cn.hxay.shared.AccessRules;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Devices post heartbeats and alarms with their own token, not as users: those two URLs
 * pass the user sign-in and ingestion's {@code IngestApiController} checks the token
 * itself. The device registry is for every signed-in user within their scope; the police
 * console is for police users only.
 */
@Component
class AlarmAccessRules implements AccessRules {

	static final String[] POLICE = { Role.CITY_POLICE.name(), Role.COUNTY_POLICE.name(), Role.STATION_OFFICER.name() };

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests
			.requestMatchers(HttpMethod.POST, "/api/v1/devices/*/heartbeats", "/api/v1/devices/*/alarms",
					"/api/v1/devices/*/registrations", "/api/v1/mqtt/auth", "/api/v1/mqtt/acl")
			.permitAll();
		requests.requestMatchers("/api/v1/devices", "/api/v1/devices/**").authenticated();
		requests.requestMatchers("/api/v1/alarms", "/api/v1/alarms/**").hasAnyRole(POLICE);
		requests.requestMatchers("/devices", "/devices/**").authenticated();
		requests.requestMatchers("/console", "/console/**").hasAnyRole(POLICE);
		requests.requestMatchers("/alarms/statistics").hasAnyRole(POLICE);
	}

}
