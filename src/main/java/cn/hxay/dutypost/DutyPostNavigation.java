package cn.hxay.dutypost;

import java.util.List;

import cn.hxay.portal.NavLink;
import cn.hxay.portal.NavigationLinks;

import org.springframework.stereotype.Component;

/** This module's entries: the posts for everyone, the phone check-in for police. */
@Component
class DutyPostNavigation implements NavigationLinks {

	@Override
	public List<NavLink> links() {
		return List.of(NavLink.work("/duty-posts/check-in", "护学岗签到", 64, NavLink.POLICE),
				NavLink.work("/duty-posts", "护学岗", 65, NavLink.EVERYONE));
	}

}
