package cn.hxay.schoolbus;

import java.time.LocalDate;

/**
 * A school bus: plate, seats, its school-bus sign and the dates its sign and inspection
 * are valid to.
 */
public record Bus(long id, long schoolId, String schoolName, String regionCode, String plate, int seats,
		String signNumber, LocalDate signValidUntil, LocalDate inspectionValidUntil, String recordedBy) {
}
