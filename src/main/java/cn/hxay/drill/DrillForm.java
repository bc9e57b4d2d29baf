package cn.hxay.drill;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a school records: a drill on a day. A day after today plans it (scheduled); today
 * or earlier records it as held, which needs the participants and the duration.
 */
public record DrillForm(@NotNull(message = "请选择学校") Long schoolId, @NotNull(message = "请选择演练类型") DrillType type,
		@NotNull(message = "请填写演练日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
		@Min(value = 1, message = "参演人数至少为 1") @Max(value = 100000, message = "参演人数不能超过 100000") Integer participants,
		@Min(value = 1, message = "用时至少 1 分钟") @Max(value = 1440, message = "用时不能超过 1440 分钟") Integer durationMinutes,
		@Size(max = 500, message = "演练内容不能超过 500 字") @Pattern(regexp = Drills.PRINTABLE,
				message = "演练内容含有不可见的控制字符") String scenario,
		@Size(max = 2000, message = "发现的问题不能超过 2000 字") @Pattern(regexp = Drills.PRINTABLE,
				message = "发现的问题含有不可见的控制字符") String lessons) {

	static DrillForm empty(Long schoolId, LocalDate day) {
		return new DrillForm(schoolId, null, day, null, null, "", "");
	}

}
