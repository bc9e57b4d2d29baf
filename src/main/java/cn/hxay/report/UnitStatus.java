package cn.hxay.report;

import java.time.Instant;

/** A unit's standing for one period, and its report if there is one. */
public record UnitStatus(Target target, Period period, ReportStatus status, Long submissionId, SubmissionState state,
		Instant submittedAt) {

}
