package cn.hxay.alarm;

/**
 * Search criteria for the device list; every field may be left empty.
 *
 * @param text start of the device code, part of the place or of the school name
 * @param regionCode county code
 * @param online {@code true} online only, {@code false} offline only
 */
public record DeviceFilter(String text, Long schoolId, String regionCode, Long stationId, DeviceKind kind,
		Boolean online) {

	public DeviceFilter {
		text = text == null || text.isBlank() ? null : text.strip();
		regionCode = regionCode == null || regionCode.isBlank() ? null : regionCode.strip();
	}

	public static DeviceFilter none() {
		return new DeviceFilter(null, null, null, null, null, null);
	}

}
