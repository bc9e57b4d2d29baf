package cn.hxay.posture;

import cn.hxay.shared.PlatformTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.Violation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The posture page's form, bound by index ({@code facts[3].value},
 * {@code guards[0].name}) and checked with Bean Validation before it is turned into a
 * posture. Full ID numbers never travel to the page: a stored guard's row carries only
 * its position in the version the page was made from ({@code ref}) and a blank ID number
 * means "unchanged", so the server keeps the stored one.
 *
 * @param baseVersion the posture version the page showed (its guards' stored ID numbers
 * are kept)
 * @param facts one row per fact of {@link PostureFacts#ALL}
 * @param guardList {@code list}: the table below (empty table: not reported),
 * {@code unreported}: not reported, {@code none}: reported, no guard posted
 */
public record PostureForm(@Pattern(regexp = "\\d{0,18}", message = "页面版本无效") String baseVersion,
		@Valid @Size(max = 60, message = "安全防范项目过多") List<FactValue> facts,
		@Pattern(regexp = "|WALL|FENCE|PARTIAL|NONE", message = "周界类型无效") String perimeterType,
		@Valid @Size(max = 20, message = "防护装备种类过多") List<EquipmentCount> equipment,
		@Pattern(regexp = "|list|unreported|none", message = "保安员名单的填报方式无效") String guardList,
		@Valid @Size(max = 200, message = "保安员最多 200 名") List<GuardRow> guards) {

	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1920, 1, 1);

	public PostureForm {
		facts = facts == null ? List.of() : facts;
		equipment = equipment == null ? List.of() : equipment;
		guards = guards == null ? List.of() : guards;
	}

	public record FactValue(@NotBlank(message = "缺少项目名称") @Size(max = 60, message = "项目名称过长") String name,
			@Size(max = 100, message = "不能超过 100 字") String value) {
	}

	public record EquipmentCount(@Pattern(regexp = "[A-Z_]{1,40}", message = "防护装备种类无效") String kind,
			@Size(max = 10, message = "数量过长") String count) {
	}

	/**
	 * @param ref the guard's position in the base version; blank for a new row
	 * @param idNumber blank on a stored guard's row: unchanged
	 */
	public record GuardRow(@Pattern(regexp = "\\d{0,3}", message = "保安员行号无效") String ref,
			@Size(max = 50, message = "姓名不能超过 50 字") String name,
			@Pattern(regexp = "|\\s*\\d{17}[0-9Xx]\\s*", message = "身份证号应为 18 位") String idNumber,
			@Size(max = 50, message = "保安员证号不能超过 50 字") String certificate,
			@Size(max = 10, message = "出生日期格式应为 yyyy-MM-dd") String birthDate,
			@Pattern(regexp = "|true|false", message = "专/兼职无效") String fullTime,
			@Size(max = 100, message = "派遣单位不能超过 100 字") String employer) {

		boolean blank() {
			return name == null || name.isBlank();
		}

	}

	/** The form of a posture as the page shows it: no ID number in it. */
	static PostureForm of(Long versionId, SecurityPosture p) {
		List<FactValue> facts = new ArrayList<>();
		for (PostureFact fact : PostureFacts.ALL) {
			Object value = fact.valueIn(p);
			facts.add(new FactValue(fact.name(),
					value instanceof BigDecimal d ? d.toPlainString() : value == null ? "" : value.toString()));
		}
		List<EquipmentCount> equipment = new ArrayList<>();
		for (Equipment kind : Equipment.values()) {
			Integer count = p.equipment().get(kind);
			equipment.add(new EquipmentCount(kind.name(), count == null ? "" : count.toString()));
		}
		List<GuardRow> guards = new ArrayList<>();
		for (int i = 0; i < p.guardList().size(); i++) {
			Guard g = p.guardList().get(i);
			guards.add(new GuardRow(Integer.toString(i), g.name(), "", g.certificateNumber(),
					g.birthDate() == null ? "" : g.birthDate().toString(), Boolean.toString(g.fullTime()),
					g.employer()));
		}
		return new PostureForm(versionId == null ? "" : versionId.toString(), facts,
				p.perimeterType() == null ? "" : p.perimeterType().name(), equipment,
				!p.guardsReported() ? "unreported" : p.guardList().isEmpty() ? "none" : "list", guards);
	}

	/** The value of a fact row, for the page. */
	public String value(String name) {
		return facts.stream().filter(f -> name.equals(f.name())).map(FactValue::value).findFirst().orElse("");
	}

	/** The count of an equipment kind, for the page. */
	public String count(Equipment kind) {
		return equipment.stream()
			.filter(e -> kind.name().equals(e.kind()))
			.map(EquipmentCount::count)
			.findFirst()
			.orElse("");
	}

	/**
	 * The posture this form describes; ID numbers left blank on a stored guard's row are
	 * taken from {@code base}, the version the page was made from.
	 * @throws InvalidInputException with every problem by field, in Chinese
	 */
	SecurityPosture toPosture(SecurityPosture base) {
		List<Violation> problems = new ArrayList<>();
		Map<String, Object> values = new HashMap<>();
		for (int i = 0; i < facts.size(); i++) {
			FactValue row = facts.get(i);
			PostureFact fact = PostureFacts.find(row.name()).orElse(null);
			if (fact == null) {
				problems.add(Violation.of("facts[" + i + "]", "未知的安全防范项目“" + row.name() + "”"));
				continue;
			}
			values.put(fact.name(), parse(fact, row.value(), problems));
		}
		Map<Equipment, Integer> counts = new EnumMap<>(Equipment.class);
		for (EquipmentCount row : equipment) {
			Equipment kind = java.util.Arrays.stream(Equipment.values())
				.filter(k -> k.name().equals(row.kind()))
				.findFirst()
				.orElse(null);
			if (kind == null) {
				problems.add(Violation.of("equipment", "防护装备种类“" + row.kind() + "”无效"));
				continue;
			}
			Integer count = integer(kind.name(), kind.label() + "数量", row.count(), problems);
			if (count != null) {
				counts.put(kind, count);
			}
		}
		List<Guard> list = guards(base, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new SecurityPosture(flag(values, "workingTeam"), (String) values.get("workingTeamLead"),
				flag(values, "holidayDutyRoster"), flag(values, "leaderOnDuty"), flag(values, "gatekeeperRules"),
				flag(values, "patrolRules"), flag(values, "hazardCheckRules"), flag(values, "visitorRegistration"),
				flag(values, "securityDepartment"), list, (Integer) values.get("dormitoryManagers"), counts,
				flag(values, "closedManagement"), flag(values, "gatehouseStaffed24h"),
				perimeterType == null || perimeterType.isBlank() ? null : PerimeterType.valueOf(perimeterType),
				(BigDecimal) values.get("perimeterHeightMetres"), flag(values, "antiClimb"),
				flag(values, "isolationFence"), flag(values, "antiRamming"), flag(values, "liftingBollards"),
				flag(values, "perimeterIntrusionAlarm"), flag(values, "keyAreaIntrusionAlarm"),
				flag(values, "oneKeyAlarmAtGate"), flag(values, "oneKeyAlarmInDormitory"),
				flag(values, "oneKeyAlarmNetworked"), (Integer) values.get("cameras"),
				(Integer) values.get("videoRetentionDays"), flag(values, "videoNetworked"),
				flag(values, "technicalSystemsWorking"), flag(values, "electricalFireGovernance"),
				flag(values, "hazardousChemicalsThreePrevention"), flag(values, "fullTimeSecurityCadre"),
				flag(values, "pickUpCards"));
	}

	/**
	 * The guard list: {@code null} (not reported) for an empty table or when so chosen,
	 * an empty list only when the school states it has no guard.
	 */
	private List<Guard> guards(SecurityPosture base, List<Violation> problems) {
		List<GuardRow> named = guards.stream().filter(g -> !g.blank()).toList();
		String mode = guardList == null || guardList.isBlank() ? "list" : guardList;
		if (!mode.equals("list")) {
			if (!named.isEmpty()) {
				problems.add(Violation.of("guardList", "保安员名单中还有 " + named.size() + " 名保安员：选择“"
						+ (mode.equals("none") ? "确无保安员" : "未填报") + "”前请先清空名单"));
			}
			return mode.equals("none") ? List.of() : null;
		}
		if (named.isEmpty()) {
			return null;
		}
		List<Guard> list = new ArrayList<>();
		for (int i = 0; i < guards.size(); i++) {
			GuardRow row = guards.get(i);
			if (row.blank()) {
				continue;
			}
			String field = "guards[" + i + "]";
			String who = "保安员“" + row.name().strip() + "”";
			LocalDate birth = null;
			if (row.birthDate() != null && !row.birthDate().isBlank()) {
				try {
					birth = LocalDate.parse(row.birthDate().strip());
					LocalDate latest = LocalDate.now(PlatformTime.ZONE).minusYears(16);
					if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(latest)) {
						problems.add(Violation.of(field + ".birthDate",
								who + "的出生日期应在 " + EARLIEST_BIRTH + " 与 " + latest + " 之间（保安员须年满 16 周岁）"));
					}
				}
				catch (DateTimeParseException ex) {
					problems.add(Violation.of(field + ".birthDate", who + "的出生日期格式应为 yyyy-MM-dd"));
				}
			}
			String idNumber = blankToNull(row.idNumber());
			if (idNumber == null && row.ref() != null && !row.ref().isBlank()) {
				int ref = Integer.parseInt(row.ref());
				if (ref >= base.guardList().size()) {
					problems.add(Violation.of(field + ".ref", who + "不在原名单中，请刷新页面后重填"));
				}
				else {
					idNumber = base.guardList().get(ref).idNumber();
				}
			}
			list.add(new Guard(row.name().strip(), idNumber == null ? null : idNumber.toUpperCase(),
					blankToNull(row.certificate()), birth, "true".equals(row.fullTime()), blankToNull(row.employer())));
		}
		return list;
	}

	private static Object parse(PostureFact fact, String value, List<Violation> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return switch (fact.type()) {
			case FLAG -> {
				if (!value.equals("true") && !value.equals("false")) {
					problems.add(Violation.of(fact.name(), fact.label() + "只能填“是”“否”或“未填报”"));
					yield null;
				}
				yield Boolean.valueOf(value);
			}
			case COUNT -> integer(fact.name(), fact.label(), value, problems);
			case DECIMAL -> {
				try {
					yield new BigDecimal(value.strip());
				}
				catch (NumberFormatException ex) {
					problems.add(Violation.of(fact.name(), fact.label() + "应为数字，实际为“" + value + "”"));
					yield null;
				}
			}
			case TEXT -> value.strip();
		};
	}

	private static Integer integer(String field, String label, String value, List<Violation> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(Violation.of(field, label + "应为整数，实际为“" + value + "”"));
			return null;
		}
	}

	private static Boolean flag(Map<String, Object> values, String name) {
		return (Boolean) values.get(name);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
