package cn.hxay.alarm;

/**
 * A one-key alarm to register at a venue near a school (a shop, a home, a 警务室 of the 护校联防
 * network).
 *
 * @param code the 20-digit GB/T 28181 device id (type code 134)
 * @param venueId the venue (周边场所) it is installed in
 * @param schoolId the school it protects, one within the venue's safety zone; empty for
 * the nearest
 * @param place where in the venue, e.g. 收银台
 * @param mustBeNetworked whether the outage watch follows it (default yes)
 */
public record VenueDeviceDetails(String code, Long venueId, Long schoolId, String place, String vendor, String model,
		Boolean mustBeNetworked) {

	DeviceDetails details(long protectedSchoolId) {
		return new DeviceDetails(code, protectedSchoolId, DeviceKind.ONE_KEY_ALARM, place, vendor, model,
				!Boolean.FALSE.equals(mustBeNetworked));
	}

}
