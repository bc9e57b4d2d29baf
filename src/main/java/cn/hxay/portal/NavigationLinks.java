package cn.hxay.portal;

import java.util.List;

/**
 * A module's entries in the navigation. Declare one bean per module that has pages; the
 * layout gathers them all, so a new module never edits the layout or another module.
 */
@FunctionalInterface
public interface NavigationLinks {

	List<NavLink> links();

}
