package cn.hxay.schoolbus;

import java.time.LocalDate;

/** A school-bus driver: licence class and validity, and the last safety training. */
public record Driver(long id, long schoolId, String schoolName, String regionCode, String name, String licenceClass,
		LocalDate licenceValidUntil, LocalDate lastTrainingOn, String recordedBy) {
}
