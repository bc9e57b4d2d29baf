package cn.hxay.drill;

/**
 * Where a school stands with one type of drill on a day, worst last. A plan never cures
 * an overdue drill: only holding it does.
 */
public enum DrillStatus {

	/** Held, and the next one is not yet due within the window. */
	DONE("已完成", "text-bg-success"),
	/** Due within the window and a drill is planned on or before the due date. */
	SCHEDULED("已安排", "text-bg-info"),
	/** Due within the window and nothing planned. */
	DUE("即将到期", "text-bg-warning"),
	/** Never held, or the due date has passed. */
	OVERDUE("逾期", "text-bg-danger");

	private final String label;

	private final String badge;

	DrillStatus(String label, String badge) {
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
