package cn.hxay.dispute;

import java.util.List;

import cn.hxay.portal.NavLink;
import cn.hxay.portal.NavigationLinks;

import org.springframework.stereotype.Component;

/** This module's entry in the navigation. */
@Component
class DisputeNavigation implements NavigationLinks {

	@Override
	public List<NavLink> links() {
		return List.of(NavLink.work("/disputes", "矛盾纠纷", 77, Disputes::mayRead));
	}

}
