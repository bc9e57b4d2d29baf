package cn.hxay.notification;

/** What a notification is about; webhooks subscribe to some or all. */
public enum EventType {

	ALARM_RAISED("新报警"), ALARM_ESCALATED("报警升级"), DEVICE_OFFLINE("设备离线"), HAZARD_SUPERVISED("隐患挂牌督办"),
	HAZARD_CLOSED("隐患销号"), WARNING_UNREAD("预警逾期未读"), GATE_ALERT("门岗预警"), TEST("测试消息");

	private final String label;

	EventType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The name receivers see, e.g. {@code alarm.raised}. */
	public String wireName() {
		return name().toLowerCase(java.util.Locale.ROOT).replaceFirst("_", ".");
	}

}
