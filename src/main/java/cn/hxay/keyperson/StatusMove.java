package cn.hxay.keyperson;

/** The status changes of a key person: 纳入管控, 降级 (lower risk), 升级 (higher risk), 撤销管控. */
public enum StatusMove {

	INCLUDE("纳入管控"), DOWNGRADE("降级"), ESCALATE("升级"), RELEASE("撤销管控");

	private final String label;

	StatusMove(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
