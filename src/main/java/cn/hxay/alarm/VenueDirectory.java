package cn.hxay.alarm;

import cn.hxay.organisation.DataScope;

/**
 * Where this module learns about venues near schools (周边场所) for their one-key alarms: a
 * port implemented by the nested module {@code alarm.devices} over the surroundings
 * module's API, so that the module's own API does not depend on surroundings (which the
 * portal, a user of this API, is used by).
 */
public interface VenueDirectory {

	/**
	 * The venue with this id as the user sees it, and the school a device there protects.
	 * @param schoolId the chosen school, one within the venue's safety zone; {@code null}
	 * for the nearest
	 * @throws cn.hxay.shared.NotFoundException when the venue, or its responsible
	 * station, is outside the scope
	 * @throws cn.hxay.shared.InvalidInputException when no school (or not the chosen one)
	 * is within the zone
	 */
	VenueSite find(DataScope scope, long venueId, Long schoolId);

	/**
	 * A venue and the school a device there protects.
	 *
	 * @param stationId the venue's responsible police station
	 */
	record VenueSite(long venueId, String name, String address, long stationId, Long townshipId,
			long protectedSchoolId) {
	}

}
