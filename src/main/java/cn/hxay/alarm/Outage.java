package cn.hxay.alarm;

import java.time.Duration;
import java.time.Instant;

/**
 * A period in which a device that must be networked sent no heartbeat: from when it went
 * offline to its next heartbeat ({@code null} while it lasts). GB/T 29315 allows 24 hours
 * to repair.
 */
public record Outage(long deviceId, String deviceCode, String schoolName, String place, Instant startedAt,
		Instant endedAt) {

	public static final Duration REPAIR_LIMIT = Duration.ofHours(24);

	public Duration length(Instant now) {
		return Duration.between(startedAt, endedAt == null ? now : endedAt);
	}

	/** Whether it lasted, or has lasted so far, longer than the 24 h repair limit. */
	public boolean overdue(Instant now) {
		return length(now).compareTo(REPAIR_LIMIT) > 0;
	}

}
