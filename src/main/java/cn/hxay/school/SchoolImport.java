package cn.hxay.school;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.organisation.Region;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.Violation;
import cn.hxay.shared.documents.ImportWorkbook.SheetRow;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the school sheet all or nothing: every row is checked first and any bad row
 * refuses the whole file with the row numbers and reasons; only a clean file is written,
 * in one transaction. A code already registered updates that school, so importing the
 * same file twice changes nothing the second time.
 */
@Component
class SchoolImport {

	/** How many problems are listed before the rest are only counted. */
	static final int MAX_LISTED_PROBLEMS = 200;

	record Outcome(int created, int updated, int unchanged) {

		int total() {
			return created + updated + unchanged;
		}

	}

	private final SchoolRegistry registry;

	private final SchoolValidation validation;

	private final SchoolStore store;

	private final Organisations organisations;

	SchoolImport(SchoolRegistry registry, SchoolValidation validation, SchoolStore store, Organisations organisations) {
		this.registry = registry;
		this.validation = validation;
		this.store = store;
		this.organisations = organisations;
	}

	@Transactional
	Outcome run(CurrentUser user, DataScope scope, InputStream input) {
		if (!registry.mayRegister(user)) {
			throw new ForbiddenException("只有教育局管理员可以导入学校");
		}
		List<SheetRow> rows = SchoolWorkbook.read(input);
		if (rows.isEmpty()) {
			throw new InvalidInputException("file", "文件中没有数据行");
		}
		Units units = new Units(organisations);
		List<Violation> problems = new ArrayList<>();
		Map<String, Integer> firstRowOfCode = new HashMap<>();
		List<Parsed> parsed = new ArrayList<>();
		for (SheetRow row : rows) {
			List<String> rowProblems = new ArrayList<>();
			SchoolDetails details = parse(row, units, rowProblems);
			if (details != null && details.code() != null) {
				Integer earlier = firstRowOfCode.putIfAbsent(details.code(), row.number());
				if (earlier != null) {
					rowProblems.add("学校标识码 " + details.code() + " 与第 " + earlier + " 行重复");
				}
			}
			if (rowProblems.isEmpty()) {
				parsed.add(new Parsed(row.number(), details));
			}
			rowProblems.forEach(message -> problems.add(SchoolWorkbook.rowProblem(row.number(), message)));
		}
		Map<String, School> existing = store.byCodes(parsed.stream().map(p -> p.details().code()).toList());
		for (Parsed row : parsed) {
			School current = existing.get(row.details().code());
			if (current != null && !registry.mayChange(user, scope, current)) {
				problems.add(SchoolWorkbook.rowProblem(row.number(),
						"学校标识码 " + row.details().code() + " 已登记在您管辖范围以外，不能通过导入修改"));
				continue;
			}
			try {
				validation.validate(scope, row.details(), current);
			}
			catch (InvalidInputException ex) {
				ex.violations().forEach(v -> problems.add(SchoolWorkbook.rowProblem(row.number(), v.message())));
			}
		}
		refuseIfAny(problems);
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		for (Parsed row : parsed) {
			School current = existing.get(row.details().code());
			try {
				if (current == null) {
					registry.register(user, scope, row.details());
					created++;
				}
				else if (current.details().equals(row.details())) {
					unchanged++;
				}
				else {
					registry.change(user, scope, current.id(), current.version(), row.details());
					updated++;
				}
			}
			catch (InvalidInputException ex) {
				// the transaction is now marked for rollback: report this row and stop
				ex.violations().forEach(v -> problems.add(SchoolWorkbook.rowProblem(row.number(), v.message())));
				refuseIfAny(problems);
			}
		}
		return new Outcome(created, updated, unchanged);
	}

	private static void refuseIfAny(List<Violation> problems) {
		if (problems.isEmpty()) {
			return;
		}
		List<Violation> listed = new ArrayList<>(problems.subList(0, Math.min(problems.size(), MAX_LISTED_PROBLEMS)));
		if (problems.size() > MAX_LISTED_PROBLEMS) {
			listed.add(Violation.of(null, "……另有 " + (problems.size() - MAX_LISTED_PROBLEMS) + " 处错误未列出"));
		}
		throw new InvalidInputException(listed);
	}

	private record Parsed(int number, SchoolDetails details) {
	}

	private static SchoolDetails parse(SheetRow row, Units units, List<String> problems) {
		for (String header : SchoolWorkbook.REQUIRED) {
			if (row.get(header) == null && !header.equals(SchoolWorkbook.BUREAU)
					&& !header.equals(SchoolWorkbook.STATION)) {
				problems.add("“" + header + "”不能为空");
			}
		}
		SchoolKind kind = coded(row, SchoolWorkbook.KIND, SchoolKind::fromLabel, problems);
		Ownership ownership = coded(row, SchoolWorkbook.OWNERSHIP, Ownership::fromLabel, problems);
		Locality locality = coded(row, SchoolWorkbook.LOCALITY, Locality::fromLabel, problems);
		Boolean boarding = yesNo(row, SchoolWorkbook.BOARDING, problems);
		Integer students = integer(row, SchoolWorkbook.STUDENTS, problems);
		Integer boarders = integer(row, SchoolWorkbook.BOARDERS, problems);
		Integer staff = integer(row, SchoolWorkbook.STAFF, problems);
		BigDecimal longitude = decimal(row, SchoolWorkbook.LONGITUDE, problems);
		BigDecimal latitude = decimal(row, SchoolWorkbook.LATITUDE, problems);
		Boolean keyUnit = yesNo(row, SchoolWorkbook.KEY_UNIT, problems);
		Boolean licensed = yesNo(row, SchoolWorkbook.LICENSED, problems);
		Organisation bureau = units.bureau(row.get(SchoolWorkbook.BUREAU), problems);
		Organisation station = units.inRegionOf(bureau, OrganisationKind.POLICE_STATION,
				row.get(SchoolWorkbook.STATION), "属地派出所", true, problems);
		Organisation township = units.inRegionOf(bureau, OrganisationKind.TOWNSHIP, row.get(SchoolWorkbook.TOWNSHIP),
				"乡镇(街道)", false, problems);
		if (!problems.isEmpty()) {
			return null;
		}
		SchoolDetails details = new SchoolDetails(row.get(SchoolWorkbook.CODE), row.get(SchoolWorkbook.NAME), kind,
				ownership, locality, Boolean.TRUE.equals(boarding), students, boarders == null ? 0 : boarders, staff,
				row.get(SchoolWorkbook.ADDRESS), longitude, latitude, row.get(SchoolWorkbook.HEADMASTER),
				row.get(SchoolWorkbook.HEADMASTER_PHONE), row.get(SchoolWorkbook.SAFETY_LEAD),
				row.get(SchoolWorkbook.SAFETY_LEAD_PHONE), bureau.id(), station.id(),
				township == null ? null : township.id(), Boolean.TRUE.equals(keyUnit), licensed == null || licensed);
		details.violations().forEach(v -> problems.add(v.message()));
		return problems.isEmpty() ? details : null;
	}

	private static <T> T coded(SheetRow row, String header, Function<String, Optional<T>> lookup,
			List<String> problems) {
		String text = row.get(header);
		if (text == null) {
			return null;
		}
		Optional<T> value = lookup.apply(text);
		if (value.isEmpty()) {
			problems.add("“" + header + "”的值“" + text + "”无效");
		}
		return value.orElse(null);
	}

	private static Boolean yesNo(SheetRow row, String header, List<String> problems) {
		String text = row.get(header);
		if (text == null) {
			return null;
		}
		return switch (text) {
			case "是", "Y", "y", "1", "true", "TRUE" -> true;
			case "否", "N", "n", "0", "false", "FALSE" -> false;
			default -> {
				problems.add("“" + header + "”应填“是”或“否”，实际为“" + text + "”");
				yield null;
			}
		};
	}

	private static Integer integer(SheetRow row, String header, List<String> problems) {
		String text = row.get(header);
		if (text == null) {
			return null;
		}
		try {
			return Integer.valueOf(text);
		}
		catch (NumberFormatException ex) {
			problems.add("“" + header + "”应为整数，实际为“" + text + "”");
			return null;
		}
	}

	private static BigDecimal decimal(SheetRow row, String header, List<String> problems) {
		String text = row.get(header);
		if (text == null) {
			return null;
		}
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			problems.add("“" + header + "”应为数字，实际为“" + text + "”");
			return null;
		}
	}

	/** Units looked up by name, loaded once per import. */
	private static final class Units {

		private final Map<String, List<Organisation>> bureaus = new HashMap<>();

		private final Map<String, List<Organisation>> byKindAndName = new HashMap<>();

		private final Organisations organisations;

		Units(Organisations organisations) {
			this.organisations = organisations;
			for (Region region : organisations.regions()) {
				if (region.level() == cn.hxay.organisation.RegionLevel.CITY) {
					for (OrganisationKind kind : List.of(OrganisationKind.CITY_EDUCATION_BUREAU,
							OrganisationKind.COUNTY_EDUCATION_BUREAU)) {
						organisations.ofKind(kind, region.code())
							.forEach(unit -> bureaus.computeIfAbsent(unit.name(), n -> new ArrayList<>()).add(unit));
					}
					for (OrganisationKind kind : List.of(OrganisationKind.POLICE_STATION, OrganisationKind.TOWNSHIP)) {
						organisations.ofKind(kind, region.code())
							.forEach(unit -> byKindAndName
								.computeIfAbsent(kind + "/" + unit.name(), n -> new ArrayList<>())
								.add(unit));
					}
				}
			}
		}

		Organisation bureau(String name, List<String> problems) {
			if (name == null) {
				problems.add("“主管教育局”不能为空");
				return null;
			}
			List<Organisation> found = bureaus.getOrDefault(name, List.of());
			if (found.size() != 1) {
				problems.add(found.isEmpty() ? "平台中没有名为“" + name + "”的教育局" : "教育局名称“" + name + "”不唯一");
				return null;
			}
			return found.get(0);
		}

		Organisation inRegionOf(Organisation bureau, OrganisationKind kind, String name, String label, boolean required,
				List<String> problems) {
			if (name == null) {
				if (required) {
					problems.add("“" + label + "”不能为空");
				}
				return null;
			}
			if (bureau == null) {
				return null;
			}
			String prefix = organisations.regionPrefix(bureau.regionCode());
			List<Organisation> found = byKindAndName.getOrDefault(kind + "/" + name, List.of())
				.stream()
				.filter(unit -> unit.regionCode().startsWith(prefix))
				.toList();
			if (found.size() != 1) {
				problems.add(found.isEmpty() ? bureau.name() + "辖区内没有名为“" + name + "”的" + label
						: label + "名称“" + name + "”不唯一");
				return null;
			}
			return found.get(0);
		}

	}

}
