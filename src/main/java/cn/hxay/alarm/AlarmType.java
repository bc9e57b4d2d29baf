package cn.hxay.alarm;

import java.util.List;
import java.util.Locale;

/**
 * Kinds of alarm signal, their priority on the console (1 is the most urgent) and whether
 * a dispatcher must act on them; tests and restores are log-only. A code no kind knows is
 * stored as {@link #UNCLASSIFIED}, never dropped.
 */
public enum AlarmType {

	ONE_KEY("一键报警", 1, true, List.of("one_key", "onekey", "panic", "sos"),
			"立即回拨学校值班电话核实；无法核实按真实警情处置，派最近警力到场；同步调取现场视频。"),
	DURESS("胁迫", 1, true, List.of("duress"), "不要回拨学校值班电话 (可能被胁迫)；按真实警情处置，隐蔽接近，派警到场并调取视频。"),
	INTRUSION("入侵", 2, true, List.of("intrusion", "zone", "burglary"), "调取防区视频复核；确认有人入侵即派警到场，通知学校值守人员。"),
	UNCLASSIFIED("未分类", 2, true, List.of(), "未能识别的报警代码：按一键报警核实，处置后反馈设备厂商确认代码含义。"),
	FAULT("故障", 3, true, List.of("fault", "tamper", "power"), "通知学校和维保单位检修，24 小时内修复 (GB/T 29315)。"),
	TEST("测试", 9, false, List.of("test"), "仅记录。"), RESTORE("恢复", 9, false, List.of("restore", "recovery"), "仅记录。");

	private final String label;

	private final int priority;

	private final boolean actionable;

	private final List<String> codes;

	private final String procedure;

	AlarmType(String label, int priority, boolean actionable, List<String> codes, String procedure) {
		this.label = label;
		this.priority = priority;
		this.actionable = actionable;
		this.codes = codes;
		this.procedure = procedure;
	}

	public String label() {
		return label;
	}

	public int priority() {
		return priority;
	}

	public boolean actionable() {
		return actionable;
	}

	/** The step-by-step procedure shown on the console for this kind of alarm. */
	public String procedure() {
		return procedure;
	}

	/** The kind a device's code stands for: its name or one of its aliases, any case. */
	public static AlarmType ofCode(String code) {
		if (code == null) {
			return UNCLASSIFIED;
		}
		String wanted = code.strip().toLowerCase(Locale.ROOT);
		for (AlarmType type : values()) {
			if (type != UNCLASSIFIED && (type.name().toLowerCase(Locale.ROOT).equals(wanted)
					|| type.codes.contains(wanted) || type.label.equals(code.strip()))) {
				return type;
			}
		}
		return UNCLASSIFIED;
	}

}
