package cn.hxay.alarm;

import cn.hxay.school.SchoolChanged;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a school changes (e.g. moves to another police station) its devices follow, so
 * that device lists, rates and new alarms use the school's new place in the tree.
 */
@Component
class SchoolMoves {

	private final Devices devices;

	SchoolMoves(Devices devices) {
		this.devices = devices;
	}

	@ApplicationModuleListener
	void on(SchoolChanged event) {
		devices.refreshSchool(event.schoolId());
	}

}
