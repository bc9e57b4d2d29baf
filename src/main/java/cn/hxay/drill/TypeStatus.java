package cn.hxay.drill;

import java.time.LocalDate;

/**
 * One type of drill at one school on a day: its status, the last day it was held, the day
 * the next is due (null when never held) and the next planned day.
 */
public record TypeStatus(DrillType type, DrillStatus status, int intervalDays, LocalDate lastHeld, LocalDate dueOn,
		LocalDate nextPlanned) {
}
