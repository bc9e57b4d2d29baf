package cn.hxay.shared.geo;

/**
 * Straight-line (great-circle, haversine) distance between WGS-84 points in whole metres,
 * on a sphere of the Earth's mean radius.
 */
public final class Distance {

	public static final double EARTH_RADIUS_METRES = 6_371_000;

	private Distance() {
	}

	public static int wholeMetres(double latitude1, double longitude1, double latitude2, double longitude2) {
		double phi1 = Math.toRadians(latitude1);
		double phi2 = Math.toRadians(latitude2);
		double dPhi = Math.toRadians(latitude2 - latitude1);
		double dLambda = Math.toRadians(longitude2 - longitude1);
		double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
				+ Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
		return (int) Math.round(2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a))));
	}

	/** The latitude {@code metres} due north of a point (negative: south). */
	public static double northOf(double latitude, double metres) {
		return latitude + Math.toDegrees(metres / EARTH_RADIUS_METRES);
	}

}
