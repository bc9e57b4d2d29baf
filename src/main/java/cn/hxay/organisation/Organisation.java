package cn.hxay.organisation;

/**
 * A unit in the organisation tree.
 *
 * @param path materialised path of ids from the root, e.g. {@code /1/4/27/}; a unit's
 * subtree is every unit whose path starts with its own
 */
public record Organisation(long id, String name, OrganisationKind kind, String regionCode, Long parentId, String path,
		int version) {

	public boolean isWithin(Organisation ancestor) {
		return path.startsWith(ancestor.path());
	}

}
