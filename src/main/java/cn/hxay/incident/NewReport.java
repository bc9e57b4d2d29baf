package cn.hxay.incident;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A follow-up (续报) or the final report (终报): what is new (for 终报: the outcome and the
 * handling as a whole) and the casualties as now known.
 */
public record NewReport(
		@NotBlank(message = "请填写报告内容") @Size(max = 4000, message = "报告内容不能超过 4000 字") @Pattern(
				regexp = Incidents.PRINTABLE, message = "报告内容含有不可见的控制字符") String text,
		@NotNull(message = "请填写死亡人数（没有填 0）") @Min(value = 0, message = "死亡人数不能为负数") @Max(value = 10000,
				message = "死亡人数不能超过 10000") Integer deaths,
		@NotNull(message = "请填写受伤人数（没有填 0）") @Min(value = 0, message = "受伤人数不能为负数") @Max(value = 10000,
				message = "受伤人数不能超过 10000") Integer injured) {

}
