package cn.hxay.emergency;

import java.time.LocalDate;

/**
 * One version of a school's emergency plan of a type, with its review status on a day.
 */
public record Plan(long id, long schoolId, String schoolName, String regionCode, PlanType type, String title,
		int version, LocalDate approvedOn, LocalDate reviewDue, ReviewStatus status, String recordedBy) {
}
