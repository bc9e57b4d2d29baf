package cn.hxay.compliance;

import cn.hxay.posture.PostureChanged;
import cn.hxay.school.SchoolChanged;
import cn.hxay.school.SchoolRegistered;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Re-evaluates a school when its posture or its registered facts change. Runs after the
 * change commits, from the event publication registry, so a crash in between re-delivers
 * the event at the next start.
 */
@Component
class ComplianceTriggers {

	private final Compliance compliance;

	ComplianceTriggers(Compliance compliance) {
		this.compliance = compliance;
	}

	@ApplicationModuleListener
	void on(PostureChanged event) {
		compliance.evaluate(event.schoolId());
	}

	@ApplicationModuleListener
	void on(SchoolRegistered event) {
		compliance.evaluate(event.schoolId());
	}

	@ApplicationModuleListener
	void on(SchoolChanged event) {
		compliance.evaluate(event.schoolId());
	}

}
