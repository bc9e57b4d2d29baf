package cn.hxay.keyperson;

/** Whether a key person is under control (管控中) or released from it (已撤销管控). */
public enum ControlStatus {

	UNDER_CONTROL("管控中"), RELEASED("已撤销管控");

	private final String label;

	ControlStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
