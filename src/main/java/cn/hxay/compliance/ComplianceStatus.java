package cn.hxay.compliance;

/**
 * The verdict of one rule on one school. Missing data is never counted as compliant. An
 * advisory (建议) is a requirement the project inferred rather than read in a source: it is
 * shown, but never makes a school non-compliant on its own.
 */
public enum ComplianceStatus {

	COMPLIANT("合格"), NON_COMPLIANT("不合格"), NOT_APPLICABLE("不适用"), MISSING_DATA("缺少数据"), ADVISORY("建议");

	private final String label;

	ComplianceStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
