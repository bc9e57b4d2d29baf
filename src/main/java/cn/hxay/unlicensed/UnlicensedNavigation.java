package cn.hxay.unlicensed;

import java.util.List;

import cn.hxay.portal.NavLink;
import cn.hxay.portal.NavigationLinks;

import org.springframework.stereotype.Component;

/** This module's entry in the navigation, for education bureaus and police. */
@Component
class UnlicensedNavigation implements NavigationLinks {

	@Override
	public List<NavLink> links() {
		return List.of(NavLink.work("/unlicensed-institutions", "无证办学", 78, UnlicensedInstitutions::mayRead));
	}

}
