package cn.hxay.hazard;

/**
 * The grade of a hazard with its default rectification period in days. National rule: 一般
 * is fixed on the spot (same day), 重大 needs a supervised plan; one put on the ledger from
 * an inspection gets at least {@link #ledgerDays()}.
 */
public enum HazardGrade {

	GENERAL("一般", 0, 7), SERIOUS("较大", 30, 30), MAJOR("重大", 90, 90);

	private final String label;

	private final int defaultDays;

	private final int ledgerDays;

	HazardGrade(String label, int defaultDays, int ledgerDays) {
		this.label = label;
		this.defaultDays = defaultDays;
		this.ledgerDays = ledgerDays;
	}

	/**
	 * The least period of a hazard put on the ledger from an inspection (拉单挂账): it was
	 * not fixed on the spot, so even a general one gets a week.
	 */
	public int ledgerDays() {
		return ledgerDays;
	}

	public String label() {
		return label;
	}

	public int defaultDays() {
		return defaultDays;
	}

}
