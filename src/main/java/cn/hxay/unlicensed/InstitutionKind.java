package cn.hxay.unlicensed;

import java.util.Optional;

/**
 * Kinds of unlicensed institution: seed 003 §三.1 (无证幼儿园、看护点, 以学生为主要对象的各类培训机构和课外班) and
 * seed 004 §(二) (尚未批准登记注册的民办中小学、幼儿园以及各类课外班、托管班).
 */
public enum InstitutionKind {

	KINDERGARTEN("无证幼儿园"), CARE_POINT("看护点/托管班"), TUTORING("校外培训班/课外班"), PRIVATE_SCHOOL("未登记民办中小学");

	private final String label;

	InstitutionKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	static Optional<InstitutionKind> parse(String text) {
		for (InstitutionKind k : values()) {
			if (k.name().equals(text) || k.label.equals(text)) {
				return Optional.of(k);
			}
		}
		return Optional.empty();
	}

}
