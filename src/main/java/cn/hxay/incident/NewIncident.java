package cn.hxay.incident;

import java.time.LocalDateTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The first report (初报) as typed on a phone or sent to the API: the school, what kind of
 * incident, when (Beijing time) and where, who was involved, what happened, the
 * casualties, and optionally the alarm it came from (by alarm id).
 */
public record NewIncident(@NotNull(message = "请选择发生学校") Long schoolId, @NotNull(message = "请选择案事件类型") IncidentType type,
		@NotNull(message = "请填写发生时间") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime occurredAt,
		@NotBlank(message = "请填写发生地点") @Size(max = 200, message = "发生地点不能超过 200 字") @Pattern(
				regexp = Incidents.PRINTABLE, message = "发生地点含有不可见的控制字符") String place,
		@NotBlank(message = "请填写涉及人员（谁）") @Size(max = 1000, message = "涉及人员不能超过 1000 字") @Pattern(
				regexp = Incidents.PRINTABLE, message = "涉及人员含有不可见的控制字符") String persons,
		@NotBlank(message = "请填写简要经过（发生了什么）") @Size(max = 4000, message = "简要经过不能超过 4000 字") @Pattern(
				regexp = Incidents.PRINTABLE, message = "简要经过含有不可见的控制字符") String what,
		@NotNull(message = "请填写死亡人数（没有填 0）") @Min(value = 0, message = "死亡人数不能为负数") @Max(value = 10000,
				message = "死亡人数不能超过 10000") Integer deaths,
		@NotNull(message = "请填写受伤人数（没有填 0）") @Min(value = 0, message = "受伤人数不能为负数") @Max(value = 10000,
				message = "受伤人数不能超过 10000") Integer injured,
		@Positive(message = "报警编号应为正整数") @Max(value = 999_999_999_999L, message = "报警编号过大") Long alarmId) {

	static NewIncident blank(LocalDateTime now) {
		return new NewIncident(null, null, now, "", "", "", 0, 0, null);
	}

}
