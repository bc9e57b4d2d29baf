package cn.hxay.dashboard;

import java.util.List;

import cn.hxay.identity.Role;
import cn.hxay.portal.NavLink;
import cn.hxay.portal.NavigationLinks;

import org.springframework.stereotype.Component;

/** 指挥看板 for every unit above the school. */
@Component
class DashboardNavigation implements NavigationLinks {

	@Override
	public List<NavLink> links() {
		return List.of(NavLink.work("/dashboard", "指挥看板", 15, user -> !user.hasRole(Role.SCHOOL_SAFETY_LEAD)));
	}

}
