package cn.hxay.compliance;

import java.time.LocalDate;

/**
 * One requirement of a rule set: where it comes from, when it is in force, which schools
 * it concerns and how it is checked.
 */
record Rule(String id, String ruleSetId, String title, String source, LocalDate effectiveFrom, LocalDate effectiveUntil,
		AppliesTo appliesTo, Check check, Metric metric) {

	boolean inForceOn(LocalDate date) {
		return !date.isBefore(effectiveFrom) && (effectiveUntil == null || date.isBefore(effectiveUntil));
	}

}
