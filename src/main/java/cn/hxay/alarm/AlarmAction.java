package cn.hxay.alarm;

/**
 * The steps a dispatcher takes: 接警, 派警, 到场, 处置完毕; each leads to one state.
 */
public enum AlarmAction {

	ACKNOWLEDGE("接警", AlarmState.ACKNOWLEDGED), DISPATCH("派警", AlarmState.DISPATCHED), ARRIVE("到场", AlarmState.ARRIVED),
	CLOSE("处置完毕", AlarmState.CLOSED);

	private final String label;

	private final AlarmState after;

	AlarmAction(String label, AlarmState after) {
		this.label = label;
		this.after = after;
	}

	public String label() {
		return label;
	}

	public AlarmState after() {
		return after;
	}

	/** Whether an alarm in the given state may take this step. */
	public boolean allowedFrom(AlarmState state) {
		return state.before(this).contains(state);
	}

}
