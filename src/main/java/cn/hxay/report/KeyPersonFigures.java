package cn.hxay.report;

import java.util.List;

import cn.hxay.keyperson.KeyPersons;

import org.springframework.stereotype.Component;

/**
 * Key-person control (重点人员管控) for a police unit's report only: the persons under control
 * in its scope, those overdue for a visit on the period's last day (or today while it
 * runs), and the share visited on time. Police-only: an education unit's report is never
 * offered these figures, and a report that carries them becomes police-only.
 */
@Component
class KeyPersonFigures implements ReportFigureSource {

	static final String SOURCE = "重点人员管控台账（公安）";

	private final KeyPersons keyPersons;

	KeyPersonFigures(KeyPersons keyPersons) {
		this.keyPersons = keyPersons;
	}

	@Override
	public List<ReportFigure> figures(FigureRequest request) {
		if (!request.police()) {
			return List.of();
		}
		return keyPersons.controlFigures(request.scope(), request.asOfDay())
			.map(f -> List.of(new ReportFigure("keyperson.underControl", "在管重点人员", f.underControl(), SOURCE, true),
					new ReportFigure("keyperson.overdue", "逾期未走访重点人员", f.overdue(), SOURCE, true),
					new ReportFigure("keyperson.rate", "重点人员落实管控率", f.ratePercent(), SOURCE, true)))
			.orElse(List.of());
	}

}
