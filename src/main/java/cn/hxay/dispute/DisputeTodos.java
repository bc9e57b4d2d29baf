package cn.hxay.dispute;

import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.portal.StartPageTodos;
import cn.hxay.portal.Tile;

import org.springframework.stereotype.Component;

/**
 * Start-page tile for police units and education bureaus: disputes past their deadline
 * and not resolved, the same query as the list it opens. Schools see theirs on the list.
 */
@Component
class DisputeTodos implements StartPageTodos {

	private final Disputes disputes;

	DisputeTodos(Disputes disputes) {
		this.disputes = disputes;
	}

	@Override
	public List<Tile> tiles(CurrentUser user, DataScope scope, Long ownSchoolId) {
		if (ownSchoolId != null || !Disputes.mayWrite(user)) {
			return List.of();
		}
		long overdue = disputes.count(user, scope, new DisputeFilter(null, null, null, Boolean.TRUE, null, null, null));
		return List
			.of(Tile.count("dispute-overdue", "矛盾纠纷逾期未化解", overdue, "/disputes?overdue=true", "超过化解期限仍未化解", true));
	}

}
