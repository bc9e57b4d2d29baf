package cn.hxay.posture;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Chinese names of the posture's yes/no facts, grouped as seed 001's Annex 1 groups
 * them (人防, 物防, 技防, 消防与危化品), in the order forms show them.
 */
public final class PostureFacts {

	public static final Map<String, String> ORGANISATION = ordered("workingTeam", "成立工作专班", "holidayDutyRoster",
			"假期值班表", "leaderOnDuty", "领导带班", "gatekeeperRules", "门卫制度", "patrolRules", "巡查制度", "hazardCheckRules",
			"隐患排查制度", "visitorRegistration", "外来人员登记", "securityDepartment", "设立保卫机构");

	public static final Map<String, String> PHYSICAL = ordered("closedManagement", "封闭式管理", "gatehouseStaffed24h",
			"门卫室24小时值守", "antiClimb", "周界防攀爬措施", "isolationFence", "隔离栏", "antiRamming", "硬质防冲撞设施", "liftingBollards",
			"升降柱");

	public static final Map<String, String> TECHNICAL = ordered("perimeterIntrusionAlarm", "周界防入侵报警",
			"keyAreaIntrusionAlarm", "重点部位防入侵报警", "oneKeyAlarmAtGate", "门卫室一键报警", "oneKeyAlarmInDormitory", "宿舍一键报警",
			"oneKeyAlarmNetworked", "一键报警与公安联网", "videoNetworked", "视频监控接入公安/教育平台", "technicalSystemsWorking",
			"技防系统全部正常运行");

	public static final Map<String, String> FIRE_AND_CHEMICALS = ordered("electricalFireGovernance", "电气火灾综合治理",
			"hazardousChemicalsThreePrevention", "危化品三防措施");

	public static final Map<String, String> NUMBERS = ordered("dormitoryManagers", "宿舍管理员人数", "perimeterHeightMetres",
			"围墙高度(米)", "cameras", "视频探头数量", "videoRetentionDays", "视频保存天数");

	private PostureFacts() {
	}

	/** The label of any fact by its field name. */
	public static String label(String field) {
		for (Map<String, String> group : new Map[] { ORGANISATION, PHYSICAL, TECHNICAL, FIRE_AND_CHEMICALS, NUMBERS }) {
			if (group.containsKey(field)) {
				return group.get(field);
			}
		}
		return field;
	}

	private static Map<String, String> ordered(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return java.util.Collections.unmodifiableMap(map);
	}

}
