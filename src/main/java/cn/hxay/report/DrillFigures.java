package cn.hxay.report;

import java.util.List;

import cn.hxay.drill.AnnexFigures;
import cn.hxay.drill.Drills;

import org.springframework.stereotype.Component;

/**
 * Drills and safety education of the schools in the unit's scope within the period: the
 * drills held (the drill list's held drills dated in the period), safety education
 * sessions (安全专题教育 and 法治辅导员讲座) and group activities, as the drill module's Annex 1 page
 * for those days adds them up.
 */
@Component
class DrillFigures implements ReportFigureSource {

	static final String SOURCE = "演练与安全教育记录";

	private final Drills drills;

	DrillFigures(Drills drills) {
		this.drills = drills;
	}

	@Override
	public List<ReportFigure> figures(FigureRequest request) {
		if (request.asOfDay().isBefore(request.periodStart())) {
			return List.of();
		}
		long held = drills.heldBetween(request.scope(), request.periodStart(), request.asOfDay());
		long sessions = 0;
		long activities = 0;
		for (AnnexFigures f : drills.annexFigures(request.scope(), request.periodStart(), request.asOfDay())) {
			sessions += f.educationSessions() + f.legalLectures();
			activities += f.activities();
		}
		return List.of(new ReportFigure("drill.held", "开展应急演练", held, SOURCE, false),
				new ReportFigure("drill.sessions", "开展安全教育", sessions, SOURCE, false),
				new ReportFigure("drill.activities", "师生团体活动", activities, SOURCE, false));
	}

}
