package cn.hxay.surroundings;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import cn.hxay.organisation.DataScope;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Venues and violations in PostgreSQL; every read applies the caller's data scope on
 * {@code unit_ids}, every update names the version it was based on.
 */
@Repository
class VenueStore {

	private static final String VENUE_FILTER = """
			from venue v where %s
			 and (cast(:type as varchar) is null or v.type = :type)
			 and (cast(:name as varchar) is null or v.name like :name or v.address like :name)
			 and (cast(:station as bigint) is null or v.station_id = :station)""".formatted(DataScope.where("v"));

	private static final String VIOLATION_FILTER = """
			from venue_violation w join venue v on v.id = w.venue_id where %s
			 and (cast(:status as varchar) is null or w.status = :status)
			 and (cast(:venue as bigint) is null or w.venue_id = :venue)""".formatted(DataScope.where("w"));

	private final JdbcClient jdbc;

	VenueStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(VenueType type, String name, String address, BigDecimal[] wgs, String system, BigDecimal[] typed,
			long station, Long township, boolean operating, Long[] units, String by, Instant at) {
		return jdbc
			.sql("""
					insert into venue (type, name, address, latitude, longitude, input_system, input_latitude, input_longitude,
					  station_id, township_id, operating, created_by, created_at, updated_at, unit_ids)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(type.name(), name, address, wgs[0], wgs[1], system, typed[0], typed[1], station, township,
					operating, by, Timestamp.from(at), Timestamp.from(at), units)
			.query(Long.class)
			.single();
	}

	boolean update(long id, int version, VenueType type, String name, String address, BigDecimal[] wgs, String system,
			BigDecimal[] typed, long station, Long township, boolean operating, Long[] units, Instant at) {
		int rows = jdbc.sql("""
				update venue set type = ?, name = ?, address = ?, latitude = ?, longitude = ?, input_system = ?,
				  input_latitude = ?, input_longitude = ?, station_id = ?, township_id = ?, operating = ?, unit_ids = ?,
				  updated_at = ?, version = version + 1
				where id = ? and version = ?""")
			.params(type.name(), name, address, wgs[0], wgs[1], system, typed[0], typed[1], station, township,
					operating, units, Timestamp.from(at), id, version)
			.update();
		if (rows == 1) {
			jdbc.sql("update venue_violation set unit_ids = ? where venue_id = ?").params(units, id).update();
		}
		return rows == 1;
	}

	Optional<Venue> venue(long id, DataScope scope) {
		return scope.bind(jdbc.sql("select * from venue v where v.id = :id and " + DataScope.where("v")))
			.param("id", id)
			.query(VenueStore::venue)
			.optional();
	}

	Optional<Venue> venueUnscoped(long id) {
		return jdbc.sql("select * from venue where id = ?").param(id).query(VenueStore::venue).optional();
	}

	List<Long> venueIds() {
		return jdbc.sql("select id from venue order by id").query(Long.class).list();
	}

	Long[] unitsOf(long venueId) {
		return jdbc.sql("select unit_ids from venue where id = ?").param(venueId).query((rs, n) -> {
			Array array = rs.getArray(1);
			Object[] values = (Object[]) array.getArray();
			Long[] ids = new Long[values.length];
			for (int i = 0; i < values.length; i++) {
				ids[i] = ((Number) values[i]).longValue();
			}
			return ids;
		}).single();
	}

	Paged<Venue> venues(DataScope scope, VenueFilter f, PageRequest page) {
		long total = bindVenueFilter(scope, f, jdbc.sql("select count(*) " + VENUE_FILTER)).query(Long.class).single();
		List<Venue> items = bindVenueFilter(scope, f,
				jdbc.sql("select v.* " + VENUE_FILTER + " order by v.name, v.id limit :limit offset :offset"))
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(VenueStore::venue)
			.list();
		return new Paged<>(items, page.page(), page.size(), total);
	}

	private static JdbcClient.StatementSpec bindVenueFilter(DataScope scope, VenueFilter f,
			JdbcClient.StatementSpec spec) {
		return scope.bind(spec)
			.param("type", f.type() == null ? null : f.type().name())
			.param("name", f.text() == null || f.text().isBlank() ? null : "%" + f.text().strip() + "%")
			.param("station", f.stationId());
	}

	// violations

	Optional<VenueViolation> openViolation(long venueId, long schoolId, String rule) {
		return jdbc
			.sql("select w.*, v.name as venue_name, v.type as venue_type from venue_violation w"
					+ " join venue v on v.id = w.venue_id where w.venue_id = ? and w.school_id = ? and w.rule_code = ?"
					+ " and w.status <> 'CLOSED'")
			.params(venueId, schoolId, rule)
			.query(VenueStore::violation)
			.optional();
	}

	void insertViolation(long venueId, long schoolId, String schoolName, DistanceRule rule, int distance,
			LocalDate today, String note, Long[] units) {
		jdbc.sql(
				"""
						insert into venue_violation (venue_id, school_id, school_name, rule_code, rule_label, citation, limit_metres,
						  distance_metres, status, found_on, rechecked_on, note, unit_ids)
						values (?, ?, ?, ?, ?, ?, ?, ?, 'FOUND', ?, ?, ?, ?)""")
			.params(venueId, schoolId, schoolName, rule.code(), rule.label(), rule.citation(), rule.minimumMetres(),
					distance, Date.valueOf(today), Date.valueOf(today), note, units)
			.update();
	}

	void touchViolation(long id, int distance, LocalDate today) {
		jdbc.sql("update venue_violation set distance_metres = ?, rechecked_on = ? where id = ?")
			.params(distance, Date.valueOf(today), id)
			.update();
	}

	Optional<VenueViolation> violation(long id, DataScope scope) {
		return scope
			.bind(jdbc
				.sql("select w.*, v.name as venue_name, v.type as venue_type " + VIOLATION_FILTER + " and w.id = :id"))
			.param("status", null)
			.param("venue", null)
			.param("id", id)
			.query(VenueStore::violation)
			.optional();
	}

	boolean moveViolation(long id, int version, ViolationStatus to, String department, LocalDate deadline, String note,
			LocalDate closedOn, String closedBy) {
		return jdbc
			.sql("""
					update venue_violation set status = ?, department = coalesce(?, department), deadline = coalesce(?, deadline),
					  note = coalesce(?, note), closed_on = ?, closed_by = ?, version = version + 1
					where id = ? and version = ?""")
			.params(to.name(), department, deadline == null ? null : Date.valueOf(deadline), note,
					closedOn == null ? null : Date.valueOf(closedOn), closedBy, id, version)
			.update() == 1;
	}

	Paged<VenueViolation> violations(DataScope scope, ViolationStatus status, Long venueId, PageRequest page) {
		long total = scope.bind(jdbc.sql("select count(*) " + VIOLATION_FILTER))
			.param("status", status == null ? null : status.name())
			.param("venue", venueId)
			.query(Long.class)
			.single();
		List<VenueViolation> items = scope
			.bind(jdbc.sql("select w.*, v.name as venue_name, v.type as venue_type " + VIOLATION_FILTER
					+ " order by w.found_on desc, w.id desc limit :limit offset :offset"))
			.param("status", status == null ? null : status.name())
			.param("venue", venueId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(VenueStore::violation)
			.list();
		return new Paged<>(items, page.page(), page.size(), total);
	}

	private static Venue venue(ResultSet rs, int n) throws SQLException {
		long township = rs.getLong("township_id");
		return new Venue(rs.getLong("id"), VenueType.valueOf(rs.getString("type")), rs.getString("name"),
				rs.getString("address"), rs.getBigDecimal("longitude"), rs.getBigDecimal("latitude"),
				rs.getString("input_system"), rs.getBigDecimal("input_longitude"), rs.getBigDecimal("input_latitude"),
				rs.getLong("station_id"), rs.wasNull() ? null : township, rs.getBoolean("operating"),
				rs.getInt("version"), rs.getTimestamp("updated_at").toInstant().atOffset(ZoneOffset.UTC));
	}

	private static VenueViolation violation(ResultSet rs, int n) throws SQLException {
		return new VenueViolation(rs.getLong("id"), rs.getLong("venue_id"), rs.getString("venue_name"),
				VenueType.valueOf(rs.getString("venue_type")), rs.getLong("school_id"), rs.getString("school_name"),
				rs.getString("rule_code"), rs.getString("rule_label"), rs.getString("citation"),
				rs.getInt("limit_metres"), rs.getInt("distance_metres"),
				ViolationStatus.valueOf(rs.getString("status")), rs.getString("department"), date(rs, "deadline"),
				date(rs, "found_on"), date(rs, "closed_on"), rs.getString("closed_by"), rs.getString("note"),
				date(rs, "rechecked_on"), rs.getInt("version"));
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	/** Violations not yet closed, per school in scope. */
	java.util.Map<Long, Long> openViolationsBySchool(DataScope scope) {
		java.util.Map<Long, Long> result = new java.util.HashMap<>();
		scope
			.bind(jdbc.sql("select w.school_id, count(*) from venue_violation w where w.status <> 'CLOSED' and "
					+ DataScope.where("w") + " group by w.school_id"))
			.query((rs, n) -> result.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return result;
	}

}
