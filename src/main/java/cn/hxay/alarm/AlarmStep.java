package cn.hxay.alarm;

import java.time.Instant;

/**
 * One recorded step on an alarm: received, 接警, 派警, 到场, 处置完毕, escalated.
 */
public record AlarmStep(long id, long alarmId, String step, String actor, Instant at, String detail) {

	/** The step in words, e.g. 接警 for {@code ACKNOWLEDGE}. */
	public String label() {
		return switch (step) {
			case "RECEIVED" -> "接收";
			case "ESCALATED" -> "升级";
			default -> {
				try {
					yield AlarmAction.valueOf(step).label();
				}
				catch (IllegalArgumentException ex) {
					yield step;
				}
			}
		};
	}

}
