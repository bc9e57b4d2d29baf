package cn.hxay.patrol;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import cn.hxay.shared.PlatformTime;

/** One round a guard walked (or is walking), judged at a moment. */
public record PatrolRound(long id, long schoolId, String guardName, LocalDate day, Instant startedAt,
		Instant lastScanAt, Instant endedAt, int pointsTotal, int pointsScanned, boolean tooFast,
		Integer fastestSeconds, int roundMinutes) {

	public boolean complete() {
		return pointsScanned >= pointsTotal;
	}

	/** Still being walked: not complete, not ended, within its time, on its day. */
	public boolean open(Instant now) {
		return !complete() && endedAt == null && now.isBefore(startedAt.plus(Duration.ofMinutes(roundMinutes)))
				&& PlatformTime.dayOf(now).equals(day);
	}

	/** Points left out of a round that is over. */
	public int missedPoints(Instant now) {
		return complete() || open(now) ? 0 : pointsTotal - pointsScanned;
	}

	/** Counts towards the plan: every point, at a plausible pace. */
	public boolean valid() {
		return complete() && !tooFast;
	}

	public boolean flagged(Instant now) {
		return tooFast || missedPoints(now) > 0;
	}

	public String verdict(Instant now) {
		if (open(now)) {
			return "进行中 " + pointsScanned + "/" + pointsTotal;
		}
		StringBuilder s = new StringBuilder();
		if (missedPoints(now) > 0) {
			s.append("漏检 ").append(missedPoints(now)).append(" 个点位");
		}
		if (tooFast) {
			s.append(s.isEmpty() ? "" : "，").append("过快（两点间仅 ").append(fastestSeconds).append(" 秒）");
		}
		return s.isEmpty() ? "完成" : s.toString();
	}

}
