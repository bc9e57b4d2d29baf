package cn.hxay.inspection;

import java.util.List;

import cn.hxay.organisation.DataScope;
import cn.hxay.school.SchoolStatusSource;

import org.springframework.stereotype.Component;

/**
 * The school page's 检查表: the state of the school's form in its latest campaign, linking
 * to that form (the state shown is the one the form's page shows).
 */
@Component
class InspectionSchoolStatus implements SchoolStatusSource {

	private final InspectionStore store;

	InspectionSchoolStatus(InspectionStore store) {
		this.store = store;
	}

	@Override
	public List<Figure> figures(long schoolId, DataScope scope) {
		return store.latestOf(schoolId, scope)
			.map(i -> new Figure("inspection", 40, "本次检查表", i.state().label(), null, "/inspections/" + i.id(),
					i.state() == InspectionState.RETURNED || i.state() == InspectionState.ASSIGNED))
			.map(List::of)
			.orElseGet(() -> List.of(new Figure("inspection", 40, "本次检查表", "暂无", null, null, false)));
	}

}
