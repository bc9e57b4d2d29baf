package cn.hxay.incident;

import java.time.Instant;

/** One timestamped step on a track of 三同步. */
public record HandlingAction(long id, long incidentId, Track track, String text, Instant doneAt, Instant recordedAt,
		String name, String unit) {

}
