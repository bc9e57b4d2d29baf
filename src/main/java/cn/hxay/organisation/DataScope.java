package cn.hxay.organisation;

import java.util.Collection;
import java.util.Set;

/**
 * The part of the organisation tree a user may see and change: the subtree of the user's
 * unit. Every query for data that belongs to a unit takes a scope; there is no unscoped
 * way to list it from the web.
 *
 * @param unrestricted the whole platform (system administrators)
 * @param organisationIds the units inside the scope
 * @param policeData whether police-only data (key persons, sensitive inspection items) is
 * visible
 */
public record DataScope(boolean unrestricted, Set<Long> organisationIds, boolean policeData) {

	public DataScope {
		organisationIds = Set.copyOf(organisationIds);
	}

	public static DataScope everything(boolean policeData) {
		return new DataScope(true, Set.of(), policeData);
	}

	public static DataScope of(Collection<Long> organisationIds, boolean policeData) {
		return new DataScope(false, Set.copyOf(organisationIds), policeData);
	}

	public boolean covers(Long organisationId) {
		return organisationId != null && (unrestricted || organisationIds.contains(organisationId));
	}

	public boolean coversAny(Long... organisationIds) {
		for (Long id : organisationIds) {
			if (covers(id)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The ids as an array for a SQL {@code = any(?)} parameter; empty when unrestricted
	 * (check that first).
	 */
	public Long[] idArray() {
		return organisationIds.toArray(Long[]::new);
	}

}
