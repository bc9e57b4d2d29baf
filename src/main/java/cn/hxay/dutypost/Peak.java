package cn.hxay.dutypost;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One post at one bell of a day, with how it was staffed at the bell.
 *
 * @param present officers checked in at the bell
 * @param car a police car recorded by one of them
 * @param rostered officers on the roster for the peak
 * @param officers their names, for police readers only (empty otherwise)
 */
public record Peak(DutyPost post, Bell bell, LocalDate day, Instant bellAt, PeakStatus status, int present, boolean car,
		int rostered, List<String> officers) {

}
