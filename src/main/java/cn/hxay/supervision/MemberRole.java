package cn.hxay.supervision;

/** A member's place in a group, in the order a roster lists them. */
public enum MemberRole {

	LEADER("组长"), DEPUTY("副组长"), MEMBER("成员"), LIAISON("联络员");

	private final String label;

	MemberRole(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
