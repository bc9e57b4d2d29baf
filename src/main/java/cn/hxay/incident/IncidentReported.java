package cn.hxay.incident;

import java.time.Instant;

/** An incident was first reported (初报). */
public record IncidentReported(long incidentId, IncidentType type, long schoolId, String regionCode, Instant occurredAt,
		int deaths, int injured) {

}
