package cn.hxay.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.hxay.posture.Equipment;
import cn.hxay.posture.PostureFact;
import cn.hxay.posture.PostureFacts;
import cn.hxay.school.Locality;
import cn.hxay.school.Ownership;
import cn.hxay.school.SchoolKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a rule set from JSON and refuses anything doubtful, naming the rule and the
 * problem: unknown fields, unknown posture facts or enum values, negative counts, and
 * overlapping effective dates of one rule id.
 */
final class RuleSetReader {

	private static final Set<String> SET_FIELDS = Set.of("id", "title", "description", "everywhere", "rules");

	private static final Set<String> RULE_FIELDS = Set.of("id", "title", "source", "effectiveFrom", "effectiveUntil",
			"appliesTo", "check", "metric", "inferred");

	private static final Set<String> APPLIES_FIELDS = Set.of("kinds", "excludedKinds", "ownership", "localities",
			"boarding", "minPopulation", "maxPopulation");

	/**
	 * What a citation shown to officials must not contain: the project's own notes (the
	 * standards digest, its row ids such as HUM-02, "inferred") instead of a document and
	 * clause.
	 */
	private static final java.util.regex.Pattern INTERNAL_NOTE = java.util.regex.Pattern.compile(
			"standards\\.md|推断|inferred|TODO|待核|\\b(?:HUM|PHY|TEC|NET|VID|HAZ|ALM)-[A-Z]?\\d+\\b|§\\d+[a-z]",
			java.util.regex.Pattern.CASE_INSENSITIVE);

	private static final Map<String, Set<String>> CHECK_FIELDS = Map.of("flags", Set.of("type", "fields"), "minimum",
			Set.of("type", "field", "value", "unit"), "equipment", Set.of("type", "kinds", "minimum"),
			"guardsCertified", Set.of("type"), "guardAge", Set.of("type", "maxAge"), "staffing",
			Set.of("type", "basis", "bands", "above", "perMille", "minimum", "boarding", "fullTimeOnly"));

	private final JsonMapper json;

	private final List<String> problems = new ArrayList<>();

	private String where;

	RuleSetReader(JsonMapper json) {
		this.json = json;
	}

	/** Reads one rule set; throws with every problem found, each naming its rule. */
	RuleSet read(String source, String text) {
		problems.clear();
		where = source;
		JsonNode root;
		try {
			root = json.readTree(text);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(
					source + "：不是有效的 JSON（" + ex.getMessage().lines().findFirst().orElse("") + "）");
		}
		unknown(root, SET_FIELDS, "规则集");
		String setId = text(root, "id", true);
		where = source + " 规则集 " + setId;
		List<Rule> rules = new ArrayList<>();
		for (JsonNode node : root.path("rules")) {
			String ruleId = text(node, "id", true);
			String before = where;
			where = before + " 规则 " + ruleId;
			Rule rule = rule(setId, ruleId, node);
			if (rule != null) {
				rules.add(rule);
			}
			where = before;
		}
		if (rules.isEmpty() && problems.isEmpty()) {
			problems.add(where + "：没有任何规则");
		}
		checkOverlaps(rules);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("\n", problems));
		}
		return new RuleSet(setId, text(root, "title", true), text(root, "description", false),
				root.path("everywhere").asBoolean(false), List.copyOf(rules));
	}

	private Rule rule(String setId, String ruleId, JsonNode node) {
		unknown(node, RULE_FIELDS, "规则");
		String title = text(node, "title", true);
		String source = text(node, "source", true);
		if (source != null) {
			java.util.regex.Matcher note = INTERNAL_NOTE.matcher(source);
			if (note.find()) {
				problems.add(where + "：source 含内部备注“" + note.group() + "”，依据只写发文文件和条款（推断的要求用 \"inferred\": true 标明）");
			}
		}
		boolean inferred = false;
		if (node.has("inferred")) {
			if (!node.get("inferred").isBoolean()) {
				problems.add(where + "：inferred 须为 true 或 false");
			}
			else {
				inferred = node.get("inferred").asBoolean();
			}
		}
		LocalDate from = date(node, "effectiveFrom", true);
		LocalDate until = date(node, "effectiveUntil", false);
		if (from != null && until != null && !until.isAfter(from)) {
			problems.add(where + "：失效日期 " + until + " 须晚于生效日期 " + from);
		}
		AppliesTo appliesTo = node.has("appliesTo") ? appliesTo(node.get("appliesTo")) : AppliesTo.ALL;
		Check check = node.has("check") ? check(node.get("check")) : null;
		if (check == null && !node.has("check")) {
			problems.add(where + "：缺少 check");
		}
		Metric metric = node.has("metric") ? enumValue(Metric.class, node.get("metric").asString(), "metric") : null;
		if (check == null || from == null || title == null || source == null) {
			return null;
		}
		return new Rule(ruleId, setId, title, source, from, until, appliesTo, check, metric, inferred);
	}

	private AppliesTo appliesTo(JsonNode node) {
		unknown(node, APPLIES_FIELDS, "appliesTo");
		Set<SchoolKind> kinds = enums(node.path("kinds"), SchoolKind.class, "kinds");
		Set<SchoolKind> excluded = enums(node.path("excludedKinds"), SchoolKind.class, "excludedKinds");
		if (kinds.stream().anyMatch(excluded::contains)) {
			problems.add(where + "：kinds 与 excludedKinds 不能含同一类学校");
		}
		return new AppliesTo(kinds, excluded, enums(node.path("ownership"), Ownership.class, "ownership"),
				enums(node.path("localities"), Locality.class, "localities"),
				node.has("boarding") ? node.get("boarding").asBoolean() : null, count(node, "minPopulation", false),
				count(node, "maxPopulation", false));
	}

	private Check check(JsonNode node) {
		String type = node.path("type").asString("");
		Set<String> allowed = CHECK_FIELDS.get(type);
		if (allowed == null) {
			problems.add(where + "：未知的检查类型 “" + type + "”，可用：" + String.join("、", CHECK_FIELDS.keySet()));
			return null;
		}
		unknown(node, allowed, "check");
		return switch (type) {
			case "flags" -> {
				List<String> fields = new ArrayList<>();
				node.path("fields").forEach(f -> fields.add(postureField(f.asString(), PostureFact.Type.FLAG)));
				if (fields.isEmpty()) {
					problems.add(where + "：flags 检查须列出至少一个 fields");
				}
				yield new Check.Flags(List.copyOf(fields));
			}
			case "minimum" -> {
				String field = postureField(node.path("field").asString(""), PostureFact.Type.COUNT,
						PostureFact.Type.DECIMAL);
				BigDecimal value = node.has("value") ? node.get("value").decimalValue() : null;
				if (value == null || value.signum() < 0) {
					problems.add(where + "：minimum 检查的 value 须为不小于 0 的数");
				}
				yield new Check.Minimum(field, value == null ? BigDecimal.ZERO : value, node.path("unit").asString(""));
			}
			case "equipment" -> new Check.EquipmentPresent(enums(node.path("kinds"), Equipment.class, "kinds"),
					orZero(count(node, "minimum", true)));
			case "guardsCertified" -> new Check.GuardsCertified();
			case "guardAge" -> new Check.GuardAge(orZero(count(node, "maxAge", true)));
			case "staffing" -> new Check.Staffing(staffing(node), node.path("fullTimeOnly").asBoolean(true));
			default -> null;
		};
	}

	private StaffingFormula staffing(JsonNode node) {
		StaffingFormula.Basis basis = enumValue(StaffingFormula.Basis.class,
				node.path("basis").asString("STAFF_AND_STUDENTS"), "basis");
		List<StaffingFormula.Band> bands = new ArrayList<>();
		int previous = -1;
		for (JsonNode band : node.path("bands")) {
			unknown(band, Set.of("upTo", "guards", "inferred"), "bands");
			int upTo = orZero(count(band, "upTo", true));
			int guards = orZero(count(band, "guards", true));
			if (band.has("inferred") && !band.get("inferred").isBoolean()) {
				problems.add(where + "：bands 的 inferred 须为 true 或 false");
			}
			if (upTo <= previous) {
				problems.add(where + "：bands 的 upTo 须递增");
			}
			previous = upTo;
			bands.add(new StaffingFormula.Band(upTo, guards, band.path("inferred").asBoolean(false)));
		}
		StaffingFormula.Above above = null;
		if (node.has("above")) {
			JsonNode a = node.get("above");
			unknown(a, Set.of("threshold", "base", "per", "add", "rounding"), "above");
			above = new StaffingFormula.Above(orZero(count(a, "threshold", true)), orZero(count(a, "base", true)),
					positive(a, "per"), orZero(count(a, "add", true)), rounding(a));
		}
		StaffingFormula.PerMille perMille = null;
		if (node.has("perMille")) {
			JsonNode p = node.get("perMille");
			unknown(p, Set.of("above", "rate", "rounding"), "perMille");
			double rate = p.path("rate").asDouble(-1);
			if (rate <= 0) {
				problems.add(where + "：perMille.rate 须为正数");
			}
			perMille = new StaffingFormula.PerMille(orZero(count(p, "above", false)), rate, rounding(p));
		}
		StaffingFormula.BoardingAddOn boarding = null;
		if (node.has("boarding")) {
			JsonNode b = node.get("boarding");
			unknown(b, Set.of("minimum", "per", "add", "rounding", "perSchool"), "boarding");
			boarding = new StaffingFormula.BoardingAddOn(orZero(count(b, "minimum", false)),
					b.has("per") ? positive(b, "per") : 0, orZero(count(b, "add", false)), rounding(b),
					orZero(count(b, "perSchool", false)));
		}
		if (bands.isEmpty() && above == null && perMille == null && !node.has("minimum")) {
			problems.add(where + "：staffing 检查至少需要 bands、above、perMille 或 minimum 之一");
		}
		return new StaffingFormula(basis, List.copyOf(bands), above, perMille, orZero(count(node, "minimum", false)),
				boarding);
	}

	private Rounding rounding(JsonNode node) {
		return enumValue(Rounding.class, node.path("rounding").asString("FLOOR"), "rounding");
	}

	private int positive(JsonNode node, String field) {
		Integer value = count(node, field, true);
		if (value != null && value == 0) {
			problems.add(where + "：" + field + " 须大于 0");
			return 1;
		}
		return value == null || value == 0 ? 1 : value;
	}

	private String postureField(String name, PostureFact.Type... types) {
		java.util.Optional<PostureFact> fact = PostureFacts.find(name);
		if (fact.isEmpty()) {
			problems.add(where + "：未知的安全防范字段 “" + name + "”");
			return "closedManagement";
		}
		if (!List.of(types).contains(fact.get().type())) {
			problems.add(where + "：安全防范字段 “" + name + "” 不能用于此检查");
			return types[0] == PostureFact.Type.FLAG ? "closedManagement" : "videoRetentionDays";
		}
		return name;
	}

	private Integer count(JsonNode node, String field, boolean required) {
		if (!node.has(field)) {
			if (required) {
				problems.add(where + "：缺少 " + field);
			}
			return null;
		}
		JsonNode value = node.get(field);
		if (!value.isIntegralNumber()) {
			problems.add(where + "：" + field + " 须为整数");
			return null;
		}
		if (value.asInt() < 0) {
			problems.add(where + "：" + field + " 不能为负数（" + value.asInt() + "）");
			return null;
		}
		return value.asInt();
	}

	private static int orZero(Integer value) {
		return value == null ? 0 : value;
	}

	private String text(JsonNode node, String field, boolean required) {
		String value = node.path(field).asString(null);
		if (required && (value == null || value.isBlank())) {
			problems.add(where + "：缺少 " + field);
		}
		return value;
	}

	private LocalDate date(JsonNode node, String field, boolean required) {
		String value = text(node, field, required);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			problems.add(where + "：" + field + " “" + value + "” 不是 yyyy-MM-dd 日期");
			return null;
		}
	}

	private <E extends Enum<E>> Set<E> enums(JsonNode array, Class<E> type, String field) {
		Set<E> values = EnumSet.noneOf(type);
		array.forEach(v -> {
			E value = enumValue(type, v.asString(), field);
			if (value != null) {
				values.add(value);
			}
		});
		return values;
	}

	private <E extends Enum<E>> E enumValue(Class<E> type, String name, String field) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(name)) {
				return constant;
			}
		}
		problems.add(where + "：" + field + " 的值 “" + name + "” 无效");
		return null;
	}

	private void unknown(JsonNode node, Set<String> allowed, String what) {
		Iterator<String> names = node.propertyNames().iterator();
		while (names.hasNext()) {
			String name = names.next();
			if (!allowed.contains(name)) {
				problems.add(where + "：" + what + " 中有未知字段 “" + name + "”");
			}
		}
	}

	private void checkOverlaps(List<Rule> rules) {
		Set<String> seen = new HashSet<>();
		for (Rule a : rules) {
			for (Rule b : rules) {
				if (a != b && a.id().equals(b.id()) && seen.add(a.id()) && overlap(a, b)) {
					problems.add(where + " 规则 " + a.id() + "：多个版本的生效期重叠（" + a.effectiveFrom() + " 起 与 "
							+ b.effectiveFrom() + " 起）");
				}
			}
		}
	}

	private static boolean overlap(Rule a, Rule b) {
		Function<Rule, LocalDate> end = r -> r.effectiveUntil() == null ? LocalDate.MAX : r.effectiveUntil();
		return a.effectiveFrom().isBefore(end.apply(b)) && b.effectiveFrom().isBefore(end.apply(a));
	}

}
