package cn.hxay.incident;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What a list of incidents is narrowed to; every part may be null.
 *
 * @param month a calendar month in Beijing time
 * @param year a calendar year in Beijing time (ignored when a month is given)
 * @param overdue only open incidents whose follow-up or final report is overdue now
 * @param from first day of occurrence in Beijing time, included (e.g. a reporting
 * period's start)
 * @param to last day of occurrence, included
 */
public record IncidentFilter(IncidentType type, IncidentStatus status, String regionCode, YearMonth month, Integer year,
		Boolean overdue, String text, LocalDate from, LocalDate to) {

	public static IncidentFilter none() {
		return new IncidentFilter(null, null, null, null, null, null, null, null, null);
	}

	public static IncidentFilter overdueOnly() {
		return new IncidentFilter(null, null, null, null, null, true, null, null, null);
	}

	/**
	 * The incidents that occurred on the days {@code from}..{@code to}, both included.
	 */
	public static IncidentFilter between(LocalDate from, LocalDate to) {
		return new IncidentFilter(null, null, null, null, null, null, null, from, to);
	}

}
