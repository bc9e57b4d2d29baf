package cn.hxay.drill;

import java.time.LocalDate;

/** A safety education session or a 法治辅导员 lecture held at a school. */
public record SafetySession(long id, long schoolId, String schoolName, SessionKind kind, LocalDate heldOn, String topic,
		String speaker, int audience, String recordedBy) {
}
