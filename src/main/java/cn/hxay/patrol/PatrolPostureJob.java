package cn.hxay.patrol;

import java.time.Clock;

import cn.hxay.shared.ClusterLock;
import cn.hxay.shared.PlatformTime;

import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every night (platform clock, Asia/Shanghai) judges the day before: each school's patrol
 * rounds against its plan and its leader-on-duty coverage become posture facts
 * ({@link Patrols#judgeDay}), which the compliance engine judges. Once per cluster: the
 * run holds {@link ClusterLock} {@value #LOCK}; another node's run is skipped.
 */
@Component
@EnableScheduling
class PatrolPostureJob {

	static final String LOCK = "patrol-posture-daily";

	private final Patrols patrols;

	private final ClusterLock locks;

	private final Clock clock;

	PatrolPostureJob(Patrols patrols, ClusterLock locks, Clock clock) {
		this.patrols = patrols;
		this.locks = locks;
		this.clock = clock;
	}

	@Scheduled(cron = "${hxay.patrol.posture-cron:0 20 0 * * *}", zone = PlatformTime.ZONE_ID)
	@Transactional
	public void daily() {
		run(clock);
	}

	/** Judges the day before {@code at}'s day; -1 when another node holds the lock. */
	@Transactional
	public int run(Clock at) {
		if (!locks.tryTake(LOCK)) {
			return -1;
		}
		return patrols.judgeDay(PlatformTime.today(at).minusDays(1), at.instant());
	}

}
