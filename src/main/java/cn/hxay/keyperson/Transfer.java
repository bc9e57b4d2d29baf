package cn.hxay.keyperson;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The person moved: the new address and coordinates, the station now responsible and its
 * officer.
 */
public record Transfer(@NotNull(message = "请选择接收派出所") Long stationId,
		@NotBlank(message = "请填写新住址") @Size(max = 200, message = "住址不能超过 200 字") String address,
		@NotNull(message = "请填写经度") @DecimalMin(value = "73", message = "经度应在 73–136 之间（WGS-84）") @DecimalMax(
				value = "136", message = "经度应在 73–136 之间（WGS-84）") BigDecimal longitude,
		@NotNull(message = "请填写纬度") @DecimalMin(value = "3", message = "纬度应在 3–54 之间（WGS-84）") @DecimalMax(value = "54",
				message = "纬度应在 3–54 之间（WGS-84）") BigDecimal latitude,
		@NotBlank(message = "请填写接收民警") @Size(max = 50, message = "责任民警不能超过 50 字") String officer,
		@NotBlank(message = "请说明移交理由") @Size(min = 4, max = 500, message = "移交理由应为 4–500 字") String reason) {
}
