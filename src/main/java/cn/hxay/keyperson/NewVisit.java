package cn.hxay.keyperson;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A follow-up visit (走访) as the officer records it, usually on a phone. */
public record NewVisit(@NotNull(message = "请填写走访日期") LocalDate visitedOn,
		@NotBlank(message = "请填写走访民警") @Size(max = 50, message = "走访民警不能超过 50 字") String officer,
		@NotBlank(message = "请填写走访情况") @Size(max = 2000, message = "走访情况不能超过 2000 字") String findings) {
}
