package cn.hxay.patrol;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A roster line: who is on duty which day, whether as the leader on duty, on a holiday.
 */
public record NewDuty(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, String person, Boolean leader,
		Boolean holiday) {

	public static NewDuty empty() {
		return new NewDuty(null, null, null, null);
	}

}
