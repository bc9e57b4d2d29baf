package cn.hxay.schoolbus;

import java.time.LocalDate;

/** An approved school-bus route: its stops, the bus on it, and the approval. */
public record Route(long id, long schoolId, String schoolName, String name, String stops, String plate,
		String approvalNumber, LocalDate approvedOn, String recordedBy) {
}
