package cn.hxay.keyperson;

/**
 * Great-circle distance between WGS-84 coordinates (haversine on a sphere of the Earth's
 * mean radius), in whole metres: coordinates are kept to six decimals (about 0.1 m), so
 * finer distances would be noise. A school is nearby when its rounded distance is at most
 * the radius.
 */
final class Distance {

	static final double EARTH_RADIUS_METRES = 6_371_000;

	private Distance() {
	}

	static double metres(double latitude1, double longitude1, double latitude2, double longitude2) {
		double phi1 = Math.toRadians(latitude1);
		double phi2 = Math.toRadians(latitude2);
		double dPhi = Math.toRadians(latitude2 - latitude1);
		double dLambda = Math.toRadians(longitude2 - longitude1);
		double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
				+ Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
		return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	static int wholeMetres(double latitude1, double longitude1, double latitude2, double longitude2) {
		return (int) Math.round(metres(latitude1, longitude1, latitude2, longitude2));
	}

	static boolean within(int wholeMetres, int radiusMetres) {
		return wholeMetres <= radiusMetres;
	}

}
