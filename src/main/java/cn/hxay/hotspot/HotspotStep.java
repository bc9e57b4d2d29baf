package cn.hxay.hotspot;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A rectification step as typed: what was done, and whether the hotspot is now fixed
 * ({@code fixed = true}: 是否整改 becomes 是).
 */
public record HotspotStep(String version, @NotBlank(message = "请写明整改措施") @Size(max = 1000,
		message = "整改措施不能超过 1000 字") @Pattern(regexp = Hotspots.PRINTABLE, message = "整改措施含有不可见的控制字符") String text,
		String fixed) {

}
