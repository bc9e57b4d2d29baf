package cn.hxay.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The report clock of an incident, a named rule: the first report (初报) is due within
 * {@code firstWithin} of the occurrence, a follow-up (续报) every {@code followUpEvery}
 * after the latest report until the final report (终报), which is due within
 * {@code finalWithin} of the occurrence. The limits are platform defaults (1 hour, 24
 * hours, 7 days), set with {@code hxay.incident.first-report-within},
 * {@code .follow-up-every} and {@code .final-report-within}; none of the seed notices
 * fixes them (seed 000 §四(二) asks only that an incident be “迅速报告上级教育和公安机关”).
 */
public record ReportClock(Duration firstWithin, Duration followUpEvery, Duration finalWithin) {

	public static final ReportClock DEFAULT = new ReportClock(Duration.ofHours(1), Duration.ofHours(24),
			Duration.ofDays(7));

	public ReportClock {
		if (firstWithin.isNegative() || firstWithin.isZero() || followUpEvery.isNegative() || followUpEvery.isZero()
				|| finalWithin.isNegative() || finalWithin.isZero()) {
			throw new IllegalArgumentException("报告时限必须为正数");
		}
	}

	/** When the first report is due. */
	public Instant firstDue(Instant occurredAt) {
		return occurredAt.plus(firstWithin);
	}

	/** Whether a first report made at {@code reportedAt} was late. */
	public boolean firstLate(Instant occurredAt, Instant reportedAt) {
		return reportedAt.isAfter(firstDue(occurredAt));
	}

	/** When the next follow-up is due, counted from the latest report. */
	public Instant followUpDue(Instant lastReportedAt) {
		return lastReportedAt.plus(followUpEvery);
	}

	/** When the final report is due. */
	public Instant finalDue(Instant occurredAt) {
		return occurredAt.plus(finalWithin);
	}

	/**
	 * What is overdue at {@code now} for an open incident: each finding says which report
	 * and since when; none for a closed one.
	 */
	public List<Finding> overdue(boolean closed, Instant followUpDue, Instant finalDue, Instant now) {
		List<Finding> found = new ArrayList<>();
		if (closed) {
			return found;
		}
		if (followUpDue != null && now.isAfter(followUpDue)) {
			found.add(new Finding(ReportKind.FOLLOW_UP, followUpDue, "续报逾期：应每 " + hours(followUpEvery) + " 续报一次"));
		}
		if (now.isAfter(finalDue)) {
			found.add(new Finding(ReportKind.FINAL, finalDue, "终报逾期：应在案发后 " + hours(finalWithin) + "内终报"));
		}
		return found;
	}

	/** One overdue report: which, due when, and the rule in words. */
	public record Finding(ReportKind report, Instant dueAt, String reason) {
	}

	/** The rule in words, for the pages. */
	public String describe() {
		return "初报：案发后 " + hours(firstWithin) + "内；续报：每 " + hours(followUpEvery) + "；终报：案发后 " + hours(finalWithin)
				+ "内（平台默认值，可配置）";
	}

	static String hours(Duration d) {
		if (d.toHours() >= 48 && d.toMinutes() % (24 * 60) == 0) {
			return d.toDays() + " 天";
		}
		if (d.toMinutes() % 60 == 0) {
			return d.toHours() + " 小时";
		}
		return d.toMinutes() + " 分钟";
	}

}
