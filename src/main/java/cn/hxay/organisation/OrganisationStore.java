package cn.hxay.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Regions and organisations in PostgreSQL.
 */
@Repository
class OrganisationStore {

	private static final String ORGANISATION_COLUMNS = "id, name, kind, region_code, parent_id, path, version, enabled";

	private final JdbcClient jdbc;

	OrganisationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Region> regions() {
		return jdbc.sql("select code, name, level, parent_code from region order by code")
			.query(this::mapRegion)
			.list();
	}

	Optional<Region> region(String code) {
		return jdbc.sql("select code, name, level, parent_code from region where code = ?")
			.param(code)
			.query(this::mapRegion)
			.optional();
	}

	void insert(Region region) {
		jdbc.sql("insert into region (code, name, level, parent_code) values (?, ?, ?, ?)")
			.params(region.code(), region.name(), region.level().name(), region.parentCode())
			.update();
	}

	boolean renameRegion(String code, String name) {
		return jdbc.sql("update region set name = ? where code = ?").params(name, code).update() == 1;
	}

	long countOrganisations() {
		return jdbc.sql("select count(*) from organisation").query(Long.class).single();
	}

	Optional<Organisation> organisation(long id) {
		return jdbc.sql("select " + ORGANISATION_COLUMNS + " from organisation where id = ?")
			.param(id)
			.query(this::mapOrganisation)
			.optional();
	}

	List<Organisation> organisations(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + ORGANISATION_COLUMNS + " from organisation where id = any(?)")
			.param(ids.toArray(Long[]::new))
			.query(this::mapOrganisation)
			.list();
	}

	List<Organisation> byKind(OrganisationKind kind, String regionCodePrefix) {
		return jdbc
			.sql("select " + ORGANISATION_COLUMNS
					+ " from organisation where kind = ? and region_code like ? order by region_code, name")
			.params(kind.name(), regionCodePrefix + "%")
			.query(this::mapOrganisation)
			.list();
	}

	List<Organisation> listExcludingSchools(String regionCodePrefix, OrganisationKind kind) {
		return jdbc
			.sql("select " + ORGANISATION_COLUMNS + " from organisation"
					+ " where region_code like :prefix and (cast(:kind as varchar) is null or kind = :kind)"
					+ " and kind <> 'SCHOOL' order by path")
			.param("prefix", (regionCodePrefix == null ? "" : regionCodePrefix) + "%")
			.param("kind", kind == null ? null : kind.name())
			.query(this::mapOrganisation)
			.list();
	}

	/**
	 * The ids of a subtree's units except the schools below its root: a school's records
	 * also carry the school's parent unit, so a scope above schools never needs their
	 * (possibly 100,000) ids; see {@link DataScope}.
	 */
	List<Long> scopeIds(Organisation root) {
		// the root itself, and the other units of its subtree
		// (organisation_unit_path_idx)
		return jdbc.sql("select id from organisation where kind <> 'SCHOOL' and path like ? union select ?")
			.params(root.path() + "%", root.id())
			.query(Long.class)
			.list();
	}

	Optional<Organisation> byName(String regionCode, OrganisationKind kind, String name) {
		return jdbc
			.sql("select " + ORGANISATION_COLUMNS
					+ " from organisation where region_code = ? and kind = ? and name = ?")
			.params(regionCode, kind.name(), name)
			.query(this::mapOrganisation)
			.optional();
	}

	/** Inserts a unit and sets its materialised path, which needs the new id. */
	Organisation insert(String name, OrganisationKind kind, String regionCode, Organisation parent) {
		long id = jdbc
			.sql("insert into organisation (name, kind, region_code, parent_id) values (?, ?, ?, ?) returning id")
			.params(name, kind.name(), regionCode, parent == null ? null : parent.id())
			.query(Long.class)
			.single();
		String path = (parent == null ? "/" : parent.path()) + id + "/";
		jdbc.sql("update organisation set path = ? where id = ?").params(path, id).update();
		return new Organisation(id, name, kind, regionCode, parent == null ? null : parent.id(), path, 0);
	}

	boolean rename(long id, int version, String name) {
		return jdbc.sql("update organisation set name = ?, version = version + 1 where id = ? and version = ?")
			.params(name, id, version)
			.update() == 1;
	}

	/** Moves a unit (and its subtree) under a new parent. */
	void move(Organisation unit, Organisation newParent) {
		String newPath = newParent.path() + unit.id() + "/";
		jdbc.sql("update organisation set path = ? || substr(path, ?), version = version + 1 where path like ?")
			.params(newPath, unit.path().length() + 1, unit.path() + "%")
			.update();
		jdbc.sql("update organisation set parent_id = ? where id = ?").params(newParent.id(), unit.id()).update();
	}

	/**
	 * Enabled units whose name contains the text, of the given kinds (all when empty),
	 * the closest matches first.
	 */
	List<Organisation> search(String text, List<String> kinds, int limit) {
		String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return jdbc
			.sql("select " + ORGANISATION_COLUMNS + " from organisation where enabled and name ilike :like"
					+ " and (cardinality(cast(:kinds as varchar[])) = 0 or kind = any(cast(:kinds as varchar[])))"
					+ " order by position(lower(:text) in lower(name)), length(name), name limit :limit")
			.param("like", like)
			.param("text", text)
			.param("kinds", kinds.toArray(String[]::new))
			.param("limit", limit)
			.query(this::mapOrganisation)
			.list();
	}

	/** How many schools hang under each unit (anywhere in its subtree), by unit id. */
	Map<Long, Long> schoolsBelow() {
		Map<Long, Long> counts = new HashMap<>();
		jdbc.sql("""
				select a.id, count(*) as schools from organisation s
				join organisation a on s.path like a.path || '%' and a.id <> s.id
				where s.kind = 'SCHOOL' group by a.id""")
			.query((rs, row) -> counts.put(rs.getLong("id"), rs.getLong("schools")))
			.list();
		return counts;
	}

	boolean hasEnabledChildren(long id) {
		return jdbc.sql("select exists (select 1 from organisation where parent_id = ? and enabled)")
			.param(id)
			.query(Boolean.class)
			.single();
	}

	boolean setEnabled(long id, int version, boolean enabled) {
		return jdbc.sql("update organisation set enabled = ?, version = version + 1 where id = ? and version = ?")
			.params(enabled, id, version)
			.update() == 1;
	}

	private Region mapRegion(ResultSet rs, int row) throws SQLException {
		return new Region(rs.getString("code"), rs.getString("name"), RegionLevel.valueOf(rs.getString("level")),
				rs.getString("parent_code"));
	}

	private Organisation mapOrganisation(ResultSet rs, int row) throws SQLException {
		long parent = rs.getLong("parent_id");
		return new Organisation(rs.getLong("id"), rs.getString("name"), OrganisationKind.valueOf(rs.getString("kind")),
				rs.getString("region_code"), rs.wasNull() ? null : parent, rs.getString("path"), rs.getInt("version"),
				rs.getBoolean("enabled"));
	}

}
