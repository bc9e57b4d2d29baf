package cn.hxay.drill;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A group activity as recorded; a leader's name is needed when a leader is responsible.
 */
public record ActivityForm(@NotNull(message = "请选择学校") Long schoolId,
		@NotNull(message = "请填写活动日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
		@NotBlank(message = "请填写活动名称") @Size(max = 200, message = "活动名称不能超过 200 字") @Pattern(regexp = Drills.PRINTABLE,
				message = "活动名称含有不可见的控制字符") String title,
		@NotNull(message = "请填写参加人数") @Min(value = 1, message = "参加人数至少为 1") @Max(value = 100000,
				message = "参加人数不能超过 100000") Integer people,
		Boolean leaderResponsible, @Size(max = 50, message = "负责校领导姓名不能超过 50 字") @Pattern(regexp = Drills.PRINTABLE,
				message = "负责校领导姓名含有不可见的控制字符") String leaderName) {

	public boolean ledBySchoolLeader() {
		return Boolean.TRUE.equals(leaderResponsible);
	}

	static ActivityForm empty(Long schoolId) {
		return new ActivityForm(schoolId, null, "", null, false, "");
	}

}
