package cn.hxay.keyperson;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/**
 * A status change with its reason and review date; {@code risk} is the level for 纳入管控
 * (ignored otherwise).
 */
public record StatusChange(@NotNull(message = "请选择操作（纳入管控、降级、升级或撤销管控）") StatusMove move, RiskLevel risk, String reason,
		LocalDate reviewDate) {
}
