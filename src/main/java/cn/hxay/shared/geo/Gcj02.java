package cn.hxay.shared.geo;

/**
 * The published WGS-84 ↔ GCJ-02 transform (the "Mars coordinates" of Chinese map apps:
 * 高德, 腾讯 and others), on the Krasovsky ellipsoid; points outside China are not shifted.
 * GCJ-02 → WGS-84 inverts the forward transform by fixed-point iteration to well under a
 * centimetre.
 */
public final class Gcj02 {

	private static final double A = 6378245.0;

	private static final double EE = 0.00669342162296594323;

	private Gcj02() {
	}

	/** Whether the transform leaves this point alone (outside China's bounding box). */
	public static boolean outOfChina(double latitude, double longitude) {
		return longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271;
	}

	/** WGS-84 → GCJ-02, as {latitude, longitude}. */
	public static double[] fromWgs84(double latitude, double longitude) {
		if (outOfChina(latitude, longitude)) {
			return new double[] { latitude, longitude };
		}
		double[] d = delta(latitude, longitude);
		return new double[] { latitude + d[0], longitude + d[1] };
	}

	/** GCJ-02 → WGS-84, as {latitude, longitude}. */
	public static double[] toWgs84(double latitude, double longitude) {
		if (outOfChina(latitude, longitude)) {
			return new double[] { latitude, longitude };
		}
		double lat = latitude;
		double lon = longitude;
		for (int i = 0; i < 30; i++) {
			double[] shifted = fromWgs84(lat, lon);
			double dLat = shifted[0] - latitude;
			double dLon = shifted[1] - longitude;
			lat -= dLat;
			lon -= dLon;
			if (Math.abs(dLat) < 1e-10 && Math.abs(dLon) < 1e-10) {
				break;
			}
		}
		return new double[] { lat, lon };
	}

	private static double[] delta(double latitude, double longitude) {
		double x = longitude - 105.0;
		double y = latitude - 35.0;
		double dLat = transformLatitude(x, y);
		double dLon = transformLongitude(x, y);
		double radLat = Math.toRadians(latitude);
		double magic = Math.sin(radLat);
		magic = 1 - EE * magic * magic;
		double sqrtMagic = Math.sqrt(magic);
		dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
		dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
		return new double[] { dLat, dLon };
	}

	private static double transformLatitude(double x, double y) {
		double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
		r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
		r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
		r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
		return r;
	}

	private static double transformLongitude(double x, double y) {
		double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
		r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
		r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
		r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
		return r;
	}

}
