package cn.hxay.alarm;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * What a device is, and the GB/T 28181 type codes (digits 11–13 of its id) that fit it.
 */
public enum DeviceKind {

	ONE_KEY_ALARM("一键报警", Set.of("134")), CAMERA("摄像机", Set.of("131", "132")), NVR("NVR", Set.of("111", "118")),
	INTRUSION_DETECTOR("入侵探测器", Set.of("134"));

	private final String label;

	private final Set<String> typeCodes;

	DeviceKind(String label, Set<String> typeCodes) {
		this.label = label;
		this.typeCodes = typeCodes;
	}

	public String label() {
		return label;
	}

	public Set<String> typeCodes() {
		return typeCodes;
	}

	public static Optional<DeviceKind> fromLabel(String text) {
		return Arrays.stream(values()).filter(k -> k.label.equals(text) || k.name().equals(text)).findFirst();
	}

}
