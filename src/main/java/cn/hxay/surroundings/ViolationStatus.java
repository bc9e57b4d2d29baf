package cn.hxay.surroundings;

/** Where a violation stands on the ledger. */
public enum ViolationStatus {

	FOUND("发现"), RECTIFYING("整改中"), CLOSED("已销号");

	private final String label;

	ViolationStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
