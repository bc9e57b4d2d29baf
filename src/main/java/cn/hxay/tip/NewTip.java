package cn.hxay.tip;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a reporter fills in on the public page. Name and phone are optional: left empty,
 * the tip is anonymous.
 */
public record NewTip(@NotNull(message = "请选择求助类型") TipCategory category,
		@NotNull(message = "请选择您的身份") Reporter reporter,
		@NotNull(message = "请写下发生了什么") @Size(min = 1, max = 2000, message = "请写下发生了什么（2000 字以内）") String body,
		@Size(max = 200, message = "地点不能超过 200 字") String place,
		@Size(max = 50, message = "称呼不能超过 50 字") String contactName,
		@Size(max = 30, message = "电话不能超过 30 字") String contactPhone) {

	static NewTip empty() {
		return new NewTip(null, null, "", "", "", "");
	}

}
