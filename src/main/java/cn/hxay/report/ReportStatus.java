package cn.hxay.report;

/**
 * A unit's standing for one period, judged by the period the report belongs to, never by
 * the day it was typed: 待报 until the due day, then 逾期未报 until the lock, then 漏报; a report
 * given is 按时报送 or 迟报 by its first submission day.
 */
public enum ReportStatus {

	DUE("待报", "text-bg-secondary"), ON_TIME("按时报送", "text-bg-success"), LATE("迟报", "text-bg-warning"),
	OVERDUE("逾期未报", "text-bg-danger"), MISSING("漏报", "text-bg-dark");

	private final String label;

	private final String badge;

	ReportStatus(String label, String badge) {
		this.label = label;
		this.badge = badge;
	}

	public String label() {
		return label;
	}

	public String badge() {
		return badge;
	}

	/** On the late list the level above sees: 逾期未报, 迟报 and 漏报. */
	public boolean late() {
		return this == LATE || this == OVERDUE || this == MISSING;
	}

	public boolean submitted() {
		return this == ON_TIME || this == LATE;
	}

}
