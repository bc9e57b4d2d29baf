package cn.hxay.inspection;

/** The kind of answer a checklist item takes. */
public enum ItemType {

	YES_NO("是/否"), NUMBER("数字"), TEXT("文字"), CHOICE("选项"), DATE("日期"), PHOTO("照片");

	private final String label;

	ItemType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
