package cn.hxay.posture;

/**
 * What encloses the campus.
 */
public enum PerimeterType {

	WALL("围墙"), FENCE("金属栅栏"), PARTIAL("部分封闭"), NONE("无");

	private final String label;

	PerimeterType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
