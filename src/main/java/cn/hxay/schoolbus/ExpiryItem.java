package cn.hxay.schoolbus;

import java.time.LocalDate;

/**
 * One lapsing date of a school's bus or driver on a day: what it is, whose (a plate or a
 * driver's name), the last valid day, and its status.
 */
public record ExpiryItem(long schoolId, String schoolName, String regionCode, ExpiryKind kind, long subjectId,
		String subject, LocalDate validUntil, ExpiryStatus status, long daysLeft) {
}
