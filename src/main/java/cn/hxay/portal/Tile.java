package cn.hxay.portal;

/**
 * One to-do on the start page: a count (or, for a plain shortcut, none) and the list it
 * opens. The count is read from the same query as that list, so the two always agree.
 *
 * @param id stable name, for the page's element id
 * @param label what is counted, in Chinese
 * @param count how many, or {@code null} for a shortcut without a count
 * @param href the list, context-relative, with the filters that give exactly this count
 * @param hint one short line under the figure
 * @param urgent shown in red while the count is above zero
 */
public record Tile(String id, String label, Long count, String href, String hint, boolean urgent) {

	public static Tile count(String id, String label, long count, String href, String hint, boolean urgent) {
		return new Tile(id, label, count, href, hint, urgent);
	}

	public static Tile shortcut(String id, String label, String href, String hint) {
		return new Tile(id, label, null, href, hint, false);
	}

	/** Red while there is something to do. */
	public boolean alert() {
		return urgent && count != null && count > 0;
	}

}
