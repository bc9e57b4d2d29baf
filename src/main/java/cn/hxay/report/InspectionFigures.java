package cn.hxay.report;

import java.util.List;

import cn.hxay.inspection.Campaign;
import cn.hxay.inspection.Inspections;
import cn.hxay.shared.PageRequest;

import org.springframework.stereotype.Component;

/**
 * Campaign progress for a unit: the newest inspection campaign the unit sees that had
 * begun by the period's end, with the schools assigned, submitted (含已验收) and accepted in
 * the unit's scope, as the campaign's progress table adds them up.
 */
@Component
class InspectionFigures implements ReportFigureSource {

	private final Inspections inspections;

	InspectionFigures(Inspections inspections) {
		this.inspections = inspections;
	}

	@Override
	public List<ReportFigure> figures(FigureRequest request) {
		List<Campaign> campaigns = inspections.campaigns(request.scope(), new PageRequest(0, 50)).items();
		Campaign campaign = campaigns.stream()
			.filter(c -> c.selfCheckFrom() == null || !c.selfCheckFrom().isAfter(request.periodEnd()))
			.findFirst()
			.orElse(null);
		if (campaign == null) {
			return List.of();
		}
		var rows = inspections.progress(request.scope(), campaign.id());
		// the last row adds up the counties (合计)
		var total = rows.get(rows.size() - 1);
		String source = "大检查：" + campaign.title();
		return List.of(new ReportFigure("inspection.assigned", "检查任务学校", total.assigned(), source, false),
				new ReportFigure("inspection.submitted", "已报送自查表", total.submitted(), source, false),
				new ReportFigure("inspection.accepted", "已验收", total.accepted(), source, false));
	}

}
