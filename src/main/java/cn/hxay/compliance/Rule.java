package cn.hxay.compliance;

import java.time.LocalDate;

/**
 * One requirement of a rule set: where it comes from, when it is in force, which schools
 * it concerns and how it is checked.
 *
 * @param inferred the requirement was inferred by the project, not read in its source: a
 * failure is only advisory (建议)
 */
record Rule(String id, String ruleSetId, String title, String source, LocalDate effectiveFrom, LocalDate effectiveUntil,
		AppliesTo appliesTo, Check check, Metric metric, boolean inferred) {

	Rule(String id, String ruleSetId, String title, String source, LocalDate effectiveFrom, LocalDate effectiveUntil,
			AppliesTo appliesTo, Check check, Metric metric) {
		this(id, ruleSetId, title, source, effectiveFrom, effectiveUntil, appliesTo, check, metric, false);
	}

	boolean inForceOn(LocalDate date) {
		return !date.isBefore(effectiveFrom) && (effectiveUntil == null || date.isBefore(effectiveUntil));
	}

}
