package cn.hxay.hazard;

import java.time.Clock;

import cn.hxay.shared.PlatformTime;

import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night flags hazards past their deadline and places them under listed supervision.
 * Safe on many nodes: the ledger takes the cluster lock (shared.ClusterLock) for the run.
 * Tests call {@link #run(Clock)} directly.
 */
@Component
@EnableScheduling
public class HazardOverdueJob {

	private final HazardLedger ledger;

	private final Clock clock;

	HazardOverdueJob(HazardLedger ledger, Clock clock) {
		this.ledger = ledger;
		this.clock = clock;
	}

	@Scheduled(cron = "${hxay.hazard.overdue-cron:0 10 1 * * *}", zone = PlatformTime.ZONE_ID)
	void daily() {
		run(clock);
	}

	public int run(Clock at) {
		return ledger.flagOverdue(PlatformTime.today(at));
	}

}
