package cn.hxay.posture;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.Violation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A school's security posture: the current facts, an edit form (yes/no/not reported for
 * every fact, a row per guard) and the history of versions.
 */
@Controller
class PostureController {

	static final List<String> FLAGS = java.util.stream.Stream
		.of(PostureFacts.ORGANISATION, PostureFacts.PHYSICAL, PostureFacts.TECHNICAL, PostureFacts.FIRE_AND_CHEMICALS)
		.flatMap(group -> group.keySet().stream())
		.toList();

	private final Postures postures;

	private final SchoolRegistry schools;

	PostureController(Postures postures, SchoolRegistry schools) {
		this.postures = postures;
		this.schools = schools;
	}

	@GetMapping("/schools/{id}/posture")
	String show(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		School school = schools.get(scope, id);
		model.addAttribute("school", school);
		model.addAttribute("p", postures.current(id));
		model.addAttribute("history", postures.history(scope, id));
		model.addAttribute("mayChange", schools.mayChange(user, scope, school));
		model.addAttribute("equipmentKinds", Equipment.values());
		model.addAttribute("perimeterTypes", PerimeterType.values());
		model.addAttribute("groups", Map.of("人防：组织与制度", PostureFacts.ORGANISATION, "物防", PostureFacts.PHYSICAL, "技防",
				PostureFacts.TECHNICAL, "消防与危化品", PostureFacts.FIRE_AND_CHEMICALS));
		model.addAttribute("groupOrder", List.of("人防：组织与制度", "物防", "技防", "消防与危化品"));
		model.addAttribute("facts", facts(postures.current(id)));
		return "posture/show";
	}

	@PostMapping("/schools/{id}/posture")
	String record(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, CurrentUser user,
			DataScope scope, Model model, RedirectAttributes redirect) {
		try {
			postures.record(user, scope, id, parse(form));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.byField());
			return show(id, user, scope, model);
		}
		redirect.addFlashAttribute("notice", "已保存新的安全防范情况；合规评估将随之更新");
		return "redirect:/schools/" + id + "/posture";
	}

	/** Yes/no facts by field name, for the form (null: not reported). */
	private static Map<String, Boolean> facts(SecurityPosture p) {
		Map<String, Boolean> facts = new java.util.HashMap<>();
		facts.put("workingTeam", p.workingTeam());
		facts.put("holidayDutyRoster", p.holidayDutyRoster());
		facts.put("leaderOnDuty", p.leaderOnDuty());
		facts.put("gatekeeperRules", p.gatekeeperRules());
		facts.put("patrolRules", p.patrolRules());
		facts.put("hazardCheckRules", p.hazardCheckRules());
		facts.put("visitorRegistration", p.visitorRegistration());
		facts.put("securityDepartment", p.securityDepartment());
		facts.put("closedManagement", p.closedManagement());
		facts.put("gatehouseStaffed24h", p.gatehouseStaffed24h());
		facts.put("antiClimb", p.antiClimb());
		facts.put("isolationFence", p.isolationFence());
		facts.put("antiRamming", p.antiRamming());
		facts.put("liftingBollards", p.liftingBollards());
		facts.put("perimeterIntrusionAlarm", p.perimeterIntrusionAlarm());
		facts.put("keyAreaIntrusionAlarm", p.keyAreaIntrusionAlarm());
		facts.put("oneKeyAlarmAtGate", p.oneKeyAlarmAtGate());
		facts.put("oneKeyAlarmInDormitory", p.oneKeyAlarmInDormitory());
		facts.put("oneKeyAlarmNetworked", p.oneKeyAlarmNetworked());
		facts.put("videoNetworked", p.videoNetworked());
		facts.put("technicalSystemsWorking", p.technicalSystemsWorking());
		facts.put("electricalFireGovernance", p.electricalFireGovernance());
		facts.put("hazardousChemicalsThreePrevention", p.hazardousChemicalsThreePrevention());
		return facts;
	}

	static SecurityPosture parse(MultiValueMap<String, String> form) {
		List<Violation> problems = new ArrayList<>();
		Map<String, Boolean> flags = new java.util.HashMap<>();
		FLAGS.forEach(name -> flags.put(name, tri(form.getFirst(name))));
		List<Guard> guards = null;
		if (!"false".equals(form.getFirst("guardsReported"))) {
			guards = new ArrayList<>();
			List<String> names = form.getOrDefault("guardName", List.of());
			for (int i = 0; i < names.size(); i++) {
				if (names.get(i) == null || names.get(i).isBlank()) {
					continue;
				}
				LocalDate birth = null;
				String birthText = at(form, "guardBirthDate", i);
				if (birthText != null) {
					try {
						birth = LocalDate.parse(birthText);
					}
					catch (DateTimeParseException ex) {
						problems.add(Violation.of("guards", "保安员“" + names.get(i) + "”的出生日期格式应为 yyyy-MM-dd"));
					}
				}
				guards
					.add(new Guard(names.get(i).strip(), at(form, "guardIdNumber", i), at(form, "guardCertificate", i),
							birth, "true".equals(at(form, "guardFullTime", i)), at(form, "guardEmployer", i)));
			}
		}
		Map<Equipment, Integer> equipment = new EnumMap<>(Equipment.class);
		for (Equipment kind : Equipment.values()) {
			Integer count = integer(form.getFirst("equipment_" + kind.name()), kind.label() + "数量", problems);
			if (count != null) {
				equipment.put(kind, count);
			}
		}
		String perimeter = form.getFirst("perimeterType");
		BigDecimal height = null;
		String heightText = form.getFirst("perimeterHeightMetres");
		if (heightText != null && !heightText.isBlank()) {
			try {
				height = new BigDecimal(heightText.strip());
			}
			catch (NumberFormatException ex) {
				problems.add(Violation.of("perimeterHeightMetres", "围墙高度应为数字（米）"));
			}
		}
		SecurityPosture posture = new SecurityPosture(flags.get("workingTeam"),
				blankToNull(form.getFirst("workingTeamLead")), flags.get("holidayDutyRoster"),
				flags.get("leaderOnDuty"), flags.get("gatekeeperRules"), flags.get("patrolRules"),
				flags.get("hazardCheckRules"), flags.get("visitorRegistration"), flags.get("securityDepartment"),
				guards, integer(form.getFirst("dormitoryManagers"), "宿舍管理员人数", problems), equipment,
				flags.get("closedManagement"), flags.get("gatehouseStaffed24h"),
				perimeter == null || perimeter.isBlank() ? null : PerimeterType.valueOf(perimeter), height,
				flags.get("antiClimb"), flags.get("isolationFence"), flags.get("antiRamming"),
				flags.get("liftingBollards"), flags.get("perimeterIntrusionAlarm"), flags.get("keyAreaIntrusionAlarm"),
				flags.get("oneKeyAlarmAtGate"), flags.get("oneKeyAlarmInDormitory"), flags.get("oneKeyAlarmNetworked"),
				integer(form.getFirst("cameras"), "视频探头数量", problems),
				integer(form.getFirst("videoRetentionDays"), "视频保存天数", problems), flags.get("videoNetworked"),
				flags.get("technicalSystemsWorking"), flags.get("electricalFireGovernance"),
				flags.get("hazardousChemicalsThreePrevention"));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return posture;
	}

	private static Boolean tri(String value) {
		return value == null || value.isBlank() ? null : Boolean.valueOf(value);
	}

	private static String at(MultiValueMap<String, String> form, String name, int index) {
		List<String> values = form.getOrDefault(name, List.of());
		return index < values.size() ? blankToNull(values.get(index)) : null;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static Integer integer(String value, String label, List<Violation> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(Violation.of(label, label + "应为整数，实际为“" + value + "”"));
			return null;
		}
	}

}
