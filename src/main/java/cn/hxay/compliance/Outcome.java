package cn.hxay.compliance;

import java.util.function.Supplier;

/**
 * A check's verdict before it is tied to its rule. The words (what is required, what is
 * there, why) are built only when someone reads them: a full re-evaluation stores the
 * reasons of failing metrics only, so it never pays for the wording of the rest.
 *
 * @param requiredGuards for staffing checks, the guards required (to pick the highest);
 * otherwise 0
 * @param inferred the requirement was inferred by the project, so a shortfall is only
 * advisory
 */
record Outcome(ComplianceStatus status, int requiredGuards, Supplier<String> required, Supplier<String> actual,
		Supplier<String> explanation, boolean inferred) {

	Outcome(ComplianceStatus status, int requiredGuards, Supplier<String> required, Supplier<String> actual,
			Supplier<String> explanation) {
		this(status, requiredGuards, required, actual, explanation, false);
	}

	/**
	 * The same outcome for an inferred requirement: a failure becomes an advisory (建议).
	 */
	Outcome asInferred() {
		if (status != ComplianceStatus.NON_COMPLIANT) {
			return new Outcome(status, requiredGuards, required, actual, explanation, true);
		}
		Supplier<String> reason = explanation;
		return new Outcome(ComplianceStatus.ADVISORY, requiredGuards, required, actual,
				() -> reason.get() + "（此项要求系推断，并非文件原文，仅作建议，不计为不合格）", true);
	}

	Outcome(ComplianceStatus status, String required, String actual, String explanation) {
		this(status, 0, () -> required, () -> actual, () -> explanation);
	}

	static Outcome missing(String required, String what) {
		return missing(() -> required, what);
	}

	static Outcome missing(Supplier<String> required, String what) {
		return new Outcome(ComplianceStatus.MISSING_DATA, 0, required, () -> "未填报", () -> "未填报" + what + "，不能判定为合格");
	}

}
