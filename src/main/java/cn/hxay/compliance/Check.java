package cn.hxay.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.hxay.posture.Equipment;
import cn.hxay.posture.PostureFact;
import cn.hxay.posture.PostureFacts;
import cn.hxay.posture.SecurityPosture;
import cn.hxay.school.SchoolDetails;

/**
 * How a rule is checked. Every kind is a small pure policy: school facts and posture in,
 * verdict and reason out.
 */
sealed interface Check {

	Outcome evaluate(SchoolDetails school, SecurityPosture posture, LocalDate date);

	/**
	 * A fact of the posture module's one list; rule files are checked against it at load.
	 */
	private static PostureFact fact(String name) {
		return PostureFacts.find(name).orElseThrow(() -> new IllegalArgumentException("未知的安全防范字段 " + name));
	}

	/** Every named yes/no fact must be "yes". */
	record Flags(List<String> fields, List<PostureFact> facts, String required) implements Check {

		Flags(List<String> fields) {
			this(fields, fields.stream().map(Check::fact).toList(),
					String.join("、", fields.stream().map(n -> fact(n).label()).toList()) + "：是");
		}

		@Override
		public Outcome evaluate(SchoolDetails school, SecurityPosture posture, LocalDate date) {
			List<String> missing = null;
			List<String> no = null;
			for (PostureFact f : facts) {
				Object value = f.valueIn(posture);
				if (value == null) {
					missing = add(missing, f.label());
				}
				else if (!Boolean.TRUE.equals(value)) {
					no = add(no, f.label());
				}
			}
			if (no != null) {
				List<String> notDone = no;
				return new Outcome(ComplianceStatus.NON_COMPLIANT, 0, () -> required,
						() -> String.join("、", notDone) + "：否",
						() -> "要求落实" + required.replace("：是", "") + "，现未落实：" + String.join("、", notDone));
			}
			if (missing != null) {
				return Outcome.missing(required, "“" + String.join("、", missing) + "”");
			}
			return new Outcome(ComplianceStatus.COMPLIANT, 0, () -> required, () -> "是",
					() -> "已落实" + required.replace("：是", ""));
		}

		private static List<String> add(List<String> list, String label) {
			List<String> to = list == null ? new ArrayList<>(2) : list;
			to.add(label);
			return to;
		}

	}

	/**
	 * A number fact must reach a minimum, e.g. video retention ≥ 30 days, wall height ≥ 2
	 * m.
	 */
	record Minimum(String field, BigDecimal value, String unit) implements Check {

		@Override
		public Outcome evaluate(SchoolDetails school, SecurityPosture posture, LocalDate date) {
			PostureFact f = fact(field);
			Object actual = f.valueIn(posture);
			java.util.function.Supplier<String> required = () -> f.label() + " ≥ "
					+ value.stripTrailingZeros().toPlainString() + " " + unit;
			if (actual == null) {
				return Outcome.missing(required, "“" + f.label() + "”");
			}
			BigDecimal number = actual instanceof BigDecimal d ? d
					: actual instanceof Integer i ? BigDecimal.valueOf(i) : new BigDecimal(actual.toString());
			java.util.function.Supplier<String> shown = () -> number.stripTrailingZeros().toPlainString() + " " + unit;
			if (number.compareTo(value) >= 0) {
				return new Outcome(ComplianceStatus.COMPLIANT, 0, required, shown, () -> f.label() + " " + shown.get()
						+ "，达到不少于 " + value.stripTrailingZeros().toPlainString() + " " + unit + "的要求");
			}
			return new Outcome(ComplianceStatus.NON_COMPLIANT, 0, required, shown,
					() -> f.label() + "应不少于 " + value.stripTrailingZeros().toPlainString() + " " + unit + "，现为 "
							+ shown.get() + "，差 " + value.subtract(number).stripTrailingZeros().toPlainString() + " "
							+ unit);
		}

	}

	/**
	 * Each listed kind of protective equipment present at least {@code minimum} times.
	 */
	record EquipmentPresent(Set<Equipment> kinds, int minimum) implements Check {

		@Override
		public Outcome evaluate(SchoolDetails school, SecurityPosture posture, LocalDate date) {
			java.util.function.Supplier<String> required = () -> String.join("、",
					kinds.stream().sorted().map(Equipment::label).toList()) + " 各 ≥ " + minimum;
			if (posture.equipment().isEmpty()) {
				return Outcome.missing(required, "防护装备");
			}
			boolean enough = true;
			for (Equipment kind : kinds) {
				enough &= posture.equipmentCount(kind) >= minimum;
			}
			java.util.function.Supplier<String> actual = () -> String.join("、",
					kinds.stream().sorted().map(k -> k.label() + " " + posture.equipmentCount(k)).toList());
			if (enough) {
				return new Outcome(ComplianceStatus.COMPLIANT, 0, required, actual, () -> "防护装备齐全：" + actual.get());
			}
			return new Outcome(ComplianceStatus.NON_COMPLIANT, 0, required, actual,
					() -> "防护装备不足（每种至少 " + minimum + " 件）："
							+ String.join("、",
									kinds.stream()
										.sorted()
										.filter(kind -> posture.equipmentCount(kind) < minimum)
										.map(kind -> kind.label() + " " + posture.equipmentCount(kind))
										.toList()));
		}

	}

	/** Every posted guard holds a 保安员证 (持证上岗), and at least one guard is posted. */
	record GuardsCertified() implements Check {

		@Override
		public Outcome evaluate(SchoolDetails school, SecurityPosture posture, LocalDate date) {
			if (!posture.guardsReported()) {
				return Outcome.missing("保安员全部持证", "保安员名单");
			}
			long certified = posture.certifiedGuards();
			int all = posture.guardCount();
			String actual = "持证 " + certified + " / " + all + " 名";
			if (all > 0 && certified == all) {
				return new Outcome(ComplianceStatus.COMPLIANT, "保安员全部持证", actual, "保安员 " + all + " 名全部持证上岗");
			}
			return new Outcome(ComplianceStatus.NON_COMPLIANT, "保安员全部持证", actual,
					all == 0 ? "未配备保安员" : "有 " + (all - certified) + " 名保安员未持保安员证上岗");
		}

	}

	/** No guard older than the regional limit on the evaluation date. */
	record GuardAge(int maxAge) implements Check {

		@Override
		public Outcome evaluate(SchoolDetails school, SecurityPosture posture, LocalDate date) {
			String required = "保安员年龄 ≤ " + maxAge + " 岁";
			if (!posture.guardsReported()) {
				return Outcome.missing(required, "保安员名单");
			}
			if (posture.guardList().stream().anyMatch(g -> g.birthDate() == null)) {
				return Outcome.missing(required, "部分保安员的出生日期");
			}
			long over = posture.guardsOlderThan(maxAge, date);
			if (over == 0) {
				return new Outcome(ComplianceStatus.COMPLIANT, required, "超龄 0 名", "无超龄保安员");
			}
			return new Outcome(ComplianceStatus.NON_COMPLIANT, required, "超龄 " + over + " 名",
					"有 " + over + " 名保安员超过 " + maxAge + " 岁（按 " + date + " 计）");
		}

	}

	/** The guard-staffing formula: one parameterised model for every regional shape. */
	record Staffing(StaffingFormula formula, boolean fullTimeOnly) implements Check {

		@Override
		public Outcome evaluate(SchoolDetails school, SecurityPosture posture, LocalDate date) {
			StaffingFormula.Requirement requirement = formula.requirement(school);
			int needed = requirement.guards();
			String kind = fullTimeOnly ? "专职保安员" : "保安员";
			java.util.function.Supplier<String> required = () -> "应配" + kind + " " + needed + " 名";
			if (!posture.guardsReported()) {
				Outcome missing = Outcome.missing(required, "保安员名单");
				return new Outcome(missing.status(), needed, required, missing.actual(), missing.explanation(),
						requirement.inferred());
			}
			long actual = fullTimeOnly ? posture.fullTimeGuards() : posture.guardCount();
			java.util.function.Supplier<String> verdict = () -> formula.required(school).arithmetic() + " = 应配 "
					+ needed + " 名，现有" + (fullTimeOnly ? "专职 " : " ") + actual + " 名";
			Outcome outcome = actual >= needed
					? new Outcome(ComplianceStatus.COMPLIANT, needed, required, () -> actual + " 名", verdict)
					: new Outcome(ComplianceStatus.NON_COMPLIANT, needed, required, () -> actual + " 名",
							() -> verdict.get() + "，缺 " + (needed - actual) + " 名");
			return requirement.inferred() ? outcome.asInferred() : outcome;
		}

	}

}
