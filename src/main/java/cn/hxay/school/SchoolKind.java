package cn.hxay.school;

import java.util.Arrays;
import java.util.Optional;

/**
 * Type of school (学校类型).
 */
public enum SchoolKind {

	KINDERGARTEN("幼儿园"), PRIMARY("小学"), JUNIOR_SECONDARY("初中"), SENIOR_SECONDARY("高中"), NINE_YEAR("九年一贯制"),
	COMPLETE_SECONDARY("完全中学"), VOCATIONAL("中职"), SPECIAL_EDUCATION("特殊教育");

	private final String label;

	SchoolKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static Optional<SchoolKind> fromLabel(String text) {
		return Arrays.stream(values()).filter(k -> k.label.equals(text) || k.name().equals(text)).findFirst();
	}

}
