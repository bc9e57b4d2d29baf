package cn.hxay.hazard;

import java.time.LocalDate;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The six-part plan of a supervised hazard: goal, measures, funds, responsible people,
 * deadline, emergency plan.
 */
public record SupervisionPlan(
		@Size(max = 1000, message = "整改目标不能超过 1000 字") @Pattern(regexp = HazardLedger.PRINTABLE,
				message = "整改目标含有不可见的控制字符") String goal,
		@Size(max = 2000, message = "整改措施不能超过 2000 字") @Pattern(regexp = HazardLedger.PRINTABLE,
				message = "整改措施含有不可见的控制字符") String measures,
		@Size(max = 200, message = "整改资金不能超过 200 字") @Pattern(regexp = HazardLedger.PRINTABLE,
				message = "整改资金含有不可见的控制字符") String funds,
		@Size(max = 200, message = "责任人不能超过 200 字") @Pattern(regexp = HazardLedger.PRINTABLE,
				message = "责任人含有不可见的控制字符") String people,
		LocalDate deadline, @Size(max = 2000, message = "应急预案不能超过 2000 字") @Pattern(regexp = HazardLedger.PRINTABLE,
				message = "应急预案含有不可见的控制字符") String emergencyPlan) {

	boolean complete() {
		return filled(goal) && filled(measures) && filled(funds) && filled(people) && deadline != null
				&& filled(emergencyPlan);
	}

	private static boolean filled(String s) {
		return s != null && !s.isBlank();
	}

}
