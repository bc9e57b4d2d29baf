package cn.hxay.compliance;

/**
 * The target rates of the notices, each fed by the findings of the rules tagged with it.
 */
public enum Metric {

	CLOSED_MANAGEMENT("封闭式管理率", 100), ONE_KEY_ALARM_INSTALLED("一键报警安装率", 100), ONE_KEY_ALARM_NETWORKED("一键报警联网率", 100),
	VIDEO_NETWORKED("视频监控接入平台率", 90), URBAN_FULL_TIME_GUARDS("城市学校专职保安配备率", 100), OVERALL("综合达标率", 100);

	private final String label;

	private final int targetPercent;

	Metric(String label, int targetPercent) {
		this.label = label;
		this.targetPercent = targetPercent;
	}

	public String label() {
		return label;
	}

	public int targetPercent() {
		return targetPercent;
	}

}
