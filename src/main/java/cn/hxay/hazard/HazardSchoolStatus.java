package cn.hxay.hazard;

import java.util.List;

import cn.hxay.organisation.DataScope;
import cn.hxay.school.SchoolStatusSource;
import cn.hxay.shared.PageRequest;

import org.springframework.stereotype.Component;

/**
 * The school page's 未销号隐患: read from the same query as the hazard list it opens
 * ({@code /hazards?schoolId=…&open=true}).
 */
@Component
class HazardSchoolStatus implements SchoolStatusSource {

	private final HazardLedger ledger;

	HazardSchoolStatus(HazardLedger ledger) {
		this.ledger = ledger;
	}

	@Override
	public List<Figure> figures(long schoolId, DataScope scope) {
		long open = ledger.page(scope, null, null, schoolId, true, null, null, null, null, PageRequest.of(0, 1))
			.total();
		return List.of(Figure.count("hazards", 30, "未销号隐患", open, "条", "/hazards?schoolId=" + schoolId + "&open=true"));
	}

}
