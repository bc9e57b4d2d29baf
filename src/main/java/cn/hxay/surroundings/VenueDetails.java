package cn.hxay.surroundings;

/**
 * A venue as typed on the form or sent to the API: every field as text, so nothing typed
 * is lost to a failed conversion; {@link Venues} checks it field by field.
 *
 * @param coordinateSystem {@code WGS84} (GPS) or {@code GCJ02} (copied from 高德, 腾讯 and
 * other Chinese map apps; converted to WGS-84 on entry)
 * @param operating {@code false} once the venue has closed or moved away
 */
public record VenueDetails(String type, String name, String address, String coordinateSystem, String longitude,
		String latitude, String stationId, String townshipId, String operating) {

	static VenueDetails blank() {
		return new VenueDetails("", "", "", "GCJ02", "", "", "", "", "true");
	}

	static VenueDetails of(Venue v) {
		return new VenueDetails(v.type().name(), v.name(), v.address(), v.inputSystem(),
				v.inputLongitude().toPlainString(), v.inputLatitude().toPlainString(), Long.toString(v.stationId()),
				v.townshipId() == null ? "" : v.townshipId().toString(), Boolean.toString(v.operating()));
	}

}
