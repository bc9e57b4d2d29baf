package cn.hxay.alarm;

import java.time.Instant;

import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.SchoolUnits;

/**
 * A registered device with its school's place in the tree and its latest heartbeat.
 *
 * @param version optimistic-lock version
 * @param lastHeartbeatAt when the platform last received a heartbeat (platform clock),
 * {@code null} if never
 * @param heartbeats heartbeats received in total
 * @param owner a school's own device, or a venue's near the school it protects (then the
 * school fields name that school and {@code stationId} the venue's responsible station)
 * @param venueId the venue of a venue device, else {@code null}
 */
public record Device(long id, String code, long schoolId, String schoolCode, String schoolName, long schoolOrgId,
		Long bureauId, Long stationId, Long townshipId, String regionCode, DeviceKind kind, String place, String vendor,
		String model, boolean mustBeNetworked, int version, Instant createdAt, Instant lastHeartbeatAt, long heartbeats,
		Instant registeredUntil, DeviceOwner owner, Long venueId, String venueName, String venueAddress) {

	/** The units of the device's school, for the data scope. */
	public SchoolUnits units() {
		return new SchoolUnits(schoolOrgId, bureauId, stationId, townshipId);
	}

	/**
	 * Whether the device is in the scope: a school device by its school's units, a venue
	 * device by its responsible police station alone (police data), as its
	 * {@code unit_ids} column holds them.
	 */
	public boolean inScopeOf(DataScope scope) {
		return owner.inScope(scope, units(), stationId);
	}

	/**
	 * Where it is, as the lists show it: the school, or the venue and the school it
	 * protects.
	 */
	public String ownerName() {
		return owner == DeviceOwner.VENUE ? venueName + "（周边，护 " + schoolName + "）" : schoolName;
	}

	public DeviceDetails details() {
		return new DeviceDetails(code, schoolId, kind, place, vendor, model, mustBeNetworked);
	}

}
