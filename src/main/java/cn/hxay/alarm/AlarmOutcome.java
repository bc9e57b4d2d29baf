package cn.hxay.alarm;

/**
 * What an alarm turned out to be, recorded when it is closed.
 */
public enum AlarmOutcome {

	REAL("真实警情"), FALSE_ALARM("误报"), TEST("测试"), FAULT("故障");

	private final String label;

	AlarmOutcome(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
