package cn.hxay.schoolbus;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A driver as registered; the same name at the same school again renews the dates. */
public record DriverForm(@NotNull(message = "请选择学校") Long schoolId,
		@NotBlank(message = "请填写驾驶人姓名") @Size(max = 50,
				message = "姓名不能超过 50 字") @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "姓名含有控制字符") String name,
		@NotBlank(message = "请选择准驾车型") @Pattern(regexp = "A1|A2|A3|B1|B2|C1",
				message = "准驾车型应为 A1、A2、A3、B1、B2 或 C1") String licenceClass,
		@NotNull(message = "请填写驾驶证有效期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate licenceValidUntil,
		@NotNull(message = "请填写最近一次安全培训日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastTrainingOn) {

	static DriverForm empty(Long schoolId) {
		return new DriverForm(schoolId, "", "", null, null);
	}

}
