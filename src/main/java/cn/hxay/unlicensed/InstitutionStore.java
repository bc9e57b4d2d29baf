package cn.hxay.unlicensed;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.hxay.organisation.DataScope;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/**
 * The ledger in PostgreSQL: every read through a scope on {@code unit_ids}, every move
 * naming the version it was based on.
 */
@Repository
class InstitutionStore {

	/**
	 * The ledger's filter: every part optional, the overdue and re-check lists as on
	 * {@code :today}.
	 */
	private static final String FILTER = """
			from unlicensed_institution u where %s
			 and (cast(:kind as varchar) is null or u.kind = :kind)
			 and (cast(:status as varchar) is null or u.status = :status)
			 and (cast(:region as varchar) is null or u.region_code = :region)
			 and (not :overdue or (u.status = 'PENDING' and u.deadline < :today))
			 and (not :recheck or (u.status = 'BANNED' and u.recheck_due <= :today))
			 and (cast(:text as varchar) is null or u.name ilike :text or u.address ilike :text or u.operator ilike :text)"""
		.formatted(DataScope.where("u"));

	private final JdbcClient jdbc;

	InstitutionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(UnlicensedInstitutions.Checked c, String by, String unit, Instant at, Long previousId) {
		return jdbc.sql("""
				insert into unlicensed_institution (kind, name, address, longitude, latitude, input_system,
				  input_longitude, input_latitude, operator, children, found_by, found_on, region_code,
				  education_bureau_id, police_station_id, township_id, department, deadline, status, previous_id,
				  registered_by, registered_unit, registered_at)
				values (:kind, :name, :address, :lon, :lat, :system, :inLon, :inLat, :operator, :children, :foundBy,
				  :foundOn, :region, :bureau, :station, :township, :department, :deadline, 'PENDING', :previous,
				  :by, :unit, :at)
				returning id""")
			.param("kind", c.kind().name())
			.param("name", c.name())
			.param("address", c.address())
			.param("lon", c.wgs()[1])
			.param("lat", c.wgs()[0])
			.param("system", c.system())
			.param("inLon", c.typed()[1])
			.param("inLat", c.typed()[0])
			.param("operator", c.operator())
			.param("children", c.children())
			.param("foundBy", c.foundBy())
			.param("foundOn", Date.valueOf(c.foundOn()))
			.param("region", c.regionCode())
			.param("bureau", c.bureauId())
			.param("station", c.stationId())
			.param("township", c.townshipId())
			.param("department", c.department())
			.param("deadline", Date.valueOf(c.deadline()))
			.param("previous", previousId)
			.param("by", by)
			.param("unit", unit)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	void step(long id, String action, String note, Instant at, String by, String unit) {
		jdbc.sql("""
				insert into unlicensed_step (institution_id, action, note, at, by_name, by_unit)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, action, note.length() > 1000 ? note.substring(0, 1000) : note, Timestamp.from(at), by, unit)
			.update();
	}

	List<InstitutionStep> steps(long id) {
		return jdbc.sql("select * from unlicensed_step where institution_id = ? order by id")
			.param(id)
			.query((rs, n) -> new InstitutionStep(rs.getString("action"), rs.getString("note"),
					rs.getTimestamp("at").toInstant(), rs.getString("by_name"), rs.getString("by_unit")))
			.list();
	}

	boolean close(long id, int version, InstitutionStatus to, String licenceNo, LocalDate on, String by,
			LocalDate recheckDue) {
		return jdbc.sql("""
				update unlicensed_institution set status = :status, licence_no = :licence, closed_on = :on,
				  closed_by = :by, recheck_due = :due, version = version + 1
				where id = :id and version = :version and status = 'PENDING'""")
			.param("status", to.name())
			.param("licence", licenceNo)
			.param("on", Date.valueOf(on))
			.param("by", by)
			.param("due", recheckDue == null ? null : Date.valueOf(recheckDue))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	boolean rechecked(long id, int version, LocalDate on) {
		return jdbc.sql("""
				update unlicensed_institution set rechecked_on = :on, recheck_due = null, version = version + 1
				where id = :id and version = :version and status = 'BANNED' and recheck_due is not null""")
			.param("on", Date.valueOf(on))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	Optional<UnlicensedInstitution> byId(DataScope scope, long id) {
		return scope
			.bind(jdbc.sql("select u.* from unlicensed_institution u where u.id = :id and " + DataScope.where("u")))
			.param("id", id)
			.query((rs, n) -> institution(rs))
			.optional();
	}

	Optional<Long> reopenedAs(long id) {
		return jdbc.sql("select id from unlicensed_institution where previous_id = ? order by id limit 1")
			.param(id)
			.query(Long.class)
			.optional();
	}

	Paged<UnlicensedInstitution> search(DataScope scope, InstitutionFilter filter, PageRequest page, LocalDate today) {
		List<UnlicensedInstitution> items = bind(
				jdbc.sql("select u.* " + FILTER
						+ " order by u.status, u.deadline, u.id desc limit :limit offset :offset"),
				scope, filter, today)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> institution(rs))
			.list();
		return new Paged<>(items, page.page(), page.size(), count(scope, filter, today));
	}

	long count(DataScope scope, InstitutionFilter filter, LocalDate today) {
		return bind(jdbc.sql("select count(*) " + FILTER), scope, filter, today).query(Long.class).single();
	}

	boolean any() {
		return jdbc.sql("select exists (select 1 from unlicensed_institution)").query(Boolean.class).single();
	}

	private static StatementSpec bind(StatementSpec spec, DataScope scope, InstitutionFilter f, LocalDate today) {
		String text = f.text() == null ? null
				: "%" + f.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return scope.bind(spec)
			.param("kind", f.kind() == null ? null : f.kind().name())
			.param("status", f.status() == null ? null : f.status().name())
			.param("region", f.regionCode())
			.param("overdue", Boolean.TRUE.equals(f.overdue()))
			.param("recheck", Boolean.TRUE.equals(f.recheck()))
			.param("text", text)
			.param("today", Date.valueOf(today));
	}

	private static UnlicensedInstitution institution(ResultSet rs) throws SQLException {
		return new UnlicensedInstitution(rs.getLong("id"), InstitutionKind.valueOf(rs.getString("kind")),
				rs.getString("name"), rs.getString("address"), rs.getBigDecimal("longitude"),
				rs.getBigDecimal("latitude"), rs.getString("input_system"), rs.getBigDecimal("input_longitude"),
				rs.getBigDecimal("input_latitude"), rs.getString("operator"), rs.getInt("children"),
				rs.getString("found_by"), date(rs, "found_on"), rs.getString("region_code"),
				longOrNull(rs, "education_bureau_id"), rs.getLong("police_station_id"), longOrNull(rs, "township_id"),
				rs.getString("department"), date(rs, "deadline"), InstitutionStatus.valueOf(rs.getString("status")),
				rs.getString("licence_no"), date(rs, "closed_on"), rs.getString("closed_by"), date(rs, "recheck_due"),
				date(rs, "rechecked_on"), longOrNull(rs, "previous_id"), rs.getString("registered_by"),
				rs.getString("registered_unit"), rs.getTimestamp("registered_at").toInstant(), rs.getInt("version"));
	}

	private static Long longOrNull(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

}
