package cn.hxay.supervision;

/** A supervision visit announced beforehand, or unannounced (明察暗访). */
public enum VisitKind {

	SUPERVISION("督导检查"), UNANNOUNCED("明察暗访");

	private final String label;

	VisitKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
