package cn.hxay.report;

/** Where one unit's report for one period stands. */
public enum SubmissionState {

	DRAFT("草稿"), SUBMITTED("已报送（已锁定）"), REOPENED("已退回修改");

	private final String label;

	SubmissionState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Whether the reporter may still change it. */
	public boolean editable() {
		return this != SUBMITTED;
	}

}
