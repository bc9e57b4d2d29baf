package cn.hxay.schoolbus;

/** The dates of a school bus and its driver that lapse. */
public enum ExpiryKind {

	BUS_INSPECTION("校车安全技术检验（年检）"), BUS_SIGN("校车标牌"), DRIVER_LICENCE("驾驶证"), DRIVER_TRAINING("校车驾驶人安全培训");

	private final String label;

	ExpiryKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
