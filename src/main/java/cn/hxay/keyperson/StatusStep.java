package cn.hxay.keyperson;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a key person's history: 纳入管控, 降级, 撤销管控, 移交, 修改 …, with reason and review
 * date.
 */
public record StatusStep(String action, String actor, Instant at, String reason, LocalDate reviewDate, String detail) {
}
