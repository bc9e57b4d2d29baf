package cn.hxay.posture;

import java.time.LocalDate;
import java.time.Period;

/**
 * One security guard (保安员) posted at a school.
 *
 * @param idNumber resident ID number; only ever shown masked
 * @param certificateNumber 保安员证 number; a guard without one is not certified
 */
public record Guard(String name, String idNumber, String certificateNumber, LocalDate birthDate, boolean fullTime,
		String employer) {

	public boolean certified() {
		return certificateNumber != null && !certificateNumber.isBlank();
	}

	public Integer ageOn(LocalDate date) {
		return birthDate == null ? null : Period.between(birthDate, date).getYears();
	}

	/** The ID number as screens show it: first 6 and last 4 characters. */
	public String maskedIdNumber() {
		if (idNumber == null || idNumber.length() < 10) {
			return idNumber == null ? null : "****";
		}
		return idNumber.substring(0, 6) + "********" + idNumber.substring(idNumber.length() - 4);
	}

}
