package cn.hxay.tip;

/**
 * What a tip is about, as the reporter chooses it; the choice decides where it goes
 * ({@link Triage}).
 */
public enum TipCategory {

	/** Danger to life or a crime going on: the police station at once. */
	DANGER("人身危险或违法犯罪", "有人带刀、打架斗殴、敲诈勒索、威胁伤害，或正在发生危险"),
	/**
	 * Abuse or sexual harm: always reported to the police (《未成年人保护法》第四十条; seed 003
	 * 桂政办发〔2018〕113号 §二(二)7: 零容忍).
	 */
	ABUSE("体罚虐待或性侵害、性骚扰", "被打骂体罚、虐待，或遭受性侵害、性骚扰"),
	/** Bullying: the school's 学生欺凌治理委员会, with the investigation clock. */
	BULLYING("学生欺凌", "被同学打、骂、起侮辱性绰号、孤立排挤、抢要财物、网上造谣或传播隐私"),
	/** Anything else the school should know or help with. */
	OTHER("其他求助", "心理困扰、安全隐患或其他需要学校帮助的事");

	private final String label;

	private final String hint;

	TipCategory(String label, String hint) {
		this.label = label;
		this.hint = hint;
	}

	public String label() {
		return label;
	}

	public String hint() {
		return hint;
	}

}
