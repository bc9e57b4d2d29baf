package cn.hxay.inspection;

/** What an answer says about the item it answers. */
public enum Verdict {

	PASS("符合"), FAIL("不符合"), NOT_APPLICABLE("不适用"), UNANSWERED("未填写"), RECORDED("已填写");

	private final String label;

	Verdict(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
