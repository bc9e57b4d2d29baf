package cn.hxay.unlicensed;

import java.util.ArrayList;
import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.portal.StartPageTodos;
import cn.hxay.portal.Tile;

import org.springframework.stereotype.Component;

/**
 * Start-page tiles for education bureaus and police: cases past their deadline for
 * approval and bans whose re-check is due, each counted by the query of the list it
 * opens.
 */
@Component
class UnlicensedTodos implements StartPageTodos {

	private final UnlicensedInstitutions institutions;

	UnlicensedTodos(UnlicensedInstitutions institutions) {
		this.institutions = institutions;
	}

	@Override
	public List<Tile> tiles(CurrentUser user, DataScope scope, Long ownSchoolId) {
		if (ownSchoolId != null || !UnlicensedInstitutions.mayWrite(user)) {
			return List.of();
		}
		List<Tile> tiles = new ArrayList<>();
		long overdue = institutions.count(user, scope, InstitutionFilter.overdueOnly());
		tiles.add(Tile.count("unlicensed-overdue", "无证办学逾期未办证", overdue, "/unlicensed-institutions?overdue=true",
				"超过办证期限仍未办证或取缔", true));
		long recheck = institutions.count(user, scope, InstitutionFilter.recheckOnly());
		if (recheck > 0) {
			tiles.add(Tile.count("unlicensed-recheck", "无证办学取缔后待复查", recheck, "/unlicensed-institutions?recheck=true",
					"取缔满 " + institutions.recheckDays() + " 天，复查是否重新开办", false));
		}
		return tiles;
	}

}
