package cn.hxay.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule that turns a school's records into a risk score: each term is a count from
 * another module's list times a weight. Police users also get the terms made from
 * police-only answers (alarms and key persons nearby); everyone else gets a score without
 * them, so no figure made from police data reaches them (not even as a part of a sum).
 */
final class RiskScore {

	static final int FAILING_WEIGHT = 5;

	static final int OPEN_HAZARD_WEIGHT = 3;

	static final int OVERDUE_HAZARD_WEIGHT = 5;

	static final int VIOLATION_WEIGHT = 4;

	static final int ALARM_WEIGHT = 2;

	static final int KEY_PERSON_WEIGHT = 5;

	/** The counts behind one school's terms; police counts are null for other users. */
	record Counts(long failing, long openHazards, long overdueHazards, long violations, Long realAlarms,
			Long keyPersons) {
	}

	private RiskScore() {
	}

	static List<RiskTerm> terms(long schoolId, Counts c) {
		List<RiskTerm> terms = new ArrayList<>();
		terms.add(new RiskTerm("failing", "合规评估不合格项", c.failing(), FAILING_WEIGHT, "合规评估（最近一次评估）",
				"整改不合格项并更新安全防范登记，重新评估后即降低", "/schools/" + schoolId + "/compliance"));
		terms.add(new RiskTerm("open-hazards", "未销号隐患", c.openHazards(), OPEN_HAZARD_WEIGHT, "隐患台账", "完成整改并经验收销号",
				"/schools/" + schoolId));
		terms.add(new RiskTerm("overdue-hazards", "逾期未整改隐患（另计）", c.overdueHazards(), OVERDUE_HAZARD_WEIGHT,
				"隐患台账（已过整改期限）", "按期整改；无法按期的报请调整期限", "/schools/" + schoolId));
		terms.add(new RiskTerm("violations", "学生安全区域违规场所", c.violations(), VIOLATION_WEIGHT, "周边场所违规台账（未销号）",
				"督促场所整改、迁离或关停后销号", "/venue-violations"));
		if (c.realAlarms() != null) {
			terms.add(new RiskTerm("alarms", "近 90 天有效警情（公安）", c.realAlarms(), ALARM_WEIGHT, "110 接处警记录（不含误报）",
					"加强人防物防技防，减少警情", "/alarms/statistics"));
		}
		if (c.keyPersons() != null) {
			terms.add(new RiskTerm("key-persons", "周边在管重点人员（公安）", c.keyPersons(), KEY_PERSON_WEIGHT, "重点人员管控（周边半径内）",
					"落实一人一案管控与走访；撤销管控后不再计入", "/key-persons"));
		}
		return terms;
	}

}
