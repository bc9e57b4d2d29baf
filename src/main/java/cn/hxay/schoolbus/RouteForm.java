package cn.hxay.schoolbus;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * An approved route as registered; the bus (by plate) is optional and must be the
 * school's.
 */
public record RouteForm(@NotNull(message = "请选择学校") Long schoolId,
		@NotBlank(message = "请填写线路名称") @Size(max = 100, message = "线路名称不能超过 100 字") @Pattern(
				regexp = "[^\\x00-\\x1F\\x7F]*", message = "线路名称含有控制字符") String name,
		@NotBlank(message = "请填写停靠站点") @Size(max = 1000, message = "停靠站点不能超过 1000 字") @Pattern(
				regexp = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*", message = "停靠站点含有控制字符") String stops,
		@Size(max = 12, message = "车牌号过长") String plate,
		@NotBlank(message = "请填写审批文号") @Size(max = 100, message = "审批文号不能超过 100 字") @Pattern(
				regexp = "[^\\x00-\\x1F\\x7F]*", message = "审批文号含有控制字符") String approvalNumber,
		@NotNull(message = "请填写批准日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate approvedOn) {

	static RouteForm empty(Long schoolId) {
		return new RouteForm(schoolId, "", "", "", "", null);
	}

}
