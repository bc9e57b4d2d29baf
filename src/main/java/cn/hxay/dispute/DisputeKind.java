package cn.hxay.dispute;

import java.util.Optional;

/**
 * Kinds of school-related dispute, from seed 001 §三.3 (学生非正常死亡、食堂伙食、教学管理等涉及师生切身利益问题) and
 * seed 004 §三(三) (涉及校园内师生的；校园资产、劳资纠纷).
 */
public enum DisputeKind {

	STUDENT_DEATH("学生非正常死亡引发"), CANTEEN("食堂伙食"), TEACHING("教学管理"), TEACHER_STUDENT("涉及校内师生"), CAMPUS_ASSET("校园资产"),
	LABOUR("劳资纠纷"), PARENT_SCHOOL("家校纠纷"), OTHER("其他");

	private final String label;

	DisputeKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	static Optional<DisputeKind> parse(String name) {
		for (DisputeKind k : values()) {
			if (k.name().equals(name)) {
				return Optional.of(k);
			}
		}
		return Optional.empty();
	}

}
