package cn.hxay.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.SchoolUnits;
import cn.hxay.school.School;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.database.SqlFilter;
import cn.hxay.shared.PlatformTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/**
 * Incidents, their reports, 三同步 steps and key-person links in PostgreSQL, read through a
 * scope.
 */
@Repository
class IncidentStore {

	private final JdbcClient jdbc;

	IncidentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(NewIncident n, School school, Instant occurredAt, Instant now, boolean late, Instant followUpDue,
			Instant finalDue, long reporterUnitId, String reporterUnit, String username, String name) {
		SchoolUnits u = school.units();
		return jdbc.sql("""
				insert into incident (type, school_id, school_name, region_code, school_unit_id, education_bureau_id,
				  police_station_id, township_id, place, occurred_at, persons, what, deaths, injured, alarm_id, status,
				  first_reported_at, first_report_late, last_reported_at, follow_up_due, final_due, reporter_unit_id,
				  reporter_unit, reporter_username, reporter_name)
				values (:type, :school, :schoolName, :region, :unit, :bureau, :station, :township, :place, :occurred,
				  :persons, :what, :deaths, :injured, :alarm, 'REPORTED', :now, :late, :now, :followUp, :finalDue,
				  :reporterUnitId, :reporterUnit, :username, :name)
				returning id""")
			.param("type", n.type().name())
			.param("school", school.id())
			.param("schoolName", school.name())
			.param("region", school.regionCode())
			.param("unit", u.school())
			.param("bureau", u.educationBureau())
			.param("station", u.policeStation())
			.param("township", u.township())
			.param("place", n.place().strip())
			.param("occurred", Timestamp.from(occurredAt))
			.param("persons", n.persons().strip())
			.param("what", n.what().strip())
			.param("deaths", n.deaths())
			.param("injured", n.injured())
			.param("alarm", n.alarmId())
			.param("now", Timestamp.from(now))
			.param("late", late)
			.param("followUp", Timestamp.from(followUpDue))
			.param("finalDue", Timestamp.from(finalDue))
			.param("reporterUnitId", reporterUnitId)
			.param("reporterUnit", reporterUnit)
			.param("username", username)
			.param("name", name)
			.query(Long.class)
			.single();
	}

	void addReport(long incidentId, ReportKind kind, String text, int deaths, int injured, Instant at, Instant due,
			boolean late, String username, String name, String unit) {
		jdbc.sql("""
				insert into incident_report (incident_id, kind, text, deaths, injured, reported_at, due_at, late,
				  username, name, unit)
				values (:incident, :kind, :text, :deaths, :injured, :at, :due, :late, :username, :name, :unit)""")
			.param("incident", incidentId)
			.param("kind", kind.name())
			.param("text", text)
			.param("deaths", deaths)
			.param("injured", injured)
			.param("at", Timestamp.from(at))
			.param("due", due == null ? null : Timestamp.from(due))
			.param("late", late)
			.param("username", username)
			.param("name", name)
			.param("unit", unit)
			.update();
	}

	/** Saves the incident after a report; false when someone else saved first. */
	boolean saveReported(Incident i, int readVersion) {
		return jdbc.sql("""
				update incident set deaths = :deaths, injured = :injured, status = :status,
				  last_reported_at = :last, follow_up_due = :followUp, final_reported_at = :finalAt,
				  overdue_flagged_at = null, version = :version
				where id = :id and version = :readVersion""")
			.param("deaths", i.deaths())
			.param("injured", i.injured())
			.param("status", i.status().name())
			.param("last", Timestamp.from(i.lastReportedAt()))
			.param("followUp", i.followUpDue() == null ? null : Timestamp.from(i.followUpDue()))
			.param("finalAt", i.finalReportedAt() == null ? null : Timestamp.from(i.finalReportedAt()))
			.param("version", i.version())
			.param("id", i.id())
			.param("readVersion", readVersion)
			.update() == 1;
	}

	void addAction(long incidentId, NewAction a, Instant doneAt, Instant now, String username, String name,
			String unit) {
		jdbc.sql("""
				insert into incident_action (incident_id, track, text, done_at, recorded_at, username, name, unit)
				values (:incident, :track, :text, :done, :now, :username, :name, :unit)""")
			.param("incident", incidentId)
			.param("track", a.track().name())
			.param("text", a.text().strip())
			.param("done", Timestamp.from(doneAt))
			.param("now", Timestamp.from(now))
			.param("username", username)
			.param("name", name)
			.param("unit", unit)
			.update();
	}

	/** Links a key person once; false when the link was there already. */
	boolean linkKeyPerson(long incidentId, long keyPersonId, Instant at, String username) {
		return jdbc.sql("""
				insert into incident_key_person (incident_id, key_person_id, linked_at, linked_by)
				values (:incident, :person, :at, :username) on conflict do nothing""")
			.param("incident", incidentId)
			.param("person", keyPersonId)
			.param("at", Timestamp.from(at))
			.param("username", username)
			.update() == 1;
	}

	List<Long> keyPersonIds(long incidentId) {
		return jdbc.sql(
				"select key_person_id from incident_key_person where incident_id = ? order by linked_at, key_person_id")
			.param(incidentId)
			.query(Long.class)
			.list();
	}

	Optional<Incident> byId(DataScope scope, long id) {
		return scope.bind(jdbc.sql("select i.* from incident i where i.id = :id and " + DataScope.where("i")))
			.param("id", id)
			.query((rs, n) -> incident(rs))
			.optional();
	}

	Incident unscoped(long id) {
		return jdbc.sql("select i.* from incident i where i.id = :id")
			.param("id", id)
			.query((rs, n) -> incident(rs))
			.single();
	}

	List<IncidentReport> reports(long incidentId) {
		return jdbc.sql("select * from incident_report where incident_id = ? order by reported_at, id")
			.param(incidentId)
			.query((rs, n) -> new IncidentReport(rs.getLong("id"), incidentId, ReportKind.valueOf(rs.getString("kind")),
					rs.getString("text"), rs.getInt("deaths"), rs.getInt("injured"), instant(rs, "reported_at"),
					instant(rs, "due_at"), rs.getBoolean("late"), rs.getString("name"), rs.getString("unit")))
			.list();
	}

	List<HandlingAction> actions(long incidentId) {
		return jdbc.sql("select * from incident_action where incident_id = ? order by done_at, id")
			.param(incidentId)
			.query((rs, n) -> new HandlingAction(rs.getLong("id"), incidentId, Track.valueOf(rs.getString("track")),
					rs.getString("text"), instant(rs, "done_at"), instant(rs, "recorded_at"), rs.getString("name"),
					rs.getString("unit")))
			.list();
	}

	/**
	 * One page of the list; the count is the same condition, so tiles and lists agree.
	 */
	Paged<Incident> search(DataScope scope, IncidentFilter filter, PageRequest page, Instant now) {
		SqlFilter where = where(filter);
		return where.page(jdbc, "i.*", "incident i", "i.occurred_at desc, i.id desc", page,
				spec -> bind(scope.bind(spec), where, now), (rs, n) -> incident(rs));
	}

	long count(DataScope scope, IncidentFilter filter, Instant now) {
		SqlFilter where = where(filter);
		return where.count(jdbc, "incident i", spec -> bind(scope.bind(spec), where, now));
	}

	/**
	 * Counts by one dimension ({@code type}, {@code month} or {@code county}) for a year.
	 */
	List<Object[]> countBy(DataScope scope, String dimension, int year) {
		String key = switch (dimension) {
			case "type" -> "i.type";
			case "month" -> "to_char(i.occurred_at at time zone :zone, 'YYYY-MM')";
			case "county" -> "i.region_code";
			default -> throw new IllegalArgumentException(dimension);
		};
		SqlFilter where = where(new IncidentFilter(null, null, null, null, year, null, null, null, null));
		return bind(scope.bind(jdbc.sql("select " + key + " as k, count(*) as n, coalesce(sum(i.deaths), 0) as d, "
				+ "coalesce(sum(i.injured), 0) as j from incident i where " + where.sql() + " group by 1 order by 1")),
				where, null)
			.param("zone", PlatformTime.ZONE_ID)
			.query((rs, n) -> new Object[] { rs.getString("k"), rs.getLong("n"), rs.getLong("d"), rs.getLong("j") })
			.list();
	}

	/**
	 * Marks the open incidents overdue at {@code now} and not yet flagged; returns them.
	 */
	List<Incident> claimOverdue(Instant now) {
		return jdbc.sql("""
				update incident set overdue_flagged_at = :now
				where status <> 'CLOSED' and overdue_flagged_at is null
				  and (follow_up_due < :now or final_due < :now)
				returning *""").param("now", Timestamp.from(now)).query((rs, n) -> incident(rs)).list();
	}

	boolean any() {
		return jdbc.sql("select exists (select 1 from incident)").query(Boolean.class).single();
	}

	private static final String OVERDUE = "(i.status <> 'CLOSED' and (i.follow_up_due < :now or i.final_due < :now))";

	private static SqlFilter where(IncidentFilter f) {
		SqlFilter where = new SqlFilter(DataScope.where("i"));
		if (f.type() != null) {
			where.and("i.type = :type", "type", f.type().name());
		}
		if (f.status() != null) {
			where.and("i.status = :status", "status", f.status().name());
		}
		if (f.regionCode() != null && !f.regionCode().isBlank()) {
			where.and("i.region_code = :region", "region", f.regionCode());
		}
		YearMonth month = f.month();
		if (month != null || f.year() != null) {
			LocalDate from = month != null ? month.atDay(1) : LocalDate.of(f.year(), 1, 1);
			LocalDate to = month != null ? month.plusMonths(1).atDay(1) : from.plusYears(1);
			where.and("i.occurred_at >= :from", "from",
					Timestamp.from(from.atStartOfDay(PlatformTime.ZONE).toInstant()));
			where.and("i.occurred_at < :to", "to", Timestamp.from(to.atStartOfDay(PlatformTime.ZONE).toInstant()));
		}
		if (f.from() != null) {
			where.and("i.occurred_at >= :fromDay", "fromDay",
					Timestamp.from(f.from().atStartOfDay(PlatformTime.ZONE).toInstant()));
		}
		if (f.to() != null) {
			where.and("i.occurred_at < :toDay", "toDay",
					Timestamp.from(f.to().plusDays(1).atStartOfDay(PlatformTime.ZONE).toInstant()));
		}
		if (Boolean.TRUE.equals(f.overdue())) {
			where.and(OVERDUE);
		}
		if (f.text() != null && !f.text().isBlank()) {
			where.and("(i.school_name ilike :text or i.place ilike :text or i.what ilike :text)", "text",
					SqlFilter.containing(f.text().strip()));
		}
		return where;
	}

	private static StatementSpec bind(StatementSpec spec, SqlFilter where, Instant now) {
		return where.bind(spec, "now", now == null ? null : Timestamp.from(now));
	}

	private static Incident incident(ResultSet rs) throws SQLException {
		long alarm = rs.getLong("alarm_id");
		Long alarmId = rs.wasNull() ? null : alarm;
		return new Incident(rs.getLong("id"), IncidentType.valueOf(rs.getString("type")), rs.getLong("school_id"),
				rs.getString("school_name"), rs.getString("region_code"),
				new SchoolUnits(rs.getLong("school_unit_id"), nullableLong(rs, "education_bureau_id"),
						nullableLong(rs, "police_station_id"), nullableLong(rs, "township_id")),
				rs.getString("place"), instant(rs, "occurred_at"), rs.getString("persons"), rs.getString("what"),
				rs.getInt("deaths"), rs.getInt("injured"), alarmId, IncidentStatus.valueOf(rs.getString("status")),
				instant(rs, "first_reported_at"), rs.getBoolean("first_report_late"), instant(rs, "last_reported_at"),
				instant(rs, "follow_up_due"), instant(rs, "final_due"), instant(rs, "final_reported_at"),
				instant(rs, "overdue_flagged_at"), rs.getString("reporter_unit"), rs.getString("reporter_name"),
				rs.getInt("version"));
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
