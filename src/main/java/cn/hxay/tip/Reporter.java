package cn.hxay.tip;

/** Who files a tip, as they say. */
public enum Reporter {

	STUDENT("学生本人"), CLASSMATE("同学"), PARENT("家长"), OTHER("其他知情人");

	private final String label;

	Reporter(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
