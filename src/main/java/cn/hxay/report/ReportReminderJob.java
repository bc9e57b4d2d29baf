package cn.hxay.report;

import java.time.Clock;

import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every hour reminds the units that have not reported a period due within their report's
 * reminder days, once per unit and period and once per cluster
 * ({@code shared.ClusterLock} in {@link Reports#remind}); tests call {@link #run(Clock)}
 * with a shifted clock.
 */
@Component
@EnableScheduling
public class ReportReminderJob {

	private final Reports reports;

	private final Clock clock;

	ReportReminderJob(Reports reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${hxay.report.reminder-delay:PT1H}", initialDelayString = "PT2M")
	void regularly() {
		run(clock);
	}

	public int run(Clock at) {
		return reports.remind(at.instant());
	}

}
