package cn.hxay.dutypost;

/** The police presence built at a school (seed 002 §二(二)5): 警务室 or 治安岗亭, or none. */
public enum PoliceRoom {

	NONE("未设"), POLICE_ROOM("警务室"), SECURITY_BOOTH("治安岗亭");

	private final String label;

	PoliceRoom(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
