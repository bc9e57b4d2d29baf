package cn.hxay.emergency;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A plan as filed: each filing of a type is its school's next version. */
public record PlanForm(@NotNull(message = "请选择学校") Long schoolId, @NotNull(message = "请选择预案类型") PlanType type,
		@NotBlank(message = "请填写预案名称") @Size(max = 200, message = "预案名称不能超过 200 字") @Pattern(
				regexp = "[^\\x00-\\x1F\\x7F]*", message = "预案名称含有控制字符") String title,
		@NotNull(message = "请填写印发日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate approvedOn,
		@NotNull(message = "请填写下次评审日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewDue) {

	static PlanForm empty(Long schoolId) {
		return new PlanForm(schoolId, null, "", null, null);
	}

}
