package cn.hxay.alarm;

import java.util.ArrayList;
import java.util.List;

import cn.hxay.shared.Violation;

/**
 * What is registered about a device.
 *
 * @param code the 20-digit GB/T 28181 device id: centre code (8, starting with the GB/T
 * 2260 region), industry (2), type (3), network (1), serial number (6)
 * @param place where it is installed, e.g. 门卫室, 宿舍值班室, 校门
 * @param mustBeNetworked whether it counts in the networking rate (联网率)
 */
public record DeviceDetails(String code, Long schoolId, DeviceKind kind, String place, String vendor, String model,
		boolean mustBeNetworked) {

	public DeviceDetails {
		code = trim(code);
		place = trim(place);
		vendor = trim(vendor);
		model = trim(model);
	}

	/** The domain rules a device must meet on its own (the school is checked apart). */
	public List<Violation> violations() {
		List<Violation> problems = new ArrayList<>();
		if (code == null || !code.matches("\\d{20}")) {
			problems.add(Violation.of("code", "设备编码须为 20 位数字 (GB/T 28181)"));
		}
		else if (code.startsWith("00")) {
			problems.add(Violation.of("code", "设备编码前 6 位应为行政区划代码 (GB/T 2260)"));
		}
		else if (kind != null && !kind.typeCodes().contains(code.substring(10, 13))) {
			problems.add(Violation.of("code",
					"设备编码第 11–13 位为类型码，" + kind.label() + "应为 "
							+ String.join(" 或 ", kind.typeCodes().stream().sorted().toList()) + "，实际为 "
							+ code.substring(10, 13)));
		}
		if (schoolId == null) {
			problems.add(Violation.of("schoolId", "请选择学校"));
		}
		if (kind == null) {
			problems.add(Violation.of("kind", "请选择设备类型"));
		}
		if (place == null || place.length() > 100) {
			problems.add(Violation.of("place", "安装位置不能为空，且不超过 100 个字"));
		}
		if (vendor != null && vendor.length() > 50) {
			problems.add(Violation.of("vendor", "厂商不超过 50 个字"));
		}
		if (model != null && model.length() > 50) {
			problems.add(Violation.of("model", "型号不超过 50 个字"));
		}
		return problems;
	}

	private static String trim(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
