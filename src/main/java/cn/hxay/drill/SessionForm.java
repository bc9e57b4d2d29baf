package cn.hxay.drill;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A safety education session or 法治辅导员 lecture as recorded. */
public record SessionForm(@NotNull(message = "请选择学校") Long schoolId, @NotNull(message = "请选择类别") SessionKind kind,
		@NotNull(message = "请填写日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
		@NotBlank(message = "请填写主题") @Size(max = 200, message = "主题不能超过 200 字") @Pattern(regexp = Drills.PRINTABLE,
				message = "主题含有不可见的控制字符") String topic,
		@NotBlank(message = "请填写主讲人") @Size(max = 100, message = "主讲人不能超过 100 字") @Pattern(regexp = Drills.PRINTABLE,
				message = "主讲人含有不可见的控制字符") String speaker,
		@NotNull(message = "请填写受教育人数") @Min(value = 1, message = "受教育人数至少为 1") @Max(value = 100000,
				message = "受教育人数不能超过 100000") Integer audience) {

	static SessionForm empty(Long schoolId) {
		return new SessionForm(schoolId, null, null, "", "", null);
	}

}
