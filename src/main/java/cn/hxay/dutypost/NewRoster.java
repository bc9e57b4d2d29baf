package cn.hxay.dutypost;

import java.time.LocalDate;

/** An officer put on the roster of a post for a day's peak. */
public record NewRoster(LocalDate day, Period period, String officerName, OfficerKind officerKind) {

}
