package cn.hxay.dutypost;

import java.time.LocalDate;

/** One officer on the station's roster for a post, a day and a peak. */
public record RosterEntry(long id, long postId, LocalDate day, Period period, String officerName,
		OfficerKind officerKind) {

}
