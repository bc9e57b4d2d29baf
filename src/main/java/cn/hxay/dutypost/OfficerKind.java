package cn.hxay.dutypost;

/** Who stands at a post: a police officer (民警) or an auxiliary officer (辅警). */
public enum OfficerKind {

	POLICE("民警"), AUXILIARY("辅警");

	private final String label;

	OfficerKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
