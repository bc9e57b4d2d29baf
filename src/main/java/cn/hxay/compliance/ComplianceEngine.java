package cn.hxay.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.hxay.posture.SecurityPosture;
import cn.hxay.school.SchoolDetails;

/**
 * Judges one school's posture against the rules in force. Pure: no database, no clock.
 */
final class ComplianceEngine {

	static final String HIGHEST_STAFFING = "STAFFING-MAX";

	private ComplianceEngine() {
	}

	static List<Finding> evaluate(SchoolDetails school, SecurityPosture posture, List<Rule> rules, LocalDate date) {
		List<Finding> findings = new ArrayList<>();
		List<Finding> staffing = new ArrayList<>();
		for (Rule rule : rules) {
			if (!rule.appliesTo().matches(school)) {
				findings.add(new Finding(rule.id(), rule.ruleSetId(), rule.title(), rule.source(),
						ComplianceStatus.NOT_APPLICABLE, null, null, "本条只适用于" + rule.appliesTo().describe(),
						rule.metric()));
				continue;
			}
			Outcome outcome = rule.check().evaluate(school, posture, date);
			Finding finding = new Finding(rule.id(), rule.ruleSetId(), rule.title(), rule.source(), outcome.status(),
					outcome.required(), outcome.actual(), outcome.explanation(), rule.metric());
			findings.add(finding);
			if (rule.check() instanceof Check.Staffing) {
				staffing.add(finding);
			}
		}
		if (staffing.size() > 1) {
			findings.add(highest(staffing));
		}
		return findings;
	}

	/** 就高不就低: of several staffing rules the one asking for most guards decides. */
	private static Finding highest(List<Finding> staffing) {
		Finding top = staffing.stream().max(Comparator.comparingInt(ComplianceEngine::requiredGuards)).orElseThrow();
		return new Finding(HIGHEST_STAFFING, top.ruleSetId(), "保安员配备（多项标准就高不就低）", top.source(), top.status(),
				top.required(), top.actual(),
				"适用 " + staffing.size() + " 项配备标准，按就高不就低取要求最高的 " + top.ruleId() + "：" + top.explanation(), null);
	}

	private static int requiredGuards(Finding finding) {
		String digits = finding.required() == null ? "" : finding.required().replaceAll("[^0-9]", "");
		return digits.isEmpty() ? 0 : Integer.parseInt(digits);
	}

}
