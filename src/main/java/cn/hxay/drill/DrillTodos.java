package cn.hxay.drill;

import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.portal.StartPageTodos;
import cn.hxay.portal.Tile;

import org.springframework.stereotype.Component;

/**
 * Start-page tiles: for a school, its overdue drill types (本校演练逾期), opening its page
 * filtered to them; for everyone else, the schools in scope with an overdue drill
 * (演练逾期学校), opening the board filtered to them. Both from the board the lists show.
 */
@Component
class DrillTodos implements StartPageTodos {

	private final Drills drills;

	DrillTodos(Drills drills) {
		this.drills = drills;
	}

	@Override
	public List<Tile> tiles(CurrentUser user, DataScope scope, Long ownSchoolId) {
		if (ownSchoolId != null) {
			long overdue = drills.ofSchool(scope, ownSchoolId)
				.types()
				.stream()
				.filter(t -> t.status() == DrillStatus.OVERDUE)
				.count();
			return List.of(Tile.count("drills-overdue", "本校演练逾期", overdue,
					"/drills/schools/" + ownSchoolId + "?status=OVERDUE", "演练类型（消防、疏散、防不法侵害、防震）", true));
		}
		long schools = drills.overdueSchools(scope);
		return List.of(Tile.count("drill-overdue-schools", "演练逾期学校", schools, "/drills?status=OVERDUE", "所学校有演练类型逾期未开展",
				true));
	}

}
