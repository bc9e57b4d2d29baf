package cn.hxay.report;

import java.util.List;
import java.util.Optional;

/**
 * The built-in forms: the Fuqing 2013 statistics table (seed 004 §四(三): sections 打击违法犯罪,
 * 督导问责, 防范案事件, each case attached), Changzhou Annex 2 (seed 001, one row of the
 * 学校及周边安全排查整改情况汇总表 per reporting unit) and a progress report with text and figures. A
 * field may be prefilled from a named platform figure ({@link ReportFigureSource}).
 */
public enum ReportForm {

	FUQING_2013("“护校安园”专项行动情况统计表（福清 2013）",
			List.of(Field.number("crimeCases", "打击违法犯罪", "涉校违法犯罪案件（起）", "incident.offences"),
					Field.number("crimeViolence", "打击违法犯罪", "其中：侵害师生人身安全（起）", "incident.type.VIOLENCE"),
					Field.number("crimeIntrusion", "打击违法犯罪", "其中：非法侵入校园、扰乱教学秩序（起）", "incident.type.INTRUSION"),
					Field.number("crimeBullying", "打击违法犯罪", "其中：校园欺凌（起）", "incident.type.BULLYING"),
					Field.number("crimeTheft", "打击违法犯罪", "其中：盗窃、抢夺等侵财（起）", "incident.type.THEFT"),
					Field.number("crimeSuspects", "打击违法犯罪", "抓获违法犯罪嫌疑人（人）", null),
					Field.number("crimePublicOrder", "打击违法犯罪", "其中按治安案件查处（起）", null),
					Field.casesFrom("crimeDetail", "打击违法犯罪", "每起案件具体情况（每行一起：日期、地点、简要案情）", "incident.offences",
							"crimeCases"),
					Field.number("supervisionVisits", "督导问责", "开展督导检查（次）", null),
					Field.number("supervisionHazards", "督导问责", "发现隐患（处）", "hazard.total"),
					Field.number("supervisionClosed", "督导问责", "隐患已整改（处）", "hazard.closed"),
					Field.number("supervisionAccountable", "督导问责", "问责（人）", null),
					Field.cases("supervisionDetail", "督导问责", "每起问责具体情况（每行一起）", "supervisionAccountable"),
					Field.number("preventionOccurred", "防范案事件", "发生涉校安全事件（起）", "incident.events"),
					Field.number("preventionTraffic", "防范案事件", "其中：涉校交通事故（起）", "incident.type.TRAFFIC"),
					Field.number("preventionMass", "防范案事件", "其中：涉校群体性事件（起）", "incident.type.MASS_EVENT"),
					Field.number("preventionFire", "防范案事件", "其中：火灾（起）", "incident.type.FIRE"),
					Field.number("preventionHealth", "防范案事件", "其中：食物中毒、传染病等公共卫生事件（起）", "incident.type.PUBLIC_HEALTH"),
					Field.number("preventionDeath", "防范案事件", "其中：学生非正常死亡（起）", "incident.type.ABNORMAL_DEATH"),
					Field.number("preventionDrowning", "防范案事件", "其中：溺水（起）", "incident.type.DROWNING"),
					Field.number("preventionOther", "防范案事件", "其中：其他（起）", "incident.type.OTHER"),
					Field.number("preventionPrevented", "防范案事件", "成功防范涉校案事件（起）", null),
					Field.number("preventionDisputes", "防范案事件", "排查化解涉校矛盾纠纷（起）", null),
					Field.casesFrom("preventionDetail", "防范案事件", "每起案事件具体情况（每行一起）", "incident.events",
							"preventionOccurred", "preventionPrevented"),
					Field.optionalNumber("keyPersonsUnderControl", "重点人员管控（公安）", "在管重点人员（人）", "keyperson.underControl"),
					Field.optionalNumber("keyPersonsOverdue", "重点人员管控（公安）", "其中逾期未走访（人）", "keyperson.overdue"),
					Field.optionalNumber("keyPersonsRate", "重点人员管控（公安）", "落实管控率（%）", "keyperson.rate"))),

	CHANGZHOU_ANNEX2("学校及周边安全排查整改情况汇总表（常州 附件2）",
			List.of(Field.text("disorder", "排查整改", "校园周边治安乱点情况", "hotspot.total"),
					Field.text("disorderFixed", "排查整改", "是否整改", "hotspot.fixed"),
					Field.number("hazards", "排查整改", "校园隐患总数", "hazard.total"),
					Field.number("fixed", "排查整改", "整改数", "hazard.closed"),
					Field.text("instability", "排查整改", "涉校不稳定因素情况（未解决）", false))),

	PROGRESS("工作进展情况报告",
			List.of(Field.text("progress", "工作进展", "本期工作进展情况", true),
					Field.number("hazardsTotal", "隐患排查整改", "排查隐患（处）", "hazard.total"),
					Field.number("hazardsClosed", "隐患排查整改", "已整改销号（处）", "hazard.closed"),
					Field.number("hazardsOverdue", "隐患排查整改", "逾期未整改（处）", "hazard.overdue"),
					Field.number("hazardsSupervised", "隐患排查整改", "挂牌督办（处）", "hazard.supervised"),
					Field.number("inspectionAssigned", "大检查进度", "检查任务学校（所）", "inspection.assigned"),
					Field.number("inspectionSubmitted", "大检查进度", "已报送自查表（所）", "inspection.submitted"),
					Field.number("inspectionAccepted", "大检查进度", "已验收（所）", "inspection.accepted"),
					Field.optionalNumber("incidentsTotal", "涉校案事件", "本期发生涉校案事件（起）", "incident.total"),
					Field.number("drillsHeld", "演练与安全教育", "开展应急演练（次）", "drill.held"),
					Field.number("safetySessions", "演练与安全教育", "开展安全教育（次）", "drill.sessions"),
					Field.number("groupActivities", "演练与安全教育", "组织师生团体活动（次）", "drill.activities"),
					Field.optionalNumber("postsDue", "护学岗", "护学岗应到岗（岗次）", "post.due"),
					Field.optionalNumber("postsMet", "护学岗", "到岗达标（岗次，两名以上警力和车辆）", "post.met"),
					Field.optionalNumber("postsRate", "护学岗", "到岗率（%）", "post.rate"),
					Field.text("problems", "存在问题及下步打算", "存在问题及下步打算", false)));

	private final String label;

	private final List<Field> fields;

	ReportForm(String label, List<Field> fields) {
		this.label = label;
		this.fields = fields;
	}

	public String label() {
		return label;
	}

	public List<Field> fields() {
		return fields;
	}

	public Optional<Field> field(String key) {
		return fields.stream().filter(f -> f.key().equals(key)).findFirst();
	}

	/** The sections in order, for the page and the documents. */
	public List<String> sections() {
		return fields.stream().map(Field::section).distinct().toList();
	}

	/**
	 * One field of a form.
	 *
	 * @param figure the platform figure that prefills it, or {@code null}
	 * @param casesFor for a case list, the count fields whose sum is the number of cases
	 * it must list (each case attached)
	 */
	public record Field(String key, String section, String label, boolean number, String figure, boolean required,
			List<String> casesFor) {

		static Field number(String key, String section, String label, String figure) {
			return new Field(key, section, label, true, figure, true, List.of());
		}

		/**
		 * A count that may stay empty (e.g. a police-only figure on a form others use).
		 */
		static Field optionalNumber(String key, String section, String label, String figure) {
			return new Field(key, section, label, true, figure, false, List.of());
		}

		static Field text(String key, String section, String label, boolean required) {
			return new Field(key, section, label, false, null, required, List.of());
		}

		/**
		 * A text field a police unit finds prefilled with a figure (the hotspot counts).
		 */
		static Field text(String key, String section, String label, String figure) {
			return new Field(key, section, label, false, figure, false, List.of());
		}

		static Field cases(String key, String section, String label, String... counts) {
			return casesFrom(key, section, label, null, counts);
		}

		/**
		 * A case list prefilled with the platform's cases, one line each, from
		 * {@code figure}; the reporter may add lines (e.g. cases prevented) without a
		 * reason, but removing a platform case needs one.
		 */
		static Field casesFrom(String key, String section, String label, String figure, String... counts) {
			return new Field(key, section, label, false, figure, false, List.of(counts));
		}

		public boolean caseList() {
			return !casesFor.isEmpty();
		}

	}

}
