package cn.hxay.alarm;

import java.time.Instant;

import cn.hxay.organisation.SchoolUnits;

/**
 * A registered device with its school's place in the tree and its latest heartbeat.
 *
 * @param version optimistic-lock version
 * @param lastHeartbeatAt when the platform last received a heartbeat (platform clock),
 * {@code null} if never
 * @param heartbeats heartbeats received in total
 */
public record Device(long id, String code, long schoolId, String schoolCode, String schoolName, long schoolOrgId,
		Long bureauId, Long stationId, Long townshipId, String regionCode, DeviceKind kind, String place, String vendor,
		String model, boolean mustBeNetworked, int version, Instant createdAt, Instant lastHeartbeatAt, long heartbeats,
		Instant registeredUntil) {

	/** The units of the device's school, for the data scope. */
	public SchoolUnits units() {
		return new SchoolUnits(schoolOrgId, bureauId, stationId, townshipId);
	}

	public DeviceDetails details() {
		return new DeviceDetails(code, schoolId, kind, place, vendor, model, mustBeNetworked);
	}

}
