package cn.hxay.emergency;

import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.portal.StartPageTodos;
import cn.hxay.portal.Tile;

import org.springframework.stereotype.Component;

/**
 * Start-page tile: current plans past their review date, opening the list filtered to
 * them.
 */
@Component
class EmergencyTodos implements StartPageTodos {

	private final EmergencyPlans plans;

	EmergencyTodos(EmergencyPlans plans) {
		this.plans = plans;
	}

	@Override
	public List<Tile> tiles(CurrentUser user, DataScope scope, Long ownSchoolId) {
		long overdue = plans.plans(scope, null).stream().filter(p -> p.status() == ReviewStatus.OVERDUE).count();
		return List.of(Tile.count("plan-review-overdue", (ownSchoolId != null ? "本校" : "") + "应急预案评审逾期", overdue,
				"/emergency?status=OVERDUE", "已过下次评审日期的现行预案", true));
	}

}
