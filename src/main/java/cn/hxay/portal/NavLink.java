package cn.hxay.portal;

import java.util.function.Predicate;

import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;

/**
 * One entry of the side navigation (desktop) and the scrolling bar (phone). A module
 * contributes its entries through a {@link NavigationLinks} bean; the layout shows the
 * ones the signed-in user may open, ordered by {@link #order()}.
 *
 * @param path context-relative path the entry opens, also the prefix that marks it
 * current
 * @param label the entry's Chinese name
 * @param order place in the list (lower first; the core entries use 10, 20, ...)
 * @param section where the entry sits
 * @param shownTo who sees the entry (the URL's own access rule still decides who may open
 * it)
 */
public record NavLink(String path, String label, int order, Section section, Predicate<CurrentUser> shownTo) {

	/** Police roles that work cases: city and county public security and stations. */
	public static final Predicate<CurrentUser> POLICE = user -> user.hasAnyRole(Role.CITY_POLICE, Role.COUNTY_POLICE,
			Role.STATION_OFFICER);

	/** Everybody signed in. */
	public static final Predicate<CurrentUser> EVERYONE = user -> true;

	/** Where an entry is shown. */
	public enum Section {

		/** The working pages, in the side bar and on the phone bar. */
		WORK,

		/** Desktop side bar only (figures and tables that need a wide screen). */
		DESK,

		/** 系统管理, administrators' side bar only. */
		ADMIN

	}

	public static NavLink work(String path, String label, int order, Predicate<CurrentUser> shownTo) {
		return new NavLink(path, label, order, Section.WORK, shownTo);
	}

	public boolean shownTo(CurrentUser user) {
		return user != null && shownTo.test(user);
	}

	/** Whether the entry is in the phone bar. */
	public boolean onPhone() {
		return section == Section.WORK;
	}

}
