package cn.hxay.supervision;

import java.util.List;

import cn.hxay.portal.NavLink;
import cn.hxay.portal.NavigationLinks;

import org.springframework.stereotype.Component;

/** This module's entry in the navigation. */
@Component
class SupervisionNavigation implements NavigationLinks {

	@Override
	public List<NavLink> links() {
		return List.of(NavLink.work("/supervision", "督导问责", 85, NavLink.EVERYONE));
	}

}
