package cn.hxay.dutypost;

/**
 * How a post was staffed at one bell. Seed 002 §二(二)4: at least two police or auxiliary
 * officers at the gate at the peaks, with a police car and its lights on.
 */
public enum PeakStatus {

	MET("达标"), SHORT("不足 2 人或无警车"), GAP("缺岗"), PENDING("未到时");

	private final String label;

	PeakStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
