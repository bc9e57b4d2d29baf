package cn.hxay.incident;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The report clock's limits from configuration (platform defaults: 1 h, 24 h, 7 days).
 */
@Configuration(proxyBeanMethods = false)
class ReportClockConfiguration {

	@Bean
	ReportClock reportClock(@Value("${hxay.incident.first-report-within:PT1H}") Duration first,
			@Value("${hxay.incident.follow-up-every:PT24H}") Duration followUp,
			@Value("${hxay.incident.final-report-within:P7D}") Duration last) {
		return new ReportClock(first, followUp, last);
	}

}
