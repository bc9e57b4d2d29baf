package cn.hxay.compliance;

import java.time.LocalDate;
import java.util.List;

/**
 * A rule set as pages show it.
 */
public record RuleSetSummary(String id, String title, String description, boolean everywhere, List<RuleLine> rules) {

	/**
	 * One rule as pages show it.
	 *
	 * @param inferred the rule, or one of its staffing tiers, was inferred by the
	 * project: advisory only
	 */
	public record RuleLine(String id, String title, String source, LocalDate effectiveFrom, LocalDate effectiveUntil,
			String appliesTo, Metric metric, boolean inferred) {
	}

}
