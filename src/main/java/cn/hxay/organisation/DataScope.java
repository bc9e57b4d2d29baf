package cn.hxay.organisation;

import java.util.Collection;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

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

	/** Whether a record about a school with these units is in scope. */
	public boolean covers(SchoolUnits units) {
		return unrestricted || coversAny(units.ids());
	}

	/**
	 * The SQL condition that keeps the rows in scope, for a table (or alias) with a
	 * {@code unit_ids bigint[]} column; bind its parameters with {@link #bind}.
	 * @param alias the table alias, or {@code null} for an unqualified column
	 */
	public static String where(String alias) {
		String column = alias == null || alias.isEmpty() ? "unit_ids" : alias + ".unit_ids";
		return "(:scopeAll or " + column + " && :scopeIds)";
	}

	/** Binds the parameters of {@link #where(String)}. */
	public <S extends StatementSpec> S bind(S spec) {
		spec.param("scopeAll", unrestricted).param("scopeIds", idArray());
		return spec;
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
