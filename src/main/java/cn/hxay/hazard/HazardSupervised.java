package cn.hxay.hazard;

import java.time.LocalDate;

/**
 * A hazard was placed under listed supervision (挂牌督办), because it is major or past its
 * deadline. It carries what a listener needs, so no listener calls back into the ledger;
 * a hazard raised from a police-only checklist item is {@code sensitive}, and listeners
 * outside the police must not pass on its place or school.
 */
public record HazardSupervised(long hazardId, String noticeNumber, long schoolId, String schoolName, String regionCode,
		String grade, String place, LocalDate deadline, String reason, boolean sensitive) {
}
