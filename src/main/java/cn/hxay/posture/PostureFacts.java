package cn.hxay.posture;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.hxay.posture.PostureFact.Group;
import cn.hxay.posture.PostureFact.Type;

/**
 * The one list of posture facts (seed 001's Annex 1 and the checks of seeds 002/003):
 * name, Chinese label, group, type and reader. The posture page, its history, the
 * compliance rules (which may name only these facts) and the inspection checklists (which
 * may update only the amendable ones) all read it here.
 */
public final class PostureFacts {

	/** Every fact, in the order forms show them. */
	public static final List<PostureFact> ALL = List.of(
			fact("workingTeam", "成立工作专班", Group.STAFFING, Type.FLAG, SecurityPosture::workingTeam),
			fact("workingTeamLead", "专班负责人", Group.STAFFING, Type.TEXT, SecurityPosture::workingTeamLead),
			fact("holidayDutyRoster", "假期值班表", Group.STAFFING, Type.FLAG, SecurityPosture::holidayDutyRoster),
			fact("leaderOnDuty", "领导带班", Group.STAFFING, Type.FLAG, SecurityPosture::leaderOnDuty),
			fact("gatekeeperRules", "门卫制度", Group.STAFFING, Type.FLAG, SecurityPosture::gatekeeperRules),
			fact("patrolRules", "巡查制度", Group.STAFFING, Type.FLAG, SecurityPosture::patrolRules),
			fact("hazardCheckRules", "隐患排查制度", Group.STAFFING, Type.FLAG, SecurityPosture::hazardCheckRules),
			fact("visitorRegistration", "外来人员登记", Group.STAFFING, Type.FLAG, SecurityPosture::visitorRegistration),
			fact("securityDepartment", "设立保卫机构", Group.STAFFING, Type.FLAG, SecurityPosture::securityDepartment),
			fact("fullTimeSecurityCadre", "配备专职保卫干部", Group.STAFFING, Type.FLAG,
					SecurityPosture::fullTimeSecurityCadre),
			fact("pickUpCards", "幼儿园门禁或接送卡逐人查验", Group.STAFFING, Type.FLAG, SecurityPosture::pickUpCards),
			fact("dormitoryManagers", "宿舍管理员人数", Group.STAFFING, Type.COUNT, SecurityPosture::dormitoryManagers),
			fact("closedManagement", "封闭式管理", Group.PHYSICAL, Type.FLAG, SecurityPosture::closedManagement),
			fact("gatehouseStaffed24h", "门卫室24小时值守", Group.PHYSICAL, Type.FLAG, SecurityPosture::gatehouseStaffed24h),
			fact("perimeterHeightMetres", "围墙高度(米)", Group.PHYSICAL, Type.DECIMAL,
					SecurityPosture::perimeterHeightMetres),
			fact("antiClimb", "周界防攀爬措施", Group.PHYSICAL, Type.FLAG, SecurityPosture::antiClimb),
			fact("isolationFence", "隔离栏", Group.PHYSICAL, Type.FLAG, SecurityPosture::isolationFence),
			fact("antiRamming", "硬质防冲撞设施", Group.PHYSICAL, Type.FLAG, SecurityPosture::antiRamming),
			fact("liftingBollards", "升降柱", Group.PHYSICAL, Type.FLAG, SecurityPosture::liftingBollards),
			fact("perimeterIntrusionAlarm", "周界防入侵报警", Group.TECHNICAL, Type.FLAG,
					SecurityPosture::perimeterIntrusionAlarm),
			fact("keyAreaIntrusionAlarm", "重点部位防入侵报警", Group.TECHNICAL, Type.FLAG,
					SecurityPosture::keyAreaIntrusionAlarm),
			fact("oneKeyAlarmAtGate", "门卫室一键报警", Group.TECHNICAL, Type.FLAG, SecurityPosture::oneKeyAlarmAtGate),
			fact("oneKeyAlarmInDormitory", "宿舍一键报警", Group.TECHNICAL, Type.FLAG,
					SecurityPosture::oneKeyAlarmInDormitory),
			fact("oneKeyAlarmNetworked", "一键报警与公安联网", Group.TECHNICAL, Type.FLAG,
					SecurityPosture::oneKeyAlarmNetworked),
			fact("cameras", "视频探头数量", Group.TECHNICAL, Type.COUNT, SecurityPosture::cameras),
			fact("videoRetentionDays", "视频保存天数", Group.TECHNICAL, Type.COUNT, SecurityPosture::videoRetentionDays),
			fact("videoNetworked", "视频监控接入公安/教育平台", Group.TECHNICAL, Type.FLAG, SecurityPosture::videoNetworked),
			fact("technicalSystemsWorking", "技防系统全部正常运行", Group.TECHNICAL, Type.FLAG,
					SecurityPosture::technicalSystemsWorking),
			fact("electricalFireGovernance", "电气火灾综合治理", Group.FIRE_AND_CHEMICALS, Type.FLAG,
					SecurityPosture::electricalFireGovernance),
			fact("hazardousChemicalsThreePrevention", "危化品三防措施", Group.FIRE_AND_CHEMICALS, Type.FLAG,
					SecurityPosture::hazardousChemicalsThreePrevention));

	private static final Map<String, PostureFact> BY_NAME = ALL.stream()
		.collect(Collectors.toMap(PostureFact::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));

	/**
	 * The facts an accepted inspection may update: every fact of the list (yes/no facts,
	 * numbers and the working team's lead). Guards are a list of people and are never set
	 * from a count.
	 */
	public static final Set<String> AMENDABLE = Set.copyOf(BY_NAME.keySet());

	private PostureFacts() {
	}

	public static Optional<PostureFact> find(String name) {
		return Optional.ofNullable(BY_NAME.get(name));
	}

	/** The label of any fact by its name (the name itself if it is not a fact). */
	public static String label(String name) {
		PostureFact fact = BY_NAME.get(name);
		return fact == null ? name : fact.label();
	}

	/** The yes/no facts, by group in form order. */
	public static Map<Group, List<PostureFact>> flagsByGroup() {
		Map<Group, List<PostureFact>> groups = new LinkedHashMap<>();
		for (Group group : Group.values()) {
			groups.put(group, ALL.stream().filter(f -> f.group() == group && f.type() == Type.FLAG).toList());
		}
		return groups;
	}

	/** The yes/no facts in form order. */
	public static List<PostureFact> flags() {
		return ALL.stream().filter(f -> f.type() == Type.FLAG).toList();
	}

	/** The names of the facts whose values differ between two postures, as labels. */
	public static List<String> changed(SecurityPosture before, SecurityPosture after) {
		return ALL.stream()
			.filter(f -> !java.util.Objects.equals(f.valueIn(before), f.valueIn(after)))
			.map(PostureFact::label)
			.toList();
	}

	private static PostureFact fact(String name, String label, Group group, Type type,
			Function<SecurityPosture, Object> reader) {
		return new PostureFact(name, label, group, type, reader);
	}

}
