package cn.hxay.visitor;

import java.util.ArrayList;
import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.portal.StartPageTodos;
import cn.hxay.portal.Tile;
import cn.hxay.school.School;

import org.springframework.stereotype.Component;

/**
 * The gate on the start page: for a school, the visitors still inside (the list of
 * {@code /visits}); for police, the gate alerts of their stations.
 */
@Component
class VisitTodos implements StartPageTodos {

	private final Visits visits;

	VisitTodos(Visits visits) {
		this.visits = visits;
	}

	@Override
	public List<Tile> tiles(CurrentUser user, DataScope scope, Long ownSchoolId) {
		List<Tile> tiles = new ArrayList<>();
		if (ownSchoolId != null) {
			School school = visits.ownSchool(user, scope).orElse(null);
			if (school != null) {
				tiles.add(Tile.count("visitors-inside", "本校在校访客", visits.insideCount(school), "/visits#inside",
						"入校未离校的来访人员", false));
			}
		}
		else if (Visits.seesAlerts(user)) {
			tiles.add(Tile.count("gate-alerts", "门岗预警", visits.alerts(user, scope).size(), "/visits/alerts",
					"学校门岗未放行，请即刻核查", true));
		}
		return tiles;
	}

}
