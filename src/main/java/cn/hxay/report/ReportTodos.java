package cn.hxay.report;

import java.util.ArrayList;
import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.portal.StartPageTodos;
import cn.hxay.portal.Tile;

import org.springframework.stereotype.Component;

/**
 * 待填报 for a reporting unit and 逾期未报 for the level above, each counted from the same list
 * its link opens ({@link Reports#myDue}, {@link Reports#overdueBelow}).
 */
@Component
class ReportTodos implements StartPageTodos {

	private final Reports reports;

	ReportTodos(Reports reports) {
		this.reports = reports;
	}

	@Override
	public List<Tile> tiles(CurrentUser user, DataScope scope, Long ownSchoolId) {
		List<Tile> tiles = new ArrayList<>();
		var today = reports.today();
		if (!user.readOnly()) {
			int mine = reports.myDue(user, scope, today).size();
			if (mine > 0) {
				tiles.add(Tile.count("report-due", ownSchoolId != null ? "本校待填报" : "待填报", mine, "/reports/todo",
						"报表周期已开始、本单位尚未报送", false));
			}
		}
		if (reports.mayDefine(user) || user.readOnly()) {
			long late = reports.overdueBelow(user, scope, today).size();
			if (late > 0) {
				tiles.add(Tile.count("report-overdue", "逾期未报", late, "/reports/late", "下级单位过期未报送的报表", true));
			}
		}
		return tiles;
	}

}
