package cn.hxay.organisation;

/**
 * A unit in the organisation tree.
 *
 * @param path materialised path of ids from the root, e.g. {@code /1/4/27/}; a unit's
 * subtree is every unit whose path starts with its own
 * @param enabled a disabled unit keeps its history but is no longer offered for new
 * accounts or as a parent
 */
public record Organisation(long id, String name, OrganisationKind kind, String regionCode, Long parentId, String path,
		int version, boolean enabled) {

	public Organisation(long id, String name, OrganisationKind kind, String regionCode, Long parentId, String path,
			int version) {
		this(id, name, kind, regionCode, parentId, path, version, true);
	}

	/** How deep the unit hangs in the tree: 0 for a root. */
	public int depth() {
		return (int) path.chars().filter(c -> c == '/').count() - 2;
	}

	public boolean isWithin(Organisation ancestor) {
		return path.startsWith(ancestor.path());
	}

}
