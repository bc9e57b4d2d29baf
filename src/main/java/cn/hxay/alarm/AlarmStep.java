package cn.hxay.alarm;

import java.time.Instant;

/**
 * One recorded step on an alarm: received, 接警, 派警, 到场, 处置完毕, escalated.
 */
public record AlarmStep(long id, long alarmId, String step, String actor, Instant at, String detail) {

}
