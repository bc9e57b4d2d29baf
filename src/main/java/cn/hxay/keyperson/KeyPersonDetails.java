package cn.hxay.keyperson;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * What an officer records for a new key person. Coordinates are WGS-84 (GPS); the ID
 * number must carry a valid GB 11643 check character; {@code controlledSince} (纳入管控日期)
 * may be left out for today, or give the earlier date of a record kept on paper.
 */
public record KeyPersonDetails(@NotBlank(message = "请填写姓名") @Size(max = 50, message = "姓名不能超过 50 字") String name,
		@NotBlank(message = "请填写身份证号") String idNumber, String phone,
		@NotBlank(message = "请填写现住址") @Size(max = 200, message = "住址不能超过 200 字") String address,
		@NotNull(message = "请填写经度") @DecimalMin(value = "73", message = "经度应在 73–136 之间（WGS-84）") @DecimalMax(
				value = "136", message = "经度应在 73–136 之间（WGS-84）") BigDecimal longitude,
		@NotNull(message = "请填写纬度") @DecimalMin(value = "3", message = "纬度应在 3–54 之间（WGS-84）") @DecimalMax(value = "54",
				message = "纬度应在 3–54 之间（WGS-84）") BigDecimal latitude,
		@NotNull(message = "请选择责任派出所") Long stationId,
		@NotBlank(message = "请填写责任民警") @Size(max = 50, message = "责任民警不能超过 50 字") String officer,
		@NotNull(message = "请选择风险等级") RiskLevel risk, @NotBlank(message = "请选择人员类别") String category,
		@Size(max = 2000, message = "管控措施不能超过 2000 字") String measures,
		@Size(max = 500, message = "监护人不能超过 500 字") String guardians,
		@Size(max = 500, message = "社区联系人不能超过 500 字") String communityContacts,
		@Min(value = 1, message = "走访间隔应为 1–365 天") @Max(value = 365,
				message = "走访间隔应为 1–365 天") Integer visitIntervalDays,
		@PastOrPresent(message = "纳入管控日期不能晚于今天") LocalDate controlledSince) {
}
