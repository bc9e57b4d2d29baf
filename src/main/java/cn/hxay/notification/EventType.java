package cn.hxay.notification;

/** What a notification is about; webhooks subscribe to some or all. */
public enum EventType {

	ALARM_RAISED("新报警"), ALARM_ESCALATED("报警升级"), DEVICE_OFFLINE("设备离线"), HAZARD_SUPERVISED("隐患挂牌督办"),
	HAZARD_CLOSED("隐患销号"), WARNING_UNREAD("预警逾期未读"), DUTYPOST_GAP("护学岗缺岗"), INCIDENT_REPORTED("涉校案事件初报"),
	INCIDENT_OVERDUE("涉校案事件报告逾期"), REPORT_DUE("填报即将到期"), TIP_POLICE("学生求助转公安"), GATE_ALERT("门岗预警"), TEST("测试消息");

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
