package cn.hxay.visitor;

import java.time.Instant;

/** One entry of a school's own ban list (学校禁入名单). */
public record Ban(long id, long schoolId, String name, String idMasked, String reason, String addedBy,
		Instant addedAt) {
}
