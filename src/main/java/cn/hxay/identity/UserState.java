package cn.hxay.identity;

/**
 * The account states the administrators' user list filters by.
 */
public enum UserState {

	LOCKED("已锁定"), DISABLED("已停用"), MUST_CHANGE("待修改初始密码"), NEVER_SIGNED_IN("从未登录");

	private final String label;

	UserState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
