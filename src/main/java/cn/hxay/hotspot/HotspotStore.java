package cn.hxay.hotspot;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.hxay.organisation.DataScope;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.geo.TypedPoint;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/** Hotspots in PostgreSQL, every read through a scope on {@code unit_ids}. */
@Repository
class HotspotStore {

	private static final String FILTER = """
			from hotspot h where %s
			 and (cast(:fixed as varchar) is null or h.status = :fixed)
			 and (cast(:school as bigint) is null or exists
			   (select 1 from hotspot_school s where s.hotspot_id = h.id and s.school_id = :school))
			 and (cast(:text as varchar) is null or h.name ilike :text or h.address ilike :text or h.problem ilike :text)"""
		.formatted(DataScope.where("h"));

	private final JdbcClient jdbc;

	HotspotStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(HotspotDetails d, TypedPoint p, long station, Long township, Long[] units, String by, Instant at) {
		return jdbc.sql("""
				insert into hotspot (name, address, longitude, latitude, input_system, input_longitude, input_latitude,
				  problem, station_id, township_id, status, registered_by, registered_at, unit_ids)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?) returning id""")
			.params(d.name().strip(), d.address().strip(), p.longitude(), p.latitude(), p.system(), p.typedLongitude(),
					p.typedLatitude(), d.problem().strip(), station, township, by, Timestamp.from(at), units)
			.query(Long.class)
			.single();
	}

	void nearby(long id, List<Hotspot.NearbySchool> schools) {
		for (Hotspot.NearbySchool s : schools) {
			jdbc.sql(
					"insert into hotspot_school (hotspot_id, school_id, school_name, distance_metres) values (?, ?, ?, ?)")
				.params(id, s.schoolId(), s.schoolName(), s.distanceMetres())
				.update();
		}
	}

	void step(long id, String text, boolean fixed, Instant at, String by, String unit) {
		jdbc.sql("""
				insert into hotspot_step (hotspot_id, text, fixed, at, by_name, by_unit) values (?, ?, ?, ?, ?, ?)""")
			.params(id, text.length() > 1000 ? text.substring(0, 1000) : text, fixed, Timestamp.from(at), by, unit)
			.update();
	}

	boolean touch(long id, int version, boolean fixed, LocalDate on, String by) {
		return jdbc.sql("""
				update hotspot set status = ?, fixed_on = ?, fixed_by = ?, version = version + 1
				where id = ? and version = ? and status = 'OPEN'""")
			.params(fixed ? "FIXED" : "OPEN", on == null ? null : Date.valueOf(on), by, id, version)
			.update() == 1;
	}

	Optional<Hotspot> byId(DataScope scope, long id) {
		return scope.bind(jdbc.sql("select h.* from hotspot h where h.id = :id and " + DataScope.where("h")))
			.param("id", id)
			.query((rs, n) -> hotspot(rs))
			.optional();
	}

	List<Hotspot.Step> steps(long id) {
		return jdbc.sql("select * from hotspot_step where hotspot_id = ? order by id")
			.param(id)
			.query((rs, n) -> new Hotspot.Step(rs.getString("text"), rs.getBoolean("fixed"),
					rs.getTimestamp("at").toInstant(), rs.getString("by_name"), rs.getString("by_unit")))
			.list();
	}

	List<Hotspot.NearbySchool> schools(long id) {
		return jdbc.sql("select * from hotspot_school where hotspot_id = ? order by distance_metres, school_id")
			.param(id)
			.query((rs, n) -> new Hotspot.NearbySchool(rs.getLong("school_id"), rs.getString("school_name"),
					rs.getInt("distance_metres")))
			.list();
	}

	Paged<Hotspot> search(DataScope scope, Boolean fixed, Long schoolId, String text, PageRequest page) {
		long total = bind(scope, jdbc.sql("select count(*) " + FILTER), fixed, schoolId, text).query(Long.class)
			.single();
		List<Hotspot> items = bind(scope,
				jdbc.sql("select h.* " + FILTER + " order by h.status desc, h.id desc limit :limit offset :offset"),
				fixed, schoolId, text)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> hotspot(rs))
			.list();
		return new Paged<>(items, page.page(), page.size(), total);
	}

	private static StatementSpec bind(DataScope scope, StatementSpec spec, Boolean fixed, Long schoolId, String text) {
		String t = text == null || text.isBlank() ? null
				: "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return scope.bind(spec)
			.param("fixed", fixed == null ? null : fixed ? "FIXED" : "OPEN")
			.param("school", schoolId)
			.param("text", t);
	}

	/** One hotspot near one school, for the Annex columns. */
	record SchoolHotspot(long schoolId, String name, String problem, boolean fixed) {
	}

	List<SchoolHotspot> bySchool(DataScope scope, Collection<Long> schoolIds) {
		return scope
			.bind(jdbc
				.sql("""
						select s.school_id, h.name, h.problem, h.status from hotspot_school s join hotspot h on h.id = s.hotspot_id
						where s.school_id = any(:schools) and %s order by s.school_id, s.distance_metres, h.id"""
					.formatted(DataScope.where("h"))))
			.param("schools", schoolIds.toArray(Long[]::new))
			.query((rs, n) -> new SchoolHotspot(rs.getLong(1), rs.getString(2), rs.getString(3),
					"FIXED".equals(rs.getString(4))))
			.list();
	}

	long[] figures(DataScope scope) {
		return scope.bind(jdbc.sql("select count(*), count(*) filter (where h.status = 'FIXED') from hotspot h where "
				+ DataScope.where("h")))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	boolean any() {
		return jdbc.sql("select exists (select 1 from hotspot)").query(Boolean.class).single();
	}

	private static Hotspot hotspot(ResultSet rs) throws SQLException {
		long township = rs.getLong("township_id");
		boolean noTownship = rs.wasNull();
		Date fixedOn = rs.getDate("fixed_on");
		return new Hotspot(rs.getLong("id"), rs.getString("name"), rs.getString("address"),
				rs.getBigDecimal("longitude"), rs.getBigDecimal("latitude"), rs.getString("input_system"),
				rs.getBigDecimal("input_longitude"), rs.getBigDecimal("input_latitude"), rs.getString("problem"),
				rs.getLong("station_id"), noTownship ? null : township, "FIXED".equals(rs.getString("status")),
				fixedOn == null ? null : fixedOn.toLocalDate(), rs.getString("fixed_by"), rs.getString("registered_by"),
				rs.getTimestamp("registered_at").toInstant(), rs.getInt("version"));
	}

}
