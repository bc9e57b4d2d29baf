package cn.hxay.dutypost;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A post nobody staffed N minutes before a bell, flagged to its station.
 *
 * @param coveredAt when an officer checked in afterwards, or null
 */
public record Gap(long id, long postId, String schoolName, String gate, LocalDate day, LocalTime bellAt,
		Period bellKind, String bellLabel, Instant raisedAt, Instant coveredAt) {

}
