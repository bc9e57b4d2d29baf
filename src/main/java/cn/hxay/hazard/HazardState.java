package cn.hxay.hazard;

/**
 * Where a hazard stands in its rectification: 待整改 → 整改中 → 已提交待验收 → 已销号 (or back to 整改中).
 */
public enum HazardState {

	PENDING("待整改"), RECTIFYING("整改中"), SUBMITTED("已提交待验收"), CLOSED("已销号");

	private final String label;

	HazardState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
