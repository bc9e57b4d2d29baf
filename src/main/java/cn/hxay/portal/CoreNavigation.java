package cn.hxay.portal;

import java.util.List;

import cn.hxay.identity.Role;

import org.springframework.stereotype.Component;

import static cn.hxay.portal.NavLink.EVERYONE;
import static cn.hxay.portal.NavLink.POLICE;

/**
 * The entries of the modules the start page itself builds on (schools, compliance,
 * inspections, hazards, devices, the console) and of administration. Modules that come
 * later contribute their own {@link NavigationLinks} bean.
 */
@Component
class CoreNavigation implements NavigationLinks {

	@Override
	public List<NavLink> links() {
		return List.of(NavLink.work("/", "首页", 10, EVERYONE), NavLink.work("/schools", "学校名录", 20, EVERYONE),
				NavLink.work("/compliance", "达标率", 30, EVERYONE), NavLink.work("/inspections", "检查任务", 40, EVERYONE),
				NavLink.work("/hazards", "隐患台账", 50, EVERYONE), NavLink.work("/devices", "报警与视频设备", 80, EVERYONE),
				new NavLink("/devices/rates", "设备联网率", 81, NavLink.Section.DESK, EVERYONE),
				NavLink.work("/console", "110 接处警台", 90, POLICE), admin("/admin/regions", "地区", 900),
				admin("/admin/organisations", "单位", 910), admin("/admin/users", "用户", 920),
				admin("/admin/rule-sets", "规则集", 930), admin("/admin/webhooks", "消息推送", 940),
				admin("/admin/audit", "审计日志", 950), admin("/swagger-ui.html", "接口文档", 960));
	}

	private static NavLink admin(String path, String label, int order) {
		return new NavLink(path, label, order, NavLink.Section.ADMIN, user -> user.hasRole(Role.SYSTEM_ADMIN));
	}

}
