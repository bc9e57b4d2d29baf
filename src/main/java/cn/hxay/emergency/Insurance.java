package cn.hxay.emergency;

/** Where the insurance claim of an accident stands. */
public enum Insurance {

	NONE("未报案"), FILED("已报案理赔中"), PAID("已赔付"), REFUSED("拒赔");

	private final String label;

	Insurance(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
