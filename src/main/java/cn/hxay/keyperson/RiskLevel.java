package cn.hxay.keyperson;

/** How likely a key person is to harm a school: 低 / 中 / 高 (风险等级). */
public enum RiskLevel {

	LOW("低"), MEDIUM("中"), HIGH("高");

	private final String label;

	RiskLevel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	RiskLevel lower() {
		return this == HIGH ? MEDIUM : LOW;
	}

}
