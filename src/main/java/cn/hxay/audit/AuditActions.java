package cn.hxay.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Chinese names of audit actions. Actions made of a prefix and a state or step (e.g.
 * {@code INSPECTION_ACCEPTED}, {@code ALARM_DISPATCH}) are named from both parts; an
 * action nobody has named yet shows its code.
 */
public final class AuditActions {

	private static final Map<String, String> NAMES = new LinkedHashMap<>();

	private static final Map<String, String> PREFIXES = new LinkedHashMap<>();

	static {
		name("LOGIN_SUCCEEDED", "登录成功");
		name("LOGIN_FAILED", "登录失败");
		name("LOGIN_REFUSED", "拒绝登录");
		name("LOGIN_THROTTLED", "登录限流");
		name("ACCOUNT_LOCKED", "账户锁定");
		name("USER_CREATED", "新建用户");
		name("USER_CHANGED", "修改用户");
		name("USERS_OPENED_IN_BULK", "批量开通账户");
		name("INITIAL_PASSWORDS_DOWNLOADED", "下载一次性密码");
		name("INITIAL_PASSWORDS_EXPIRED", "一次性密码过期销毁");
		name("PASSWORD_CHANGED", "修改密码");
		name("PASSWORD_RESET", "重置密码");
		name("READ_ONLY_WRITE_REFUSED", "拒绝只读角色写操作");
		name("AUDIT_EXPORTED", "导出审计日志");
		name("REGION_CREATED", "新增地区");
		name("REGION_RENAMED", "地区改名");
		name("ORGANISATION_CREATED", "新增单位");
		name("ORGANISATION_RENAMED", "单位改名");
		name("ORGANISATION_MOVED", "移动单位");
		name("ORGANISATION_DISABLED", "停用单位");
		name("ORGANISATION_ENABLED", "启用单位");
		name("SCHOOL_REGISTERED", "登记学校");
		name("SCHOOL_CHANGED", "修改学校信息");
		name("SCHOOL_CONTACTS_READ", "查看/导出学校联系电话");
		name("POSTURE_RECORDED", "填报安全防范情况");
		name("GUARD_ID_NUMBER_REVEALED", "查看保安员身份证号");
		name("RULE_SETS_ASSIGNED", "分配规则集");
		name("COMPLIANCE_FULL_EVALUATION", "全量重新评估");
		name("HAZARD_RAISED", "登记隐患");
		name("HAZARD_CHANGED", "隐患状态变更");
		name("HAZARD_OVERDUE", "隐患逾期挂牌督办");
		name("CAMPAIGN_LAUNCHED", "发起检查任务");
		name("CAMPAIGN_SAMPLED", "抽查");
		name("INSPECTION_SENSITIVE_READ", "查看敏感检查项");
		name("DEVICE_REGISTERED", "登记设备");
		name("DEVICE_CHANGED", "修改设备");
		name("DEVICE_IMPORTED", "导入设备");
		name("DEVICE_TOKEN_RESET", "重置设备令牌");
		name("ALARM_VIEWED", "查看警情");
		name("WEBHOOK_ADDED", "新增推送地址");
		name("WEBHOOK_ENABLED", "启用推送地址");
		name("WEBHOOK_DISABLED", "停用推送地址");
		name("VENUE_CREATED", "登记周边场所");
		name("VENUE_CHANGED", "修改周边场所");
		name("VENUE_RECHECKED", "复查周边场所");
		name("WARNING_SENT", "发布预警");
		name("WARNING_READ", "签收预警");
		name("WARNING_REPLIED", "回复预警");
		name("WARNING_REMINDED", "预警催办");
		name("WARNING_ESCALATED", "预警未读上报");
		name("KEY_PERSON_REFUSED", "拒绝访问重点人员");
		name("SUPERVISION_GROUP_CREATED", "设立领导小组/工作专班");
		name("SUPERVISION_MEMBER_ADDED", "增加小组成员");
		name("SUPERVISION_MEMBER_LEFT", "调整小组成员");
		name("SUPERVISION_VISIT_RECORDED", "登记督导检查");
		name("SUPERVISION_FINDING_RECORDED", "登记督导发现");
		name("SUPERVISION_FINDING_RAISED", "督导发现转为隐患");
		name("SUPERVISION_NOTICE_ISSUED", "印发通报");
		name("SUPERVISION_NOTICE_CONFIRMED", "签收通报");
		name("SUPERVISION_ACCOUNTABILITY_RECORDED", "记录约谈问责");
		prefix("INSPECTION_", "自查表");
		prefix("ALARM_", "警情");
		prefix("KEY_PERSON_", "重点人员");
		prefix("VENUE_VIOLATION_", "周边违规");
	}

	private static final Map<String, String> PARTS = Map.ofEntries(Map.entry("ASSIGNED", "待自查"),
			Map.entry("DRAFT", "保存草稿"), Map.entry("SUBMITTED", "提交"), Map.entry("RETURNED", "退回"),
			Map.entry("ACCEPTED", "验收"), Map.entry("ACKNOWLEDGE", "接警"), Map.entry("DISPATCH", "派警"),
			Map.entry("ARRIVE", "到场"), Map.entry("CLOSE", "处置完毕"), Map.entry("ESCALATED", "升级"),
			Map.entry("INSTALLED", "安装"), Map.entry("NETWORKED", "联网"), Map.entry("RAISED", "报警"),
			Map.entry("CREATE", "纳入管控"), Map.entry("CHANGE", "修改"), Map.entry("EXPORT", "导出"),
			Map.entry("REVEAL", "查看完整号码"), Map.entry("SEARCH", "查询"), Map.entry("STATUS", "变更管控状态"),
			Map.entry("TRANSFER", "移交"), Map.entry("VISIT", "走访"), Map.entry("PRINT", "打印"), Map.entry("FOUND", "发现"),
			Map.entry("RECTIFYING", "整改中"), Map.entry("CLOSED", "销号"), Map.entry("COSIGN", "会签"));

	private AuditActions() {
	}

	private static void name(String code, String name) {
		NAMES.put(code, name);
	}

	private static void prefix(String code, String name) {
		PREFIXES.put(code, name);
	}

	/** The Chinese name of an action code. */
	public static String label(String action) {
		if (action == null) {
			return "";
		}
		String named = NAMES.get(action);
		if (named != null) {
			return named;
		}
		for (Map.Entry<String, String> prefix : PREFIXES.entrySet()) {
			if (action.startsWith(prefix.getKey())) {
				String rest = action.substring(prefix.getKey().length());
				return prefix.getValue() + "·" + PARTS.getOrDefault(rest, rest);
			}
		}
		return action;
	}

}
