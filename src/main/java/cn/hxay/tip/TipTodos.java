package cn.hxay.tip;

import java.util.ArrayList;
import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.portal.StartPageTodos;
import cn.hxay.portal.Tile;
import cn.hxay.shared.PageRequest;

import org.springframework.stereotype.Component;

/**
 * Start-page tiles: open tips and bullying investigations past their due day, each
 * counted by the same query as the list it opens ({@code /tips?state=open},
 * {@code /tips?overdue=true}).
 */
@Component
class TipTodos implements StartPageTodos {

	private final Tips tips;

	TipTodos(Tips tips) {
		this.tips = tips;
	}

	@Override
	public List<Tile> tiles(CurrentUser user, DataScope scope, Long ownSchoolId) {
		if (!tips.mayHandle(user)) {
			return List.of();
		}
		String own = ownSchoolId != null ? "本校" : "";
		List<Tile> tiles = new ArrayList<>();
		long open = tips.search(user, scope, new Tips.Query(null, null, "open", false), PageRequest.of(0, 1)).total();
		tiles.add(Tile.count("tips-open", own + "待处理求助", open, "/tips?state=open",
				Tips.policeSide(user) ? "转公安机关的学生求助" : "学生、家长通过求助页提交", true));
		if (!Tips.policeSide(user)) {
			long overdue = tips.search(user, scope, new Tips.Query(null, null, null, true), PageRequest.of(0, 1))
				.total();
			tiles.add(Tile.count("tips-overdue", own + "欺凌案件调查逾期", overdue, "/tips?overdue=true",
					"超过 " + tips.investigationDays() + " 日未完成调查", true));
		}
		return tiles;
	}

}
