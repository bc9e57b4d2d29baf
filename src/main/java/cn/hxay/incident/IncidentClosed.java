package cn.hxay.incident;

import java.time.Instant;

/** An incident's final report (终报) was filed. */
public record IncidentClosed(long incidentId, IncidentType type, long schoolId, String regionCode, Instant closedAt,
		boolean late) {

}
