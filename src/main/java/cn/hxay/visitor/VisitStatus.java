package cn.hxay.visitor;

/** Where a visit stands. */
public enum VisitStatus {

	EXPECTED("已预约"), INSIDE("在校"), LEFT("已离校"), REFUSED("未放行");

	private final String label;

	VisitStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
