package cn.hxay.emergency;

/** What an accident's follow-up (续报) reports. */
public enum FollowUpKind {

	HANDLING("处置进展"), INSURANCE("保险理赔"), MEDIATION("调解结果");

	private final String label;

	FollowUpKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
