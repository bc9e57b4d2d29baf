package cn.hxay.alarm;

/**
 * Search criteria for the device list; every field may be left empty.
 *
 * @param text start of the device code, part of the place, of the school name or of the
 * venue name
 * @param regionCode county code
 * @param online {@code true} online only, {@code false} offline only
 * @param owner schools' own devices only, or venues' only
 */
public record DeviceFilter(String text, Long schoolId, String regionCode, Long stationId, DeviceKind kind,
		Boolean online, DeviceOwner owner) {

	public DeviceFilter {
		text = text == null || text.isBlank() ? null : text.strip();
		regionCode = regionCode == null || regionCode.isBlank() ? null : regionCode.strip();
	}

	/** Devices of every owner. */
	public DeviceFilter(String text, Long schoolId, String regionCode, Long stationId, DeviceKind kind,
			Boolean online) {
		this(text, schoolId, regionCode, stationId, kind, online, null);
	}

	public static DeviceFilter none() {
		return new DeviceFilter(null, null, null, null, null, null, null);
	}

}
