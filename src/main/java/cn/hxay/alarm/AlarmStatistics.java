package cn.hxay.alarm;

import java.util.List;
import java.util.Map;

/**
 * Alarm figures over a period within a scope.
 *
 * @param byType alarms and signals received, by type label
 * @param byOutcome closed alarms by outcome label
 * @param meanSecondsToAcknowledge mean time from receipt to 接警, {@code null} if none
 * @param meanSecondsToArrive mean time from receipt to 到场, {@code null} if none
 * @param falseAlarmRates per school (its own devices), most false alarms first
 * @param byOwner actionable alarms from schools' own devices ("学校报警") and from venues'
 * one-key alarms near schools ("周边一键报警", {@link DeviceOwner#VENUE_ALARMS})
 */
public record AlarmStatistics(Map<String, Long> byType, Map<String, Long> byOutcome, Double meanSecondsToAcknowledge,
		Double meanSecondsToArrive, List<SchoolFalseAlarms> falseAlarmRates, Map<String, Long> byOwner) {

	/** 误报率 of one school: false alarms among its closed alarms. */
	public record SchoolFalseAlarms(long schoolId, String schoolName, long closed, long falseAlarms) {

		public double percent() {
			return closed == 0 ? 0 : Math.round(falseAlarms * 1000.0 / closed) / 10.0;
		}

	}

}
