package cn.hxay.schoolbus;

/** Where a lapsing date stands on a day. */
public enum ExpiryStatus {

	VALID("有效", "text-bg-success"), EXPIRING("即将到期", "text-bg-warning"), EXPIRED("已过期", "text-bg-danger");

	private final String label;

	private final String badge;

	ExpiryStatus(String label, String badge) {
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
