package cn.hxay.alarm.console;

import cn.hxay.alarm.Alarm;
import cn.hxay.alarm.VideoLinks;

import java.time.Instant;

/**
 * An alarm as the console shows it in its queue and receives it over the live feed; a
 * venue's one-key alarm carries the venue's name and address, and {@code siteName} names
 * the venue and the school it protects.
 */
record AlarmView(long id, String eventId, int version, String state, String stateLabel, boolean open, String type,
		String typeLabel, int priority, long schoolId, String schoolName, String deviceCode, String deviceKind,
		String place, Instant receivedAt, long receivedAtMillis, Instant deviceTime, int escalationLevel,
		String snapshotUrl, String clipUrl, String owner, String venueName, String venueAddress, String siteName) {

	static AlarmView of(Alarm a) {
		return new AlarmView(a.id(), a.eventId(), a.version(), a.state().name(), a.state().label(), a.state().isOpen(),
				a.type().name(), a.type().label(), a.priority(), a.schoolId(), a.schoolName(), a.deviceCode(),
				a.deviceKind().label(), a.devicePlace(), a.receivedAt(), a.receivedAt().toEpochMilli(), a.deviceTime(),
				a.escalationLevel(), VideoLinks.safeScheme(a.snapshotUrl()) ? a.snapshotUrl() : null,
				VideoLinks.safeScheme(a.clipUrl()) ? a.clipUrl() : null, a.owner().name(), a.venueName(),
				a.venueAddress(), a.siteName());
	}

}
