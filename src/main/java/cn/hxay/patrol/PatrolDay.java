package cn.hxay.patrol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A school's patrols of one day against its plan, judged at a moment.
 *
 * @param over whether the day has ended (then missing rounds are 漏巡)
 */
public record PatrolDay(long schoolId, String schoolName, LocalDate day, int required, List<PatrolRound> rounds,
		boolean over, Instant judgedAt) {

	public long validRounds() {
		return rounds.stream().filter(PatrolRound::valid).count();
	}

	public List<PatrolRound> flaggedRounds() {
		return rounds.stream().filter(r -> r.flagged(judgedAt)).toList();
	}

	/** Rounds still missing against the plan. */
	public long missingRounds() {
		return Math.max(0, required - validRounds());
	}

	public boolean met() {
		return missingRounds() == 0;
	}

}
