package cn.hxay.tip;

import java.time.Instant;

/** A member of a school's 学生欺凌治理委员会 with their duty on it. */
public record CommitteeMember(long id, long schoolId, String name, String duty, String phone, Instant addedAt) {
}
