package cn.hxay.keyperson;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An edit of a key person's record and control plan. The station changes only by a
 * transfer, the risk level and status only by their moves. An ID number left out, empty
 * or sent back masked (with {@code *}) stays as it is; so does a phone number left out or
 * masked, while an empty phone number removes it.
 */
public record KeyPersonChanges(@NotBlank(message = "请填写姓名") @Size(max = 50, message = "姓名不能超过 50 字") String name,
		String idNumber, String phone,
		@NotBlank(message = "请填写现住址") @Size(max = 200, message = "住址不能超过 200 字") String address,
		@NotNull(message = "请填写经度") @DecimalMin(value = "73", message = "经度应在 73–136 之间（WGS-84）") @DecimalMax(
				value = "136", message = "经度应在 73–136 之间（WGS-84）") BigDecimal longitude,
		@NotNull(message = "请填写纬度") @DecimalMin(value = "3", message = "纬度应在 3–54 之间（WGS-84）") @DecimalMax(value = "54",
				message = "纬度应在 3–54 之间（WGS-84）") BigDecimal latitude,
		@NotBlank(message = "请填写责任民警") @Size(max = 50, message = "责任民警不能超过 50 字") String officer,
		@NotBlank(message = "请选择人员类别") String category, @Size(max = 2000, message = "管控措施不能超过 2000 字") String measures,
		@Size(max = 500, message = "监护人不能超过 500 字") String guardians,
		@Size(max = 500, message = "社区联系人不能超过 500 字") String communityContacts, @Min(value = 1,
				message = "走访间隔应为 1–365 天") @Max(value = 365, message = "走访间隔应为 1–365 天") Integer visitIntervalDays) {
}
