package cn.hxay.portal;

import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;

/**
 * A module's to-dos on the start page: each a {@link Tile} whose count is read from the
 * same query as the list its link opens. Declare one bean per module; return no tiles for
 * users the module has nothing for (a police-only module returns none to education,
 * school and inspector users).
 */
@FunctionalInterface
public interface StartPageTodos {

	/**
	 * @param user the signed-in user
	 * @param scope the user's data scope
	 * @param ownSchoolId the user's own school when the user is a school's account, else
	 * {@code null} (tiles for a school say 本校)
	 */
	List<Tile> tiles(CurrentUser user, DataScope scope, Long ownSchoolId);

}
