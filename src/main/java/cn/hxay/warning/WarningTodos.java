package cn.hxay.warning;

import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.portal.StartPageTodos;
import cn.hxay.portal.Tile;

import org.springframework.stereotype.Component;

/**
 * Unread warnings on the start page: for a school the warnings it has not read, for the
 * units above the warnings some of their schools have not read; the count is the list
 * {@code /warnings?unread=true} shows.
 */
@Component
class WarningTodos implements StartPageTodos {

	private final Warnings warnings;

	WarningTodos(Warnings warnings) {
		this.warnings = warnings;
	}

	@Override
	public List<Tile> tiles(CurrentUser user, DataScope scope, Long ownSchoolId) {
		long unread = warnings.unreadList(scope).size();
		return ownSchoolId != null
				? List
					.of(Tile.count("warnings-unread", "本校未读预警", unread, "/warnings?unread=true", "请及时签收并回复处置措施", true))
				: List
					.of(Tile.count("warnings-unread", "有学校未读的预警", unread, "/warnings?unread=true", "下辖学校尚未签收", false));
	}

}
