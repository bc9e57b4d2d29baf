package cn.hxay.incident;

import java.time.Instant;
import java.util.List;

import cn.hxay.organisation.SchoolUnits;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.InvalidInputException;

/**
 * A school incident (涉校案事件) with its report clock. The moves are guarded here: a
 * follow-up or final report, and a step of 三同步, are refused once the final report is in;
 * every report restarts the follow-up clock. {@code alarmId} is police data and is null
 * in the copy a non-police reader gets.
 *
 * @param followUpDue when the next 续报 is due (null once closed)
 * @param finalDue when the 终报 is due
 * @param overdueFlaggedAt when the clock job last flagged it overdue (cleared by a
 * report)
 */
public record Incident(long id, IncidentType type, long schoolId, String schoolName, String regionCode,
		SchoolUnits units, String place, Instant occurredAt, String persons, String what, int deaths, int injured,
		Long alarmId, IncidentStatus status, Instant firstReportedAt, boolean firstReportLate, Instant lastReportedAt,
		Instant followUpDue, Instant finalDue, Instant finalReportedAt, Instant overdueFlaggedAt, String reporterUnit,
		String reporterName, int version) {

	public boolean closed() {
		return status == IncidentStatus.CLOSED;
	}

	/** What is overdue at {@code now} by the given clock. */
	public List<ReportClock.Finding> overdue(ReportClock clock, Instant now) {
		return clock.overdue(closed(), followUpDue, finalDue, now);
	}

	/** Whether the final report was filed after it was due. */
	public boolean finalLate() {
		return finalReportedAt != null && finalReportedAt.isAfter(finalDue);
	}

	/**
	 * The incident after a follow-up or final report filed at {@code now}: the casualties
	 * as now known, the clock restarted (or stopped by 终报). Refused once closed.
	 */
	Incident afterReport(ReportKind kind, NewReport report, Instant now, ReportClock clock) {
		if (kind == ReportKind.FIRST) {
			throw new IllegalArgumentException("初报只在登记时填写");
		}
		if (closed()) {
			throw new ConcurrentEditException("该案事件已终报，不能再续报或终报");
		}
		boolean last = kind == ReportKind.FINAL;
		return new Incident(id, type, schoolId, schoolName, regionCode, units, place, occurredAt, persons, what,
				report.deaths(), report.injured(), alarmId, last ? IncidentStatus.CLOSED : IncidentStatus.FOLLOWING_UP,
				firstReportedAt, firstReportLate, now, last ? null : clock.followUpDue(now), finalDue,
				last ? now : null, null, reporterUnit, reporterName, version + 1);
	}

	/**
	 * When the given report was due by the clock: 续报 by the follow-up clock, 终报 by its
	 * own.
	 */
	Instant dueOf(ReportKind kind) {
		return switch (kind) {
			case FIRST -> null;
			case FOLLOW_UP -> followUpDue;
			case FINAL -> finalDue;
		};
	}

	/**
	 * Refuses a 三同步 step after closing, or dated before the incident or in the future.
	 */
	void checkAction(Instant doneAt, Instant now) {
		if (closed()) {
			throw new ConcurrentEditException("该案事件已终报，不能再补记处置情况");
		}
		if (doneAt.isBefore(occurredAt) || doneAt.isAfter(now.plusSeconds(60))) {
			throw new InvalidInputException("doneAt", "处置时间应在案发之后、现在之前");
		}
	}

	/** The copy a reader outside the police sees: no alarm link. */
	Incident withoutPoliceLinks() {
		return new Incident(id, type, schoolId, schoolName, regionCode, units, place, occurredAt, persons, what, deaths,
				injured, null, status, firstReportedAt, firstReportLate, lastReportedAt, followUpDue, finalDue,
				finalReportedAt, overdueFlaggedAt, reporterUnit, reporterName, version);
	}

}
