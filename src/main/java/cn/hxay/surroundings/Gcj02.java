package cn.hxay.surroundings;

/**
 * The published WGS-84 ↔ GCJ-02 transform of Chinese map apps, kept here for this
 * module's callers; the implementation is {@link cn.hxay.shared.geo.Gcj02}.
 */
public final class Gcj02 {

	private Gcj02() {
	}

	/** Whether the transform leaves this point alone (outside China's bounding box). */
	public static boolean outOfChina(double latitude, double longitude) {
		return cn.hxay.shared.geo.Gcj02.outOfChina(latitude, longitude);
	}

	/** WGS-84 → GCJ-02, as {latitude, longitude}. */
	public static double[] fromWgs84(double latitude, double longitude) {
		return cn.hxay.shared.geo.Gcj02.fromWgs84(latitude, longitude);
	}

	/** GCJ-02 → WGS-84, as {latitude, longitude}. */
	public static double[] toWgs84(double latitude, double longitude) {
		return cn.hxay.shared.geo.Gcj02.toWgs84(latitude, longitude);
	}

}
