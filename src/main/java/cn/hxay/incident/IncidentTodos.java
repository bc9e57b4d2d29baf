package cn.hxay.incident;

import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.portal.StartPageTodos;
import cn.hxay.portal.Tile;

import org.springframework.stereotype.Component;

/**
 * Start-page tiles: for police, the incidents whose 续报 or 终报 is overdue and the open
 * ones; for education bureaus, the open ones of their schools. Each count is the list it
 * opens.
 */
@Component
class IncidentTodos implements StartPageTodos {

	private final Incidents incidents;

	IncidentTodos(Incidents incidents) {
		this.incidents = incidents;
	}

	@Override
	public List<Tile> tiles(CurrentUser user, DataScope scope, Long ownSchoolId) {
		if (!Incidents.mayRead(user) || ownSchoolId != null) {
			return List.of();
		}
		long following = incidents.count(user, scope,
				new IncidentFilter(null, IncidentStatus.FOLLOWING_UP, null, null, null, null, null, null, null));
		long reported = incidents.count(user, scope,
				new IncidentFilter(null, IncidentStatus.REPORTED, null, null, null, null, null, null, null));
		if (Incidents.police(user)) {
			long overdue = incidents.count(user, scope, IncidentFilter.overdueOnly());
			return List.of(
					Tile.count("incident-overdue", "案事件续报/终报逾期", overdue, "/incidents?overdue=true", "按报告时限应续报或终报而未报",
							true),
					Tile.count("incident-new", "已初报待续报", reported, "/incidents?status=REPORTED", "初报后尚无续报的案事件", false),
					Tile.count("incident-following", "续报中案事件", following, "/incidents?status=FOLLOWING_UP", "尚未终报",
							false));
		}
		return List
			.of(Tile.count("incident-new", "已初报案事件", reported, "/incidents?status=REPORTED", "辖区学校发生、尚无续报", false));
	}

}
