package cn.hxay.incident;

import java.time.Instant;

/**
 * One report of an incident as filed.
 *
 * @param dueAt when this report was due by the report clock (null for none)
 * @param late whether it was filed after {@code dueAt}
 */
public record IncidentReport(long id, long incidentId, ReportKind kind, String text, int deaths, int injured,
		Instant reportedAt, Instant dueAt, boolean late, String name, String unit) {

}
