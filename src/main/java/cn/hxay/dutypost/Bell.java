package cn.hxay.dutypost;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One bell of a school: arrival or dismissal, for some grades (staggered bells), on some
 * days of the week.
 *
 * @param label whom it rings for, e.g. 全校 or 一至三年级
 * @param weekdays ISO days it rings on, e.g. {@code 12345}
 */
public record Bell(long id, long schoolId, Period kind, String label, LocalTime at, String weekdays) {

	public boolean ringsOn(LocalDate day) {
		return weekdays.indexOf((char) ('0' + day.getDayOfWeek().getValue())) >= 0;
	}

	public String weekdaysLabel() {
		return Weekdays.label(weekdays);
	}

}
