package cn.hxay.visitor;

import java.util.List;

import cn.hxay.portal.NavLink;
import cn.hxay.portal.NavigationLinks;

import org.springframework.stereotype.Component;

/** This module's entries in the navigation: the gate for everyone, alerts for police. */
@Component
class VisitNavigation implements NavigationLinks {

	@Override
	public List<NavLink> links() {
		return List.of(NavLink.work("/visits", "门岗登记", 62, NavLink.EVERYONE),
				NavLink.work("/visits/alerts", "门岗预警", 63, NavLink.POLICE));
	}

}
