package cn.hxay.report;

import java.util.List;

import cn.hxay.hazard.HazardLedger;
import cn.hxay.hazard.RectificationFigures;

import org.springframework.stereotype.Component;

/**
 * The hazard ledger's figures for a unit: total, closed, overdue and supervised. While
 * the period runs they are the ledger's lists for that unit's scope at the moment of
 * prefilling (截至填报时); for a period that is over, the ledger as it stood at the end of the
 * period's last day (截至期末), so a report opened late shows its own period. A police unit's
 * scope includes police-only hazards, so its figures are police-only.
 */
@Component
class HazardFigures implements ReportFigureSource {

	static final String SOURCE = "隐患台账";

	private final HazardLedger ledger;

	HazardFigures(HazardLedger ledger) {
		this.ledger = ledger;
	}

	@Override
	public List<ReportFigure> figures(FigureRequest request) {
		RectificationFigures f = request.periodOver() ? ledger.totalsAsOf(request.scope(), request.periodEnd())
				: ledger.totals(request.scope());
		boolean police = request.scope().policeData();
		return List.of(new ReportFigure("hazard.total", "排查隐患", f.total(), SOURCE, police),
				new ReportFigure("hazard.closed", "已销号隐患", f.closed(), SOURCE, police),
				new ReportFigure("hazard.overdue", "逾期未整改隐患", f.overdue(), SOURCE, police),
				new ReportFigure("hazard.supervised", "挂牌督办隐患", f.supervised(), SOURCE, police));
	}

}
