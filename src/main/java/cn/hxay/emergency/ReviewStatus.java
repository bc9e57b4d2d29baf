package cn.hxay.emergency;

/** Where a plan's review date stands on a day. */
public enum ReviewStatus {

	CURRENT("有效", "text-bg-success"), DUE("即将到评审期", "text-bg-warning"), OVERDUE("评审逾期", "text-bg-danger");

	private final String label;

	private final String badge;

	ReviewStatus(String label, String badge) {
		this.label = label;
		this.badge = badge;
	}

	public String label() {
		return label;
	}

	public String badge() {
		return badge;
	}

}
