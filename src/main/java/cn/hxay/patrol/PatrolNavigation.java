package cn.hxay.patrol;

import java.util.List;

import cn.hxay.portal.NavLink;
import cn.hxay.portal.NavigationLinks;

import org.springframework.stereotype.Component;

/** This module's entry in the navigation. */
@Component
class PatrolNavigation implements NavigationLinks {

	@Override
	public List<NavLink> links() {
		return List.of(NavLink.work("/patrols", "巡更值班", 64, NavLink.EVERYONE));
	}

}
