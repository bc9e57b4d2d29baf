package cn.hxay.dashboard;

/** Bands of the risk score, as the map colours them. */
public enum RiskBand {

	LOW("低", "#2e7d32", 0), MEDIUM("中", "#f9a825", 10), HIGH("高", "#c62828", 25);

	private final String label;

	private final String colour;

	private final long from;

	RiskBand(String label, String colour, long from) {
		this.label = label;
		this.colour = colour;
		this.from = from;
	}

	public String label() {
		return label;
	}

	public String colour() {
		return colour;
	}

	public long from() {
		return from;
	}

	static RiskBand of(long score) {
		return score >= HIGH.from ? HIGH : score >= MEDIUM.from ? MEDIUM : LOW;
	}

}
