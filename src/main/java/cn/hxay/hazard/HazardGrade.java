package cn.hxay.hazard;

/**
 * The grade of a hazard with its default rectification period in days. National rule: 一般
 * is fixed on the spot (same day), 重大 needs a supervised plan.
 */
public enum HazardGrade {

	GENERAL("一般", 0), SERIOUS("较大", 30), MAJOR("重大", 90);

	private final String label;

	private final int defaultDays;

	HazardGrade(String label, int defaultDays) {
		this.label = label;
		this.defaultDays = defaultDays;
	}

	public String label() {
		return label;
	}

	public int defaultDays() {
		return defaultDays;
	}

}
