package cn.hxay.schoolbus;

import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.portal.StartPageTodos;
import cn.hxay.portal.Tile;

import org.springframework.stereotype.Component;

/**
 * Start-page tiles: the school-bus dates in scope that lapse within the warning window
 * and those already lapsed (本校 for a school), each opening the list filtered to them.
 */
@Component
class SchoolBusTodos implements StartPageTodos {

	private final SchoolBuses buses;

	SchoolBusTodos(SchoolBuses buses) {
		this.buses = buses;
	}

	@Override
	public List<Tile> tiles(CurrentUser user, DataScope scope, Long ownSchoolId) {
		List<ExpiryItem> items = buses.expiries(scope, null);
		String own = ownSchoolId != null ? "本校" : "";
		long expiring = items.stream().filter(i -> i.status() == ExpiryStatus.EXPIRING).count();
		long expired = items.stream().filter(i -> i.status() == ExpiryStatus.EXPIRED).count();
		return List.of(
				Tile.count("bus-expiring", own + "校车证照即将到期", expiring, "/school-buses?status=EXPIRING",
						buses.warnDays() + " 天内到期的年检、标牌、驾驶证、培训", true),
				Tile.count("bus-expired", own + "校车证照已过期", expired, "/school-buses?status=EXPIRED", "已过有效期，须停驶或换证",
						true));
	}

}
