package cn.hxay.supervision;

import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.portal.StartPageTodos;
import cn.hxay.portal.Tile;
import cn.hxay.shared.PageRequest;

import org.springframework.stereotype.Component;

/**
 * The 通报 sent to the user's unit that it has not confirmed: the count is the total of the
 * list {@code /supervision/notices?pending=true} shows.
 */
@Component
class SupervisionTodos implements StartPageTodos {

	private final Supervision supervision;

	SupervisionTodos(Supervision supervision) {
		this.supervision = supervision;
	}

	@Override
	public List<Tile> tiles(CurrentUser user, DataScope scope, Long ownSchoolId) {
		long waiting = supervision.waitingForMyReceipt(user, scope, PageRequest.of(0, 1)).total();
		if (waiting == 0) {
			return List.of();
		}
		return List.of(Tile.count("supervision-notices", ownSchoolId != null ? "本校待签收通报" : "待签收通报", waiting,
				"/supervision/notices?pending=true", "请阅读通报并签收", true));
	}

}
