package cn.hxay.dutypost;

import java.time.Clock;

import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute flags the posts nobody staffs N minutes before a bell. Once per cluster
 * ({@code shared.ClusterLock} in {@link DutyPosts#flagGaps}); tests call
 * {@link #run(Clock)} with a shifted clock.
 */
@Component
@EnableScheduling
public class DutyPostGapJob {

	private final DutyPosts posts;

	private final Clock clock;

	DutyPostGapJob(DutyPosts posts, Clock clock) {
		this.posts = posts;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${hxay.dutypost.gap-check-delay:PT1M}", initialDelayString = "PT1M")
	void regularly() {
		run(clock);
	}

	/** One check at the clock's moment; how many gaps were raised. */
	public int run(Clock at) {
		return posts.flagGaps(at.instant());
	}

}
