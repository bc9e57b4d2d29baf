package cn.hxay.tip;

import java.util.List;

import cn.hxay.portal.NavLink;
import cn.hxay.portal.NavigationLinks;

import org.springframework.stereotype.Component;

/** This module's entry in the navigation: schools, bureaus and police. */
@Component
class TipNavigation implements NavigationLinks {

	@Override
	public List<NavLink> links() {
		return List
			.of(NavLink.work("/tips", "学生求助", 65, user -> user.roles().stream().anyMatch(Tips.HANDLERS::contains)));
	}

}
