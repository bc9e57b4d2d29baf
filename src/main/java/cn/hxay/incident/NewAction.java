package cn.hxay.incident;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * One step of handling on a track of 三同步, with the time it was done (Beijing time; empty
 * means now).
 */
public record NewAction(@NotNull(message = "请选择处置类别（现场处置、舆论引导或社会面管控）") Track track,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime doneAt,
		@NotBlank(message = "请填写处置情况") @Size(max = 2000, message = "处置情况不能超过 2000 字") @Pattern(
				regexp = Incidents.PRINTABLE, message = "处置情况含有不可见的控制字符") String text) {

}
