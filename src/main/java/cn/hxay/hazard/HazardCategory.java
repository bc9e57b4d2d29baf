package cn.hxay.hazard;

/** What kind of protection a hazard concerns. */
public enum HazardCategory {

	PERSONNEL("人防"), PHYSICAL("物防"), TECHNICAL("技防"), FIRE("消防"), BUILDING("校舍"), FOOD("食品"), TRAFFIC("交通"),
	SURROUNDINGS("周边"), OTHER("其他");

	private final String label;

	HazardCategory(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
