package cn.hxay.emergency;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** An accident as reported, with its handling, insurance claim and mediation so far. */
public record AccidentForm(@NotNull(message = "请选择学校") Long schoolId,
		@NotNull(message = "请填写发生日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
		@NotNull(message = "请选择事故类别") AccidentKind kind,
		@NotBlank(message = "请填写事故经过") @Size(max = 2000, message = "事故经过不能超过 2000 字") @Pattern(regexp = TEXT,
				message = "事故经过含有控制字符") String description,
		@NotNull(message = "请填写受伤人数") @Min(value = 0, message = "受伤人数不能为负") @Max(value = 10000,
				message = "受伤人数过大") Integer injured,
		@NotBlank(message = "请填写处置情况") @Size(max = 2000, message = "处置情况不能超过 2000 字") @Pattern(regexp = TEXT,
				message = "处置情况含有控制字符") String handling,
		@NotNull(message = "请选择保险理赔情况") Insurance insurance,
		@Size(max = 100, message = "报案号不能超过 100 字") @Pattern(regexp = TEXT, message = "报案号含有控制字符") String claimNumber,
		@DecimalMin(value = "0", message = "理赔金额不能为负") @DecimalMax(value = "9999999999",
				message = "理赔金额过大") BigDecimal claimAmount,
		@Size(max = 2000, message = "调解情况不能超过 2000 字") @Pattern(regexp = TEXT,
				message = "调解情况含有控制字符") String mediation) {

	static final String TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

	static AccidentForm empty(Long schoolId) {
		return new AccidentForm(schoolId, null, null, "", null, "", Insurance.NONE, "", null, "");
	}

}
