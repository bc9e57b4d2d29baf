package cn.hxay.incident;

import java.time.Clock;

import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few minutes flags the incidents whose follow-up or final report has become
 * overdue and notifies the chain above, once per lapse ({@link Incidents#flagOverdue});
 * tests call {@link #run(Clock)} with a shifted clock.
 */
@Component
@EnableScheduling
public class IncidentClockJob {

	private final Incidents incidents;

	private final Clock clock;

	IncidentClockJob(Incidents incidents, Clock clock) {
		this.incidents = incidents;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${hxay.incident.clock-delay:PT5M}",
			initialDelayString = "${hxay.incident.clock-initial-delay:PT1M}")
	void regularly() {
		run(clock);
	}

	/** One run at the given clock's time; returns how many incidents were flagged. */
	public int run(Clock at) {
		return incidents.flagOverdue(at.instant());
	}

}
