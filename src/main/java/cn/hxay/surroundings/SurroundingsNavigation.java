package cn.hxay.surroundings;

import java.util.List;

import cn.hxay.portal.NavLink;
import cn.hxay.portal.NavigationLinks;

import org.springframework.stereotype.Component;

/** This module's entries in the navigation, and the hotspot register's. */
@Component
class SurroundingsNavigation implements NavigationLinks {

	@Override
	public List<NavLink> links() {
		// 治安乱点 (the hotspot module's pages) sits with the student safety zone; that
		// module
		// cannot use portal, which depends on inspection, which reads the hotspots
		return List.of(NavLink.work("/venues", "周边场所", 70, NavLink.EVERYONE),
				NavLink.work("/hotspots", "治安乱点", 71, NavLink.POLICE));
	}

}
