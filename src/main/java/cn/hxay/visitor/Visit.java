package cn.hxay.visitor;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One visitor at one school on one day. The ID number is only ever held masked (the keyed
 * hash stays in the database).
 */
public record Visit(long id, long schoolId, String schoolName, String name, String idMasked, String phone,
		String purpose, String host, String plate, String escort, VisitStatus status, LocalDate expectedOn,
		String preRegisteredBy, Instant checkedInAt, Instant checkedOutAt, LocalDate day) {

	public boolean inside() {
		return status == VisitStatus.INSIDE;
	}

	public boolean expected() {
		return status == VisitStatus.EXPECTED;
	}

}
