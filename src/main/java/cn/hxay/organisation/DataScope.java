package cn.hxay.organisation;

import java.util.Collection;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * The part of the organisation tree a user may see and change: the subtree of the user's
 * unit. Every query for data that belongs to a unit takes a scope; there is no unscoped
 * way to list it from the web.
 * <p>
 * Schools are leaves of the tree under an education bureau. A scope above schools lists
 * the subtree's units <em>other than the schools</em>: a province's city bureau would
 * otherwise carry 100,000 school ids into every query, and PostgreSQL compares an array
 * overlap element by element. This stays exactly the subtree because every record that
 * names a school unit also names the school's parent ({@link SchoolUnits} carries the
 * school's education bureau, and the tables whose rows name one unit carry its parent:
 * {@code ScopeEquivalenceTests} checks every {@code unit_ids} column against the whole
 * subtree). In Java, {@link #covers(Organisation)} covers a school through its parent.
 *
 * @param unrestricted the whole platform (system administrators)
 * @param organisationIds the units inside the scope: the subtree without the schools
 * below its root
 * @param policeData whether police-only data (key persons, sensitive inspection items) is
 * visible
 * @param oneSchool the scope of a school's own users: its one unit; summaries grouped by
 * the units above schools (figures kept by triggers) do not serve it
 * @param regionCode the region of the scope's root unit, which every school in scope lies
 * in ({@code ScopeEquivalenceTests}), or {@code null}; see {@link #whereInRegion}
 */
public record DataScope(boolean unrestricted, Set<Long> organisationIds, boolean policeData, boolean oneSchool,
		String regionCode) {

	public DataScope {
		organisationIds = Set.copyOf(organisationIds);
	}

	public static DataScope everything(boolean policeData) {
		return new DataScope(true, Set.of(), policeData, false, null);
	}

	public static DataScope of(Collection<Long> organisationIds, boolean policeData) {
		return new DataScope(false, Set.copyOf(organisationIds), policeData, false, null);
	}

	/**
	 * A unit's subtree (its ids as {@link #of}) whose schools all lie in the unit's
	 * region.
	 */
	public static DataScope ofSubtree(Collection<Long> organisationIds, boolean policeData, String regionCode) {
		return new DataScope(false, Set.copyOf(organisationIds), policeData, false, regionCode);
	}

	/** The scope of a school's own users: the school's unit alone. */
	public static DataScope ofSchool(long schoolUnitId, boolean policeData) {
		return new DataScope(false, Set.of(schoolUnitId), policeData, true, null);
	}

	/**
	 * Whether a unit other than a school below the scope's root is in scope; for a unit
	 * that may be a school use {@link #covers(Organisation)}.
	 */
	public boolean covers(Long organisationId) {
		return organisationId != null && (unrestricted || organisationIds.contains(organisationId));
	}

	/** Whether a unit is in scope: a school through its parent. */
	public boolean covers(Organisation unit) {
		return unit != null && (covers(unit.id())
				|| unit.kind() == OrganisationKind.SCHOOL && unit.parentId() != null && covers(unit.parentId()));
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

	/**
	 * {@link #where(String)} that also names the scope's region, for a table with a
	 * {@code region_code} column read in region order: the same rows, but a list of a
	 * county's forms or schools among a province's starts at the county's first row of
	 * the index instead of walking past every other county's. The region is a range of
	 * codes outside the scope's {@code or}, always bound (the whole range when the scope
	 * names none), so that even a plan made once for any parameters reads only the range.
	 */
	public static String whereInRegion(String alias) {
		String prefix = alias == null || alias.isEmpty() ? "" : alias + ".";
		return "(" + prefix + "region_code >= :scopeRegionFrom and " + prefix + "region_code < :scopeRegionTo and "
				+ where(alias) + ")";
	}

	/** Binds the parameters of {@link #where(String)} and {@link #whereInRegion}. */
	public <S extends StatementSpec> S bind(S spec) {
		String region = unrestricted || regionCode == null ? "" : regionCode.replaceAll("0+$", "");
		spec.param("scopeAll", unrestricted)
			.param("scopeIds", idArray())
			.param("scopeRegionFrom", region)
			.param("scopeRegionTo", after(region));
		return spec;
	}

	/**
	 * The first code after every code that starts with a region's digits ("3204" →
	 * "3205", "32049" → "3205"); past every code for none.
	 */
	static String after(String digits) {
		StringBuilder next = new StringBuilder(digits);
		while (next.length() > 0 && next.charAt(next.length() - 1) == '9') {
			next.setLength(next.length() - 1);
		}
		if (next.length() == 0) {
			// region codes have six digits: each sorts before eight nines
			return "99999999";
		}
		next.setCharAt(next.length() - 1, (char) (next.charAt(next.length() - 1) + 1));
		return next.toString();
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
