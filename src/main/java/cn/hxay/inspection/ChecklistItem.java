package cn.hxay.inspection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One question on a checklist.
 *
 * @param key stable name of the answer within the template
 * @param labels the words for yes and no (是/否, 有/无)
 * @param notApplicable whether "/" (不适用) is an allowed answer
 * @param sensitive answered and seen only by police users (seed 001: 涉及保密、敏感信息的…直接报市公安局)
 * @param expect for yes/no items, the answer that complies
 * @param min for number items, the least value that complies
 * @param max for number items, the greatest value that complies
 * @param pass for choice items, the choices that comply
 * @param rule the compliance rule this item checks, if any
 * @param clause the source document and clause, shown when the answer fails
 * @param posture the security-posture facts an accepted answer updates
 * @param category the hazard category a failing answer is raised under
 * @param grade the hazard grade a failing answer is raised with
 * @param atLeast for number items, another number item this answer must reach (e.g.
 * certified guards reach the number of guards)
 */
public record ChecklistItem(String key, String label, ItemType type, boolean required, List<String> labels,
		boolean notApplicable, boolean sensitive, Boolean expect, BigDecimal min, BigDecimal max, List<String> choices,
		List<String> pass, String rule, String clause, List<String> posture, String category, String grade, String hint,
		String atLeast) {

	public static final String NOT_APPLICABLE = "/";

	public ChecklistItem {
		labels = labels == null || labels.size() != 2 ? List.of("是", "否") : List.copyOf(labels);
		choices = choices == null ? List.of() : List.copyOf(choices);
		pass = pass == null ? List.of() : List.copyOf(pass);
		posture = posture == null ? List.of() : List.copyOf(posture);
	}

	public String yesLabel() {
		return labels.get(0);
	}

	public String noLabel() {
		return labels.get(1);
	}

	/**
	 * Checks the form of an answer; returns a Chinese message or {@code null} when the
	 * answer is acceptable (blank answers are always acceptable here).
	 */
	String problemWith(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (NOT_APPLICABLE.equals(value)) {
			return notApplicable ? null : "“" + label + "”不能填“/”";
		}
		return switch (type) {
			case YES_NO -> "true".equals(value) || "false".equals(value) ? null
					: "“" + label + "”请选择" + yesLabel() + "或" + noLabel();
			case NUMBER -> number(value) == null || number(value).signum() < 0 ? "“" + label + "”应为不小于 0 的数字"
					: number(value).compareTo(BigDecimal.valueOf(1_000_000)) > 0 ? "“" + label + "”数值过大" : null;
			case CHOICE -> choices.contains(value) ? null : "“" + label + "”请从选项中选择";
			case DATE -> date(value) == null ? "“" + label + "”日期格式应为 yyyy-MM-dd"
					: date(value).getYear() < 1990 || date(value).getYear() > 2100
							? "“" + label + "”的日期应在 1990—2100 年之间" : null;
			case TEXT -> value.length() > 2000 ? "“" + label + "”不能超过 2000 字" : null;
			case PHOTO -> null;
		};
	}

	/** Judges an answer; missing answers are never counted as compliant. */
	public Verdict judge(String value) {
		if (type == ItemType.PHOTO) {
			return Verdict.RECORDED;
		}
		if (value == null || value.isBlank()) {
			return Verdict.UNANSWERED;
		}
		if (NOT_APPLICABLE.equals(value)) {
			return Verdict.NOT_APPLICABLE;
		}
		boolean judged = false;
		boolean ok = true;
		if (type == ItemType.YES_NO && expect != null) {
			judged = true;
			ok = expect.toString().equals(value);
		}
		if (type == ItemType.NUMBER && number(value) != null) {
			if (min != null) {
				judged = true;
				ok &= number(value).compareTo(min) >= 0;
			}
			if (max != null) {
				judged = true;
				ok &= number(value).compareTo(max) <= 0;
			}
		}
		if (type == ItemType.CHOICE && !pass.isEmpty()) {
			judged = true;
			ok = pass.contains(value);
		}
		return !judged ? Verdict.RECORDED : ok ? Verdict.PASS : Verdict.FAIL;
	}

	/** What a failing answer falls short of, in Chinese. */
	public String requirement() {
		if (type == ItemType.YES_NO && expect != null) {
			return "应为“" + (expect ? yesLabel() : noLabel()) + "”";
		}
		if (type == ItemType.NUMBER) {
			if (min != null && max != null) {
				return "应在 " + min.toPlainString() + "–" + max.toPlainString() + " 之间";
			}
			if (min != null) {
				return "应不少于 " + min.toPlainString();
			}
			if (max != null) {
				return max.signum() == 0 ? "应为 0" : "应不超过 " + max.toPlainString();
			}
		}
		if (type == ItemType.CHOICE && !pass.isEmpty()) {
			return "应为" + String.join("或", pass);
		}
		return "";
	}

	/** An answer as it is shown on screen and in the forms. */
	public String display(String value) {
		if (value == null || value.isBlank()) {
			return "";
		}
		if (NOT_APPLICABLE.equals(value)) {
			return NOT_APPLICABLE;
		}
		if (type == ItemType.YES_NO) {
			return "true".equals(value) ? yesLabel() : "false".equals(value) ? noLabel() : value;
		}
		return value;
	}

	static BigDecimal number(String value) {
		try {
			return new BigDecimal(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static LocalDate date(String value) {
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
