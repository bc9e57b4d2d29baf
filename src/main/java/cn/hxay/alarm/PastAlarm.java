package cn.hxay.alarm;

import java.time.Instant;

/**
 * An alarm of the past to import with its history: raised on a device at
 * {@code receivedAt} and, when {@code closedAt} is set, acknowledged, dispatched (to the
 * school's own station, with the officers named), attended and closed at the times given,
 * by {@code actor}.
 */
public record PastAlarm(long deviceId, String eventId, String code, Instant receivedAt, String channel, String note,
		String actor, Instant acknowledgedAt, Instant dispatchedAt, String officers, Instant arrivedAt,
		Instant closedAt, AlarmOutcome outcome) {

	/** An alarm still open: raised, not worked. */
	public static PastAlarm open(long deviceId, String eventId, String code, Instant receivedAt, String channel,
			String note) {
		return new PastAlarm(deviceId, eventId, code, receivedAt, channel, note, null, null, null, null, null, null,
				null);
	}

}
