package cn.hxay.incident;

import java.time.YearMonth;

/**
 * What a list of incidents is narrowed to; every part may be null.
 *
 * @param month a calendar month in Beijing time
 * @param year a calendar year in Beijing time (ignored when a month is given)
 * @param overdue only open incidents whose follow-up or final report is overdue now
 */
public record IncidentFilter(IncidentType type, IncidentStatus status, String regionCode, YearMonth month, Integer year,
		Boolean overdue, String text) {

	public static IncidentFilter none() {
		return new IncidentFilter(null, null, null, null, null, null, null);
	}

	public static IncidentFilter overdueOnly() {
		return new IncidentFilter(null, null, null, null, null, true, null);
	}

}
