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
		List<Judged> staffing = new ArrayList<>();
		for (Rule rule : rules) {
			Outcome outcome = outcome(rule, school, posture, date);
			findings.add(new Finding(rule.id(), rule.ruleSetId(), rule.title(), rule.source(), outcome.status(),
					outcome.required().get(), outcome.actual().get(), outcome.explanation().get(), rule.metric()));
			if (rule.check() instanceof Check.Staffing && outcome.status() != ComplianceStatus.NOT_APPLICABLE) {
				staffing.add(new Judged(rule, outcome));
			}
		}
		if (staffing.size() > 1) {
			Judged top = highest(staffing);
			findings.add(new Finding(HIGHEST_STAFFING, top.rule().ruleSetId(), "保安员配备（多项标准就高不就低）", top.rule().source(),
					top.outcome().status(), top.outcome().required().get(), top.outcome().actual().get(),
					highestExplanation(staffing.size(), top).get(), null));
		}
		return findings;
	}

	/**
	 * The same judgement as {@link #evaluate}, for the stored summary: statuses and
	 * metrics now, words only when asked for.
	 */
	static List<Verdict> judge(SchoolDetails school, SecurityPosture posture, List<Rule> rules, LocalDate date) {
		List<Verdict> verdicts = new ArrayList<>(rules.size() + 1);
		List<Judged> staffing = null;
		for (Rule rule : rules) {
			Outcome outcome = outcome(rule, school, posture, date);
			verdicts.add(new Verdict(outcome.status(), rule.metric(), outcome.explanation()));
			if (rule.check() instanceof Check.Staffing && outcome.status() != ComplianceStatus.NOT_APPLICABLE) {
				if (staffing == null) {
					staffing = new ArrayList<>(2);
				}
				staffing.add(new Judged(rule, outcome));
			}
		}
		if (staffing != null && staffing.size() > 1) {
			Judged top = highest(staffing);
			verdicts.add(new Verdict(top.outcome().status(), null, highestExplanation(staffing.size(), top)));
		}
		return verdicts;
	}

	private static Outcome outcome(Rule rule, SchoolDetails school, SecurityPosture posture, LocalDate date) {
		if (!rule.appliesTo().matches(school)) {
			return new Outcome(ComplianceStatus.NOT_APPLICABLE, 0, () -> null, () -> null,
					() -> "本条只适用于" + rule.appliesTo().describe());
		}
		return rule.check().evaluate(school, posture, date);
	}

	private record Judged(Rule rule, Outcome outcome) {
	}

	/** 就高不就低: of several staffing rules the one asking for most guards decides. */
	private static Judged highest(List<Judged> staffing) {
		return staffing.stream().max(Comparator.comparingInt(j -> j.outcome().requiredGuards())).orElseThrow();
	}

	private static java.util.function.Supplier<String> highestExplanation(int count, Judged top) {
		return () -> "适用 " + count + " 项配备标准，按就高不就低取要求最高的 " + top.rule().id() + "：" + top.outcome().explanation().get();
	}

}
