package cn.hxay.supervision;

/** A unit's standing body for campus safety. */
public enum GroupKind {

	LEADERSHIP_GROUP("领导小组"), WORKING_TEAM("工作专班");

	private final String label;

	GroupKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
