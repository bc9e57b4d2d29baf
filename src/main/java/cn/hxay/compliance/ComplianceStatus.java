package cn.hxay.compliance;

/**
 * The verdict of one rule on one school. Missing data is never counted as compliant.
 */
public enum ComplianceStatus {

	COMPLIANT("合格"), NON_COMPLIANT("不合格"), NOT_APPLICABLE("不适用"), MISSING_DATA("缺少数据");

	private final String label;

	ComplianceStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
