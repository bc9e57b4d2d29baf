package cn.hxay.patrol;

import java.time.LocalDate;

/** One person on duty on one day; {@code leader}: 领导带班; {@code holiday}: 假期值班. */
public record DutyEntry(long id, long schoolId, LocalDate day, String person, boolean leader, boolean holiday) {
}
