package cn.hxay.alarm;

import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.SchoolUnits;

/**
 * Whom a device belongs to: a school (its own 一键报警, cameras…), or a venue near a school
 * (a shop, a home or a 警务室 of the 护校联防 network, seed 004 §三(一)) that registers a one-key
 * alarm protecting that school. Alarms of venue devices are counted apart as
 * {@value #VENUE_ALARMS}.
 */
public enum DeviceOwner {

	SCHOOL("学校"), VENUE("周边场所");

	/** The statistics' name for alarms raised by venue devices. */
	public static final String VENUE_ALARMS = "周边一键报警";

	private final String label;

	DeviceOwner(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/**
	 * The one scope rule for devices and alarms, as their {@code unit_ids} column holds
	 * it: a school's by the school's units, a venue's by its responsible police station
	 * alone (police data).
	 */
	boolean inScope(DataScope scope, SchoolUnits units, Long stationId) {
		return this == VENUE ? scope.unrestricted() || scope.covers(stationId) : scope.covers(units);
	}

	static DeviceOwner of(String column) {
		return column == null ? SCHOOL : valueOf(column);
	}

}
