package cn.hxay.hotspot;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A hotspot as typed on the form or sent to the API: every field as text, so nothing
 * typed is lost; {@link Hotspots} checks coordinates and units field by field.
 *
 * @param coordinateSystem {@code WGS84} or {@code GCJ02} (converted to WGS-84 on entry)
 */
public record HotspotDetails(
		@NotBlank(message = "请填写地点名称") @Size(max = 100, message = "地点名称不能超过 100 字") @Pattern(
				regexp = Hotspots.PRINTABLE, message = "地点名称含有不可见的控制字符") String name,
		@NotBlank(message = "请填写地址") @Size(max = 200, message = "地址不能超过 200 字") @Pattern(
				regexp = Hotspots.PRINTABLE, message = "地址含有不可见的控制字符") String address,
		String coordinateSystem, String longitude, String latitude,
		@NotBlank(message = "请写明治安问题") @Size(max = 1000, message = "治安问题不能超过 1000 字") @Pattern(
				regexp = Hotspots.PRINTABLE, message = "治安问题含有不可见的控制字符") String problem,
		String stationId, String townshipId) {

	static HotspotDetails blank() {
		return new HotspotDetails("", "", "GCJ02", "", "", "", "", "");
	}

}
