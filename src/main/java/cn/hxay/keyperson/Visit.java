package cn.hxay.keyperson;

import java.time.Instant;
import java.time.LocalDate;

/** One follow-up visit (走访): when, by which officer, what was found. */
public record Visit(long id, LocalDate visitedOn, String officer, String findings, String recordedBy,
		Instant recordedAt) {
}
