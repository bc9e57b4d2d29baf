package cn.hxay.school;

import java.util.List;

import cn.hxay.organisation.DataScope;

/**
 * A module's figures for a school's page, at a glance (合规, 设备在线, 隐患, 检查表): the school
 * module renders whatever the sources return and depends on none of them. Each figure's
 * count is read from the same query as the list its link opens. Declare one bean per
 * module; return no figures when the module has nothing for the reader.
 */
@FunctionalInterface
public interface SchoolStatusSource {

	/**
	 * @param schoolId a school the reader may see (already checked)
	 * @param scope the reader's data scope
	 */
	List<Figure> figures(long schoolId, DataScope scope);

	/**
	 * One labelled figure.
	 *
	 * @param id a short name for the page ({@code status-<id>})
	 * @param order place on the page, smallest first
	 * @param label e.g. 不合格要求
	 * @param value what is shown, e.g. "3 项" or "填报中"
	 * @param count the number the link's list totals, or {@code null} when the link opens
	 * one record
	 * @param href the page with the details, or {@code null}
	 * @param attention whether the figure asks for action (shown highlighted)
	 */
	record Figure(String id, int order, String label, String value, Long count, String href, boolean attention) {

		/** A count whose link opens a list of exactly that many rows. */
		public static Figure count(String id, int order, String label, long count, String unit, String href) {
			return new Figure(id, order, label, count + " " + unit, count, href, count > 0);
		}

	}

}
