package cn.hxay.keyperson;

/**
 * Filters of the key-person list; {@code idNumber} is an exact match through the keyed
 * hash, never a stored plaintext.
 */
public record KeyPersonFilter(String category, RiskLevel risk, ControlStatus status, Boolean overdue, String name,
		String idNumber) {

	public static KeyPersonFilter none() {
		return new KeyPersonFilter(null, null, null, null, null, null);
	}

	/** Words for the audit log (the ID number itself never goes there). */
	String describe() {
		StringBuilder out = new StringBuilder();
		if (category != null && !category.isBlank()) {
			out.append("类别=").append(category).append(' ');
		}
		if (risk != null) {
			out.append("风险=").append(risk.label()).append(' ');
		}
		if (status != null) {
			out.append("状态=").append(status.label()).append(' ');
		}
		if (Boolean.TRUE.equals(overdue)) {
			out.append("逾期未走访 ");
		}
		if (name != null && !name.isBlank()) {
			out.append("姓名含“").append(name.strip()).append("” ");
		}
		if (idNumber != null && !idNumber.isBlank()) {
			out.append("按身份证号精确查找 ");
		}
		return out.length() == 0 ? "全部" : out.toString().strip();
	}

}
