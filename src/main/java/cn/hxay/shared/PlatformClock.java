package cn.hxay.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform's clock, China Standard Time; a bean so that tests can move time.
 */
@Configuration(proxyBeanMethods = false)
class PlatformClock {

	static final ZoneId CHINA = PlatformTime.ZONE;

	@Bean
	Clock clock() {
		return Clock.system(CHINA);
	}

}
