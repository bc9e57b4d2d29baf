package cn.hxay.report;

import java.util.ArrayList;
import java.util.List;

import cn.hxay.dutypost.CoverageLine;
import cn.hxay.dutypost.DutyPosts;

import org.springframework.stereotype.Component;

/**
 * 护学岗 coverage of the unit's scope over the period: the peaks (post × bell) whose bell
 * had rung by the time the figures are taken, those met (two officers and a car), the
 * gaps, and the share met, as the coverage page of each day adds them up. Figures only
 * (no officer names), which education units see too.
 */
@Component
class DutyPostFigures implements ReportFigureSource {

	static final String SOURCE = "护学岗到岗记录";

	private final DutyPosts posts;

	DutyPostFigures(DutyPosts posts) {
		this.posts = posts;
	}

	@Override
	public List<ReportFigure> figures(FigureRequest request) {
		// coverage figures are for the units above the schools, as on the coverage page
		if (request.school() || request.asOfDay().isBefore(request.periodStart())) {
			return List.of();
		}
		CoverageLine c = posts.coverageBetween(request.scope(), request.periodStart(), request.asOfDay(),
				request.asOf());
		List<ReportFigure> figures = new ArrayList<>(
				List.of(new ReportFigure("post.due", "护学岗应到岗", c.due(), SOURCE, false),
						new ReportFigure("post.met", "护学岗到岗达标", c.met(), SOURCE, false),
						new ReportFigure("post.gaps", "护学岗空岗", c.gaps(), SOURCE, false)));
		if (c.rate() != null) {
			figures.add(new ReportFigure("post.rate", "护学岗到岗率", c.rate(), SOURCE, false));
		}
		return figures;
	}

}
