package cn.hxay.dutypost;

import java.math.BigDecimal;
import java.time.Instant;

/** An officer checked in at one of a school's posts right now (for the 110 console). */
public record OnDuty(long checkInId, long postId, String gate, String officerName, OfficerKind officerKind,
		Instant since, boolean carPresent, BigDecimal latitude, BigDecimal longitude, String place) {

}
