package cn.hxay.warning;

import java.time.Clock;

import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few minutes reminds schools of unread warnings and, after the acknowledge-by
 * time, sends the SMS webhook notification. Once per cluster ({@code shared.ClusterLock}
 * in {@link Warnings#escalate}); tests call {@link #run(Clock)} with a shifted clock.
 */
@Component
@EnableScheduling
public class WarningEscalationJob {

	private final Warnings warnings;

	private final Clock clock;

	WarningEscalationJob(Warnings warnings, Clock clock) {
		this.warnings = warnings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${hxay.warning.escalation-delay:PT5M}", initialDelayString = "PT1M")
	void regularly() {
		run(clock);
	}

	public Warnings.Escalated run(Clock at) {
		return warnings.escalate(at.instant());
	}

}
