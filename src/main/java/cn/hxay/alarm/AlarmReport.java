package cn.hxay.alarm;

import java.time.Instant;

/**
 * An alarm as a device reported it, already authenticated and parsed.
 *
 * @param rawPayload the message exactly as received
 */
public record AlarmReport(long deviceId, String eventId, String code, Instant deviceTime, Instant receivedAt,
		String snapshotUrl, String clipUrl, String detail, String channel, String rawPayload) {

}
