package cn.hxay.report;

import java.time.LocalDate;

import cn.hxay.shared.PlatformTime;

/**
 * One reporting period (报表周期): the days it covers, the day its report is due, and the
 * last day a late report is still accepted (after it the period is locked and a report
 * not given is missing).
 */
public record Period(LocalDate start, LocalDate end, LocalDate due, LocalDate lockedAfter) {

	/** 2026-11-01 至 2026-11-15 */
	public String label() {
		return PlatformTime.DATE.format(start) + " 至 " + PlatformTime.DATE.format(end);
	}

	/** Whether a report may still be given on this day (before the lock). */
	public boolean openOn(LocalDate day) {
		return !day.isAfter(lockedAfter);
	}

	/**
	 * The status of a unit for this period on {@code today}, given its first submission
	 * day.
	 */
	public ReportStatus statusOn(LocalDate today, LocalDate firstSubmitted) {
		if (firstSubmitted != null) {
			return firstSubmitted.isAfter(due) ? ReportStatus.LATE : ReportStatus.ON_TIME;
		}
		if (!today.isAfter(due)) {
			return ReportStatus.DUE;
		}
		return today.isAfter(lockedAfter) ? ReportStatus.MISSING : ReportStatus.OVERDUE;
	}

}
