package cn.hxay.surroundings;

/** Filters of the venue list; {@code null} for any. */
public record VenueFilter(VenueType type, String text, Long stationId) {

	public static VenueFilter none() {
		return new VenueFilter(null, null, null);
	}

}
