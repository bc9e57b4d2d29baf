package cn.hxay.compliance;

import java.util.function.Supplier;

/**
 * A check's verdict before it is tied to its rule. The words (what is required, what is
 * there, why) are built only when someone reads them: a full re-evaluation stores the
 * reasons of failing metrics only, so it never pays for the wording of the rest.
 *
 * @param requiredGuards for staffing checks, the guards required (to pick the highest);
 * otherwise 0
 */
record Outcome(ComplianceStatus status, int requiredGuards, Supplier<String> required, Supplier<String> actual,
		Supplier<String> explanation) {

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
