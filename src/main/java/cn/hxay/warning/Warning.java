package cn.hxay.warning;

import java.time.Instant;

import cn.hxay.school.SchoolKind;

/**
 * A warning or risk notice (预警 / 风险提示) as sent.
 *
 * @param acknowledgeBy the time by which each school should have read it
 * @param regionCode the county it was narrowed to, or null
 * @param schoolKind the kind of school it was narrowed to, or null
 */
public record Warning(long id, WarningLevel level, String title, String body, Instant acknowledgeBy, Instant sentAt,
		long senderUnitId, String senderUnit, String senderName, String regionCode, SchoolKind schoolKind) {

	/** The moment a reminder is due: half the time from sending to acknowledge-by. */
	public Instant remindAt() {
		return sentAt.plus(java.time.Duration.between(sentAt, acknowledgeBy).dividedBy(2));
	}

}
