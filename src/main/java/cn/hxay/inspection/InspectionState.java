package cn.hxay.inspection;

/** Where a school's inspection stands. */
public enum InspectionState {

	ASSIGNED("待自查"), DRAFT("填报中"), SUBMITTED("已提交待验收"), RETURNED("已退回"), ACCEPTED("已验收");

	private final String label;

	InspectionState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The school (and its police station) may still change the answers. */
	public boolean editable() {
		return this == ASSIGNED || this == DRAFT || this == RETURNED;
	}

}
