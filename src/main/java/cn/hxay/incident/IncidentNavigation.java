package cn.hxay.incident;

import java.util.List;

import cn.hxay.portal.NavLink;
import cn.hxay.portal.NavigationLinks;

import org.springframework.stereotype.Component;

/** This module's entries in the navigation: police and education bureaus. */
@Component
class IncidentNavigation implements NavigationLinks {

	@Override
	public List<NavLink> links() {
		return List.of(NavLink.work("/incidents", "涉校案事件", 75, Incidents::mayRead),
				new NavLink("/incidents/statistics", "案事件统计", 76, NavLink.Section.DESK, Incidents::mayRead));
	}

}
