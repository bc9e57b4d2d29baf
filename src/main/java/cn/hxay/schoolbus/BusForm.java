package cn.hxay.schoolbus;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A bus as registered; the same plate again renews its dates. */
public record BusForm(@NotNull(message = "请选择学校") Long schoolId,
		@NotBlank(message = "请填写车牌号") @Pattern(regexp = "\\s*[\\u4e00-\\u9fa5][A-Za-z][A-Za-z0-9]{5,6}\\s*",
				message = "车牌号格式应如 苏D12345") String plate,
		@NotNull(message = "请填写核载座位数") @Min(value = 1, message = "座位数至少为 1") @Max(value = 80,
				message = "座位数不能超过 80") Integer seats,
		@NotBlank(message = "请填写校车标牌编号") @Size(max = 50, message = "校车标牌编号不能超过 50 字") @Pattern(
				regexp = "[^\\x00-\\x1F\\x7F]*", message = "校车标牌编号含有控制字符") String signNumber,
		@NotNull(message = "请填写校车标牌有效期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signValidUntil,
		@NotNull(message = "请填写安全技术检验有效期") @DateTimeFormat(
				iso = DateTimeFormat.ISO.DATE) LocalDate inspectionValidUntil) {

	static BusForm empty(Long schoolId) {
		return new BusForm(schoolId, "", null, "", null, null);
	}

}
