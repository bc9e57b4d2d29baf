package cn.hxay.hazard;

import java.time.LocalDate;

/**
 * The six-part plan of a supervised hazard: goal, measures, funds, responsible people,
 * deadline, emergency plan.
 */
public record SupervisionPlan(String goal, String measures, String funds, String people, LocalDate deadline,
		String emergencyPlan) {

	boolean complete() {
		return filled(goal) && filled(measures) && filled(funds) && filled(people) && deadline != null
				&& filled(emergencyPlan);
	}

	private static boolean filled(String s) {
		return s != null && !s.isBlank();
	}

}
