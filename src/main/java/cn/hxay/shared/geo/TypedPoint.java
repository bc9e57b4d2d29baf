package cn.hxay.shared.geo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import cn.hxay.shared.Violation;

/**
 * A point as typed on a form (coordinate system, longitude, latitude as text) checked
 * field by field and converted to WGS-84: GCJ-02 from Chinese map apps through
 * {@link Gcj02}. Six decimals (about 0.1 m).
 *
 * @param system {@code WGS84} or {@code GCJ02}
 */
public record TypedPoint(String system, BigDecimal typedLatitude, BigDecimal typedLongitude, BigDecimal latitude,
		BigDecimal longitude) {

	/**
	 * Reads a typed point; problems are added by field ({@code coordinateSystem},
	 * {@code longitude}, {@code latitude}) and {@code null} returned.
	 */
	public static TypedPoint read(String system, String longitude, String latitude, List<Violation> problems) {
		String s = system == null ? null : system.strip();
		boolean known = "WGS84".equals(s) || "GCJ02".equals(s);
		if (!known) {
			problems.add(Violation.of("coordinateSystem", "请选择坐标系：WGS-84 (GPS) 或 GCJ-02 (高德、腾讯等地图)"));
		}
		BigDecimal lon = degrees(longitude, "longitude", "经度", 73, 136, problems);
		BigDecimal lat = degrees(latitude, "latitude", "纬度", 3, 54, problems);
		if (!known || lon == null || lat == null) {
			return null;
		}
		if ("GCJ02".equals(s)) {
			double[] p = Gcj02.toWgs84(lat.doubleValue(), lon.doubleValue());
			return new TypedPoint(s, lat, lon, scaled(p[0]), scaled(p[1]));
		}
		return new TypedPoint(s, lat, lon, lat, lon);
	}

	private static BigDecimal degrees(String text, String field, String label, double min, double max,
			List<Violation> problems) {
		String t = text == null ? "" : text.strip();
		if (!t.matches("-?\\d{1,3}(\\.\\d{1,17})?")) {
			problems.add(Violation.of(field, "请填写" + label + "（十进制度数，如 119.974）"));
			return null;
		}
		double value = Double.parseDouble(t);
		if (value < min || value > max) {
			problems.add(Violation.of(field, label + "须在 " + (int) min + "–" + (int) max + " 度之间（中国境内）"));
			return null;
		}
		return scaled(value);
	}

	private static BigDecimal scaled(double value) {
		return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
	}

}
