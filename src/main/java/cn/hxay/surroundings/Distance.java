package cn.hxay.surroundings;

/**
 * Straight-line distance between WGS-84 points in whole metres, kept here for this
 * module's callers; the implementation is {@link cn.hxay.shared.geo.Distance}.
 */
public final class Distance {

	public static final double EARTH_RADIUS_METRES = cn.hxay.shared.geo.Distance.EARTH_RADIUS_METRES;

	private Distance() {
	}

	public static int wholeMetres(double latitude1, double longitude1, double latitude2, double longitude2) {
		return cn.hxay.shared.geo.Distance.wholeMetres(latitude1, longitude1, latitude2, longitude2);
	}

	/** The latitude {@code metres} due north of a point (negative: south). */
	public static double northOf(double latitude, double metres) {
		return cn.hxay.shared.geo.Distance.northOf(latitude, metres);
	}

}
