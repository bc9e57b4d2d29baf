package cn.hxay.alarm;

import java.time.Duration;
import java.time.Instant;

/**
 * An alarm as stored: the device and school it came from, what it is, when the device
 * said it happened and when the platform received it, its raw payload, and the console
 * workflow so far.
 */
public record Alarm(long id, String eventId, long deviceId, String deviceCode, DeviceKind deviceKind,
		String devicePlace, long schoolId, String schoolCode, String schoolName, long schoolOrgId, Long bureauId,
		Long stationId, Long townshipId, String regionCode, AlarmType type, String code, int priority,
		boolean actionable, String channel, Instant deviceTime, Instant receivedAt, String snapshotUrl, String clipUrl,
		String detail, String rawPayload, AlarmState state, Instant acknowledgedAt, String acknowledgedBy,
		Instant dispatchedAt, String dispatchedBy, Long dispatchStationId, String officers, Instant arrivedAt,
		String arrivedBy, Instant closedAt, String closedBy, AlarmOutcome outcome, String closingNote,
		int escalationLevel, Instant escalatedAt, int version) {

	/** How long it has waited for acknowledgement, or waited until acknowledged. */
	public Duration waited(Instant now) {
		return Duration.between(receivedAt, acknowledgedAt == null ? now : acknowledgedAt);
	}

}
