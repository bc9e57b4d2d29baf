package cn.hxay.schoolbus;

import java.util.List;

import cn.hxay.portal.NavLink;
import cn.hxay.portal.NavigationLinks;

import org.springframework.stereotype.Component;

/** This module's entry in the navigation. */
@Component
class SchoolBusNavigation implements NavigationLinks {

	@Override
	public List<NavLink> links() {
		return List.of(NavLink.work("/school-buses", "校车", 64, NavLink.EVERYONE));
	}

}
