package cn.hxay.emergency;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A follow-up (续报) of an accident: handling progress, the insurance claim's new state
 * (with its claim number and amount) or the mediation result.
 */
public record FollowUpForm(@NotNull(message = "请选择续报类别") FollowUpKind kind,
		@NotBlank(message = "请填写续报内容") @Size(max = 2000,
				message = "续报内容不能超过 2000 字") @Pattern(regexp = AccidentForm.TEXT, message = "续报内容含有控制字符") String body,
		Insurance insurance,
		@Size(max = 100, message = "报案号不能超过 100 字") @Pattern(regexp = AccidentForm.TEXT,
				message = "报案号含有控制字符") String claimNumber,
		@DecimalMin(value = "0", message = "理赔金额不能为负") @DecimalMax(value = "9999999999",
				message = "理赔金额过大") BigDecimal claimAmount) {

	static FollowUpForm empty() {
		return new FollowUpForm(null, "", null, "", null);
	}

}
