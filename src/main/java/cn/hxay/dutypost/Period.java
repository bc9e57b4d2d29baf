package cn.hxay.dutypost;

/** The two peaks of a school day: arrival (上学) and dismissal (放学). */
public enum Period {

	ARRIVAL("上学"), DISMISSAL("放学");

	private final String label;

	Period(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
