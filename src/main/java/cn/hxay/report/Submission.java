package cn.hxay.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One unit's report for one period, with its values. Once submitted it is locked; the
 * level above may reopen it (recorded). Its standing is judged by the first submission
 * against the period's due day.
 */
public record Submission(long id, long definitionId, long unitId, String unitName, String regionCode,
		LocalDate periodStart, LocalDate periodEnd, LocalDate dueOn, SubmissionState state, boolean policeOnly,
		String attestedName, Instant firstSubmittedAt, Instant submittedAt, int version, List<Value> values) {

	public Optional<Value> value(String field) {
		return values.stream().filter(v -> v.field().equals(field)).findFirst();
	}

	/**
	 * One field's value: what the platform prefilled, what the reporter gave, and the
	 * reason for a change.
	 */
	public record Value(String field, String value, String prefilled, String source, String reason,
			boolean policeOnly) {

		/** The reporter changed a prefilled figure. */
		public boolean corrected() {
			return prefilled != null && !Objects.equals(value, prefilled);
		}

	}

	/** A step in its history: 报送, 退回修改 (by the level above) … */
	public record Step(String action, String actorName, String actorUnit, Instant at, String detail) {

	}

}
