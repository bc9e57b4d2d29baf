package cn.hxay.supervision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An accountability record against a unit with the incident or overdue hazard behind it
 * (by id; a reader who may not see the incident or hazard gets the record without the
 * link).
 */
public record Accountability(long id, AccountabilityKind kind, long targetUnitId, String targetUnit, String regionCode,
		LocalDate decidedOn, String reason, String measures, Long incidentId, Long hazardId, String hazardNumber,
		boolean policeOnly, String recorderUnit, String recorderName, Instant recordedAt) {

	/** The copy for a reader who may not see the incident and/or the hazard. */
	Accountability withoutLinks(boolean incident, boolean hazard) {
		return new Accountability(id, kind, targetUnitId, targetUnit, regionCode, decidedOn, reason, measures,
				incident ? incidentId : null, hazard ? hazardId : null, hazard ? hazardNumber : null, policeOnly,
				recorderUnit, recorderName, recordedAt);
	}

}
