package cn.hxay.emergency;

/** What kind of accident happened. */
public enum AccidentKind {

	INJURY("意外伤害"), SPORTS("体育运动伤害"), TRAFFIC("交通事故"), FOOD("食物中毒"), FIGHT("学生冲突"), OTHER("其他");

	private final String label;

	AccidentKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
