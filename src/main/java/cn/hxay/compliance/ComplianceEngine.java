package cn.hxay.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import cn.hxay.posture.SecurityPosture;
import cn.hxay.school.SchoolDetails;

/**
 * Judges one school's posture against the rules in force. Pure: no database, no clock.
 */
final class ComplianceEngine {

	/** 就高不就低 over the rules that count full-time guards. */
	static final String HIGHEST_STAFFING = "STAFFING-MAX";

	/** 就高不就低 over the rules that count every guard. */
	static final String HIGHEST_ALL_GUARDS = "STAFFING-MAX-ALL";

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
		for (Combined c : combined(staffing)) {
			findings.add(new Finding(c.id(), c.top().rule().ruleSetId(), c.title(), c.top().rule().source(), c.status(),
					c.top().outcome().required().get(), c.top().outcome().actual().get(), c.explanation().get(), null));
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
					staffing = new ArrayList<>(4);
				}
				staffing.add(new Judged(rule, outcome));
			}
		}
		if (staffing != null && staffing.size() > 1) {
			for (Combined c : combined(staffing)) {
				verdicts.add(new Verdict(c.status(), null, c.explanation()));
			}
		}
		return verdicts;
	}

	private static Outcome outcome(Rule rule, SchoolDetails school, SecurityPosture posture, LocalDate date) {
		if (!rule.appliesTo().matches(school)) {
			return new Outcome(ComplianceStatus.NOT_APPLICABLE, 0, () -> null, () -> null,
					() -> "本条只适用于" + rule.appliesTo().describe());
		}
		Outcome outcome = rule.check().evaluate(school, posture, date);
		return rule.inferred() ? outcome.asInferred() : outcome;
	}

	private record Judged(Rule rule, Outcome outcome) {

		boolean fullTimeOnly() {
			return ((Check.Staffing) rule.check()).fullTimeOnly();
		}

	}

	private record Combined(String id, String title, Judged top, ComplianceStatus status,
			Supplier<String> explanation) {
	}

	/**
	 * 就高不就低, like with like: full-time guards are compared only with full-time
	 * requirements and all guards with all-guard requirements. Of each kind the highest
	 * requirement read in a source decides; an inferred higher one is named as advice.
	 * The combined line is never better than the worst line beneath it.
	 */
	private static List<Combined> combined(List<Judged> staffing) {
		List<Combined> lines = new ArrayList<>(2);
		for (boolean fullTime : new boolean[] { true, false }) {
			// plain loops: this runs for every school of a full re-evaluation
			int count = 0;
			Judged top = null;
			Judged highest = null;
			ComplianceStatus status = ComplianceStatus.COMPLIANT;
			for (Judged j : staffing) {
				if (j.fullTimeOnly() != fullTime) {
					continue;
				}
				count++;
				status = worse(status, j.outcome().status());
				if (highest == null || j.outcome().requiredGuards() > highest.outcome().requiredGuards()) {
					highest = j;
				}
				if (!j.outcome().inferred()
						&& (top == null || j.outcome().requiredGuards() > top.outcome().requiredGuards())) {
					top = j;
				}
			}
			if (count < 2) {
				continue;
			}
			Judged decides = top == null ? highest : top;
			Judged advice = highest;
			String kind = fullTime ? "专职保安员" : "保安员";
			int rules = count;
			Supplier<String> explanation = () -> "适用 " + rules + " 项" + kind + "配备标准，按就高不就低取要求最高的 "
					+ decides.rule().id() + "：" + decides.outcome().explanation().get()
					+ (advice != decides && advice.outcome().requiredGuards() > decides.outcome().requiredGuards()
							? "；另有推断的较高要求 " + advice.rule().id() + "（应配 " + advice.outcome().requiredGuards()
									+ " 名），仅作建议"
							: "");
			lines.add(new Combined(fullTime ? HIGHEST_STAFFING : HIGHEST_ALL_GUARDS, kind + "配备（多项标准就高不就低）", decides,
					status, explanation));
		}
		return lines;
	}

	/** The order of severity: non-compliant, missing data, advisory, compliant. */
	private static ComplianceStatus worse(ComplianceStatus a, ComplianceStatus b) {
		return severity(b) > severity(a) ? b : a;
	}

	private static int severity(ComplianceStatus status) {
		return switch (status) {
			case NON_COMPLIANT -> 3;
			case MISSING_DATA -> 2;
			case ADVISORY -> 1;
			default -> 0;
		};
	}

}
