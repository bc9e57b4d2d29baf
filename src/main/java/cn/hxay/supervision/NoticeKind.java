package cn.hxay.supervision;

/** A 通报 names units to criticise (通报批评) or to commend (通报表扬). */
public enum NoticeKind {

	CRITICISM("通报批评"), COMMENDATION("通报表扬");

	private final String label;

	NoticeKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
