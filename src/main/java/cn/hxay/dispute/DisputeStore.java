package cn.hxay.dispute;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.SchoolUnits;
import cn.hxay.school.School;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.database.SqlFilter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/** The dispute register in PostgreSQL, read through a scope. */
@Repository
class DisputeStore {

	private final JdbcClient jdbc;

	DisputeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(NewDispute d, School school, Instant now, String username, String unit) {
		SchoolUnits u = school.units();
		return jdbc.sql("""
				insert into dispute (kind, school_id, school_name, region_code, school_unit_id, education_bureau_id,
				  police_station_id, township_id, title, description, parties, responsible_unit, responsible_officer,
				  deadline, status, registered_at, registered_by, registered_unit)
				values (:kind, :school, :schoolName, :region, :unit, :bureau, :station, :township, :title, :description,
				  :parties, :responsibleUnit, :officer, :deadline, 'OPEN', :now, :username, :registeredUnit)
				returning id""")
			.param("kind", d.kind().name())
			.param("school", school.id())
			.param("schoolName", school.name())
			.param("region", school.regionCode())
			.param("unit", u.school())
			.param("bureau", u.educationBureau())
			.param("station", u.policeStation())
			.param("township", u.township())
			.param("title", d.title().strip())
			.param("description", d.description().strip())
			.param("parties", d.parties().strip())
			.param("responsibleUnit", d.responsibleUnit().strip())
			.param("officer", d.responsibleOfficer().strip())
			.param("deadline", Date.valueOf(d.deadline()))
			.param("now", Timestamp.from(now))
			.param("username", username)
			.param("registeredUnit", unit)
			.query(Long.class)
			.single();
	}

	boolean escalate(long id, int version, String reason, Instant at) {
		return jdbc.sql("""
				update dispute set escalated_at = :at, escalation_reason = :reason, version = version + 1
				where id = :id and version = :version and status = 'OPEN' and escalated_at is null""")
			.param("at", Timestamp.from(at))
			.param("reason", reason)
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	boolean resolve(long id, int version, String resolution, Instant at, String by) {
		return jdbc.sql("""
				update dispute set status = 'RESOLVED', resolution = :resolution, resolved_at = :at, resolved_by = :by,
				  version = version + 1
				where id = :id and version = :version and status = 'OPEN'""")
			.param("resolution", resolution)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	Optional<Dispute> byId(DataScope scope, long id) {
		return scope.bind(jdbc.sql("select d.* from dispute d where d.id = :id and " + DataScope.where("d")))
			.param("id", id)
			.query((rs, n) -> dispute(rs))
			.optional();
	}

	Paged<Dispute> search(DataScope scope, DisputeFilter filter, PageRequest page, LocalDate today) {
		SqlFilter where = where(filter);
		return where.page(jdbc, "d.*", "dispute d", "d.status, d.deadline, d.id desc", page,
				spec -> bind(scope.bind(spec), where, today), (rs, n) -> dispute(rs));
	}

	long count(DataScope scope, DisputeFilter filter, LocalDate today) {
		SqlFilter where = where(filter);
		return where.count(jdbc, "dispute d", spec -> bind(scope.bind(spec), where, today));
	}

	/** Counts grouped by {@code school_id} or {@code region_code}. */
	List<DisputeCount> counts(DataScope scope, boolean bySchool, LocalDate today) {
		String key = bySchool ? "d.school_id::text" : "d.region_code";
		String name = bySchool ? "max(d.school_name)" : "d.region_code";
		return scope
			.bind(jdbc.sql("select " + key + " as k, " + name + " as name, count(*) as total, "
					+ "count(*) filter (where d.status <> 'RESOLVED') as unresolved, "
					+ "count(*) filter (where d.escalated_at is not null) as escalated, "
					+ "count(*) filter (where d.status <> 'RESOLVED' and d.deadline < :today) as overdue "
					+ "from dispute d where " + DataScope.where("d") + " group by " + key
					+ (bySchool ? "" : ", d.region_code") + " order by 1"))
			.param("today", Date.valueOf(today))
			.query((rs, n) -> new DisputeCount(rs.getString("k"), rs.getString("name"), rs.getLong("total"),
					rs.getLong("unresolved"), rs.getLong("escalated"), rs.getLong("overdue")))
			.list();
	}

	boolean any() {
		return jdbc.sql("select exists (select 1 from dispute)").query(Boolean.class).single();
	}

	private static SqlFilter where(DisputeFilter f) {
		SqlFilter where = new SqlFilter(DataScope.where("d"));
		if (f.kind() != null) {
			where.and("d.kind = :kind", "kind", f.kind().name());
		}
		if (f.status() != null) {
			where.and("d.status = :status", "status", f.status().name());
		}
		if (f.regionCode() != null) {
			where.and("d.region_code = :region", "region", f.regionCode());
		}
		if (f.schoolId() != null) {
			where.and("d.school_id = :school", "school", f.schoolId());
		}
		if (Boolean.TRUE.equals(f.overdue())) {
			where.and("d.status = 'OPEN' and d.deadline < :today");
		}
		if (Boolean.TRUE.equals(f.escalated())) {
			where.and("d.escalated_at is not null");
		}
		if (f.text() != null) {
			where.and("(d.school_name ilike :text or d.title ilike :text or d.parties ilike :text)", "text",
					SqlFilter.containing(f.text()));
		}
		return where;
	}

	private static StatementSpec bind(StatementSpec spec, SqlFilter where, LocalDate today) {
		return where.bind(spec, "today", today == null ? null : Date.valueOf(today));
	}

	private static Dispute dispute(ResultSet rs) throws SQLException {
		return new Dispute(rs.getLong("id"), DisputeKind.valueOf(rs.getString("kind")), rs.getLong("school_id"),
				rs.getString("school_name"), rs.getString("region_code"), rs.getString("title"),
				rs.getString("description"), rs.getString("parties"), rs.getString("responsible_unit"),
				rs.getString("responsible_officer"), rs.getDate("deadline").toLocalDate(),
				DisputeStatus.valueOf(rs.getString("status")), instant(rs, "escalated_at"),
				rs.getString("escalation_reason"), rs.getString("resolution"), instant(rs, "resolved_at"),
				rs.getString("resolved_by"), instant(rs, "registered_at"), rs.getString("registered_by"),
				rs.getString("registered_unit"), rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
