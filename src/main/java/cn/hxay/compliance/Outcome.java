package cn.hxay.compliance;

/**
 * A check's verdict before it is tied to its rule.
 */
record Outcome(ComplianceStatus status, String required, String actual, String explanation) {

	static Outcome missing(String required, String what) {
		return new Outcome(ComplianceStatus.MISSING_DATA, required, "未填报", "未填报" + what + "，不能判定为合格");
	}

}
