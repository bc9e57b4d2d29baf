package cn.hxay.tip;

import java.time.LocalDate;

/**
 * Where a tip goes when it arrives, a named policy: danger to life or a crime and abuse
 * or sexual harm go to the police station at once (seed 003 桂政办发〔2018〕113号 §二(二)6–7;
 * 《未成年人保护法》(2020) 第三十九条、第四十条: 不得隐瞒，应当及时向公安机关、教育行政部门报告); bullying goes to the school's
 * 学生欺凌治理委员会 as a case to be investigated within {@code investigationDays}
 * (《加强中小学生欺凌综合治理方案》教督〔2017〕10号: 原则上学校应在启动调查处理程序 10 日内完成调查; the clock starts when the tip
 * arrives); anything else to the school.
 *
 * @param investigationDays days the committee has to complete the investigation
 */
record Triage(int investigationDays) {

	/** What the triage decided for one tip. */
	record Route(boolean police, String policeReason, LocalDate investigationDue) {
	}

	Route route(TipCategory category, LocalDate filedOn) {
		return switch (category) {
			case DANGER -> new Route(true, "求助人报告人身危险或违法犯罪，平台即时转派出所", null);
			case ABUSE -> new Route(true, "体罚虐待、性侵害、性骚扰一律报告公安机关（未成年人保护法第四十条）", null);
			case BULLYING -> new Route(false, null, filedOn.plusDays(investigationDays));
			case OTHER -> new Route(false, null, null);
		};
	}

}
