package cn.hxay.drill;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One drill at a school: planned ({@code heldOn} null) or held, with who took part, how
 * long it took, what was practised and the lessons found (and the hazard raised from
 * them).
 */
public record Drill(long id, long schoolId, String schoolName, String regionCode, DrillType type, LocalDate plannedOn,
		LocalDate heldOn, Integer participants, Integer durationMinutes, String scenario, String lessons, Long hazardId,
		String recordedBy, Instant recordedAt) {

	public boolean held() {
		return heldOn != null;
	}

	/** The day it was held, else the planned day. */
	public LocalDate day() {
		return heldOn != null ? heldOn : plannedOn;
	}

}
