package cn.hxay.alarm.devices;

import cn.hxay.alarm.Device;
import cn.hxay.alarm.DeviceDetails;
import cn.hxay.alarm.DeviceKind;
import cn.hxay.alarm.DeviceOwner;
import cn.hxay.alarm.Devices;
import cn.hxay.alarm.IssuedToken;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.hxay.shared.documents.ImportWorkbook.SheetRow;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.Violation;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the device sheet all or nothing: every row is checked first and any bad row
 * refuses the whole file with the row numbers and reasons. A code already registered
 * updates that device (its token stays); each new device gets a token, returned once.
 */
@Component
class DeviceImport {

	static final int MAX_LISTED_PROBLEMS = 200;

	record Outcome(int created, int updated, int unchanged, List<IssuedToken> tokens) {

	}

	private final Devices devices;

	private final SchoolRegistry schools;

	DeviceImport(Devices devices, SchoolRegistry schools) {
		this.devices = devices;
		this.schools = schools;
	}

	@Transactional
	Outcome run(CurrentUser user, DataScope scope, InputStream input) {
		if (!devices.mayRegister(user)) {
			throw new ForbiddenException("您无权导入设备");
		}
		List<SheetRow> rows = DeviceWorkbook.read(input);
		if (rows.isEmpty()) {
			throw new InvalidInputException("file", "文件中没有数据行");
		}
		Map<String, School> schoolsByCode = new HashMap<>();
		schools.forEach(scope, SchoolFilter.none(), school -> schoolsByCode.put(school.code(), school));
		List<Violation> problems = new ArrayList<>();
		Map<String, Integer> firstRowOfCode = new HashMap<>();
		List<Parsed> parsed = new ArrayList<>();
		for (SheetRow row : rows) {
			List<String> rowProblems = new ArrayList<>();
			Parsed one = parse(row, user, schoolsByCode, rowProblems);
			if (one != null) {
				Integer earlier = firstRowOfCode.putIfAbsent(one.details().code(), row.number());
				if (earlier != null) {
					rowProblems.add("设备编码 " + one.details().code() + " 与第 " + earlier + " 行重复");
				}
			}
			if (rowProblems.isEmpty() && one != null) {
				parsed.add(one);
			}
			rowProblems.forEach(message -> problems.add(DeviceWorkbook.rowProblem(row.number(), message)));
		}
		Map<String, Device> existing = devices.byCodes(parsed.stream().map(p -> p.details().code()).toList());
		for (Parsed row : parsed) {
			Device current = existing.get(row.details().code());
			if (current != null && !current.inScopeOf(scope)) {
				problems
					.add(DeviceWorkbook.rowProblem(row.number(), "设备编码 " + row.details().code() + " 已登记在您管辖范围以外的学校"));
			}
			else if (current != null && current.owner() == DeviceOwner.VENUE) {
				problems.add(DeviceWorkbook.rowProblem(row.number(),
						"设备编码 " + row.details().code() + " 是周边场所“" + current.venueName() + "”的一键报警，不能导入为学校设备"));
			}
		}
		refuseIfAny(problems);
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		List<IssuedToken> tokens = new ArrayList<>();
		for (Parsed row : parsed) {
			Device current = existing.get(row.details().code());
			if (current == null) {
				tokens.add(devices.registerImported(row.details(), row.school()));
				created++;
			}
			else if (current.details().equals(row.details())) {
				unchanged++;
			}
			else {
				devices.changeImported(current, row.details(), row.school());
				updated++;
			}
		}
		return new Outcome(created, updated, unchanged, tokens);
	}

	private record Parsed(int number, DeviceDetails details, School school) {
	}

	private static Parsed parse(SheetRow row, CurrentUser user, Map<String, School> schoolsByCode,
			List<String> problems) {
		for (String header : DeviceWorkbook.REQUIRED) {
			if (row.get(header) == null) {
				problems.add("“" + header + "”不能为空");
			}
		}
		DeviceKind kind = null;
		if (row.get(DeviceWorkbook.KIND) != null) {
			kind = DeviceKind.fromLabel(row.get(DeviceWorkbook.KIND)).orElse(null);
			if (kind == null) {
				problems.add("“设备类型”的值“" + row.get(DeviceWorkbook.KIND) + "”无效，应为一键报警、摄像机、NVR 或入侵探测器");
			}
		}
		boolean networked = true;
		String yesNo = row.get(DeviceWorkbook.NETWORKED);
		if (yesNo != null) {
			switch (yesNo) {
				case "是", "Y", "y", "1", "true", "TRUE" -> networked = true;
				case "否", "N", "n", "0", "false", "FALSE" -> networked = false;
				default -> problems.add("“必须联网”应填“是”或“否”，实际为“" + yesNo + "”");
			}
		}
		School school = null;
		String schoolCode = row.get(DeviceWorkbook.SCHOOL);
		if (schoolCode != null) {
			school = schoolsByCode.get(schoolCode);
			if (school == null) {
				problems.add("学校标识码 " + schoolCode + " 不存在，或不在您的管辖范围内");
			}
			else if (user.hasRole(Role.SCHOOL_SAFETY_LEAD) && !user.hasRole(Role.SYSTEM_ADMIN)
					&& school.organisationId() != user.organisationId()) {
				problems.add("学校用户只能导入本校设备");
			}
		}
		if (!problems.isEmpty()) {
			return null;
		}
		DeviceDetails details = new DeviceDetails(row.get(DeviceWorkbook.CODE), school.id(), kind,
				row.get(DeviceWorkbook.PLACE), row.get(DeviceWorkbook.VENDOR), row.get(DeviceWorkbook.MODEL),
				networked);
		details.violations().forEach(v -> problems.add(v.message()));
		if (problems.isEmpty() && !details.code().startsWith(school.regionCode().substring(0, 4))) {
			problems.add("设备编码前 4 位应与学校所在市的行政区划代码 " + school.regionCode().substring(0, 4) + " 一致");
		}
		return problems.isEmpty() ? new Parsed(row.number(), details, school) : null;
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

}
