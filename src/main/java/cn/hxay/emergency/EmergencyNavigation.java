package cn.hxay.emergency;

import java.util.List;

import cn.hxay.portal.NavLink;
import cn.hxay.portal.NavigationLinks;

import org.springframework.stereotype.Component;

/** This module's entry in the navigation. */
@Component
class EmergencyNavigation implements NavigationLinks {

	@Override
	public List<NavLink> links() {
		return List.of(NavLink.work("/emergency", "应急预案", 66, NavLink.EVERYONE));
	}

}
