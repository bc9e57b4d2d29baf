package cn.hxay.drill;

/** A safety education session (安全教育) or a lecture by the school's 法治辅导员. */
public enum SessionKind {

	EDUCATION("安全专题教育"), LEGAL_LECTURE("法治辅导员讲座");

	private final String label;

	SessionKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
