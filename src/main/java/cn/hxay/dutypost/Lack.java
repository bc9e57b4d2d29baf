package cn.hxay.dutypost;

/** What a school may lack of its police links, each a coverage figure and a list. */
public enum Lack {

	LEGAL("无法制副校长或法治辅导员"), LIAISON("无警校联络民警"), ROOM("应设未设警务室或治安岗亭");

	private final String label;

	Lack(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
