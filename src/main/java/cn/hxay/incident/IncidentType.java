package cn.hxay.incident;

import java.util.Optional;

/**
 * Kinds of school incident (涉校案事件) the statistics count; the first four are the offences
 * 《治安管理处罚法》 and the criminal law punish, the others the accidents and events of seed 001
 * §三.3 (学生非正常死亡) and the 防范案事件 tables.
 */
public enum IncidentType {

	VIOLENCE("侵害师生人身安全"), INTRUSION("非法侵入校园、扰乱教学秩序"), BULLYING("校园欺凌"), THEFT("盗窃、抢夺等侵财"), TRAFFIC("涉校交通事故"),
	MASS_EVENT("涉校群体性事件"), FIRE("火灾"), PUBLIC_HEALTH("食物中毒、传染病等公共卫生事件"), ABNORMAL_DEATH("学生非正常死亡"), DROWNING("溺水"),
	OTHER("其他");

	private final String label;

	IncidentType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	static Optional<IncidentType> parse(String name) {
		for (IncidentType t : values()) {
			if (t.name().equals(name)) {
				return Optional.of(t);
			}
		}
		return Optional.empty();
	}

}
