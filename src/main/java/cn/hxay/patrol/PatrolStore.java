package cn.hxay.patrol;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Patrol plans, points, rounds, scans and duty rosters in PostgreSQL. */
@Repository
class PatrolStore {

	private final JdbcClient jdbc;

	PatrolStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean anyPlan() {
		return jdbc.sql("select exists (select 1 from patrol_plan)").query(Boolean.class).single();
	}

	Optional<PatrolPlan> plan(long schoolId) {
		return jdbc.sql("select * from patrol_plan where school_id = :school")
			.param("school", schoolId)
			.query((rs, i) -> new PatrolPlan(rs.getLong("school_id"), rs.getInt("rounds_per_day"),
					rs.getInt("min_seconds_between"), rs.getInt("round_minutes")))
			.optional();
	}

	void savePlan(School school, PatrolPlan plan, String by, Instant at) {
		jdbc.sql(
				"""
						insert into patrol_plan (school_id, school_name, rounds_per_day, min_seconds_between, round_minutes,
						  updated_by, updated_at, unit_ids)
						values (:school, :name, :rounds, :seconds, :minutes, :by, :at, :units)
						on conflict (school_id) do update set school_name = excluded.school_name,
						  rounds_per_day = excluded.rounds_per_day, min_seconds_between = excluded.min_seconds_between,
						  round_minutes = excluded.round_minutes, updated_by = excluded.updated_by, updated_at = excluded.updated_at,
						  unit_ids = excluded.unit_ids""")
			.param("school", school.id())
			.param("name", school.name())
			.param("rounds", plan.roundsPerDay())
			.param("seconds", plan.minSecondsBetween())
			.param("minutes", plan.roundMinutes())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("units", school.units().ids())
			.update();
	}

	boolean addPoint(School school, String name, int order, String token, Instant at) {
		return jdbc.sql("""
				insert into patrol_point (school_id, name, token, sort_order, created_at, unit_ids)
				values (:school, :name, :token, :order, :at, :units)
				on conflict do nothing""")
			.param("school", school.id())
			.param("name", name)
			.param("token", token)
			.param("order", order)
			.param("at", Timestamp.from(at))
			.param("units", school.units().ids())
			.update() == 1;
	}

	List<PatrolPoint> points(long schoolId) {
		return jdbc.sql("select * from patrol_point where school_id = :school and active order by sort_order, id")
			.param("school", schoolId)
			.query(PatrolStore::point)
			.list();
	}

	Optional<PatrolPoint> pointByToken(String token) {
		return jdbc.sql("select * from patrol_point where token = :token and active")
			.param("token", token)
			.query(PatrolStore::point)
			.optional();
	}

	Optional<PatrolPoint> point(DataScope scope, long id) {
		return scope.bind(jdbc.sql("select p.* from patrol_point p where p.id = :id and " + DataScope.where("p")))
			.param("id", id)
			.query(PatrolStore::point)
			.optional();
	}

	/** The guard's newest round of the day that is not finished, locked. */
	Optional<PatrolRound> lastUnfinished(long schoolId, String guard, LocalDate day, int roundMinutes) {
		return jdbc.sql("""
				select * from patrol_round where school_id = :school and guard_username = :guard and day = :day
				  and points_scanned < points_total and ended_at is null
				order by id desc limit 1 for update""")
			.param("school", schoolId)
			.param("guard", guard)
			.param("day", Date.valueOf(day))
			.query((rs, i) -> round(rs, roundMinutes))
			.optional();
	}

	boolean scanned(long roundId, long pointId) {
		return jdbc.sql("select exists (select 1 from patrol_scan where round_id = :round and point_id = :point)")
			.param("round", roundId)
			.param("point", pointId)
			.query(Boolean.class)
			.single();
	}

	void end(long roundId, Instant at) {
		jdbc.sql("update patrol_round set ended_at = :at where id = :id")
			.param("id", roundId)
			.param("at", Timestamp.from(at))
			.update();
	}

	long startRound(School school, String guard, String guardName, LocalDate day, int points, Instant at) {
		return jdbc.sql("""
				insert into patrol_round (school_id, guard_username, guard_name, day, started_at, last_scan_at,
				  points_total, points_scanned, unit_ids)
				values (:school, :guard, :name, :day, :at, :at, :points, 0, :units) returning id""")
			.param("school", school.id())
			.param("guard", guard)
			.param("name", guardName)
			.param("day", Date.valueOf(day))
			.param("at", Timestamp.from(at))
			.param("points", points)
			.param("units", school.units().ids())
			.query(Long.class)
			.single();
	}

	/**
	 * Adds a scan to a round; {@code seconds} since the previous point, or null for the
	 * first.
	 */
	void scan(long roundId, long pointId, Instant at, Integer seconds, boolean tooFast) {
		jdbc.sql("insert into patrol_scan (round_id, point_id, at) values (:round, :point, :at)")
			.param("round", roundId)
			.param("point", pointId)
			.param("at", Timestamp.from(at))
			.update();
		jdbc.sql("""
				update patrol_round set points_scanned = points_scanned + 1, last_scan_at = :at,
				  too_fast = too_fast or :fast,
				  fastest_seconds = case when :seconds::int is null then fastest_seconds
				                         else least(coalesce(fastest_seconds, :seconds::int), :seconds::int) end
				where id = :id""")
			.param("id", roundId)
			.param("at", Timestamp.from(at))
			.param("fast", tooFast)
			.param("seconds", seconds)
			.update();
	}

	Optional<PatrolRound> round(long id, int roundMinutes) {
		return jdbc.sql("select * from patrol_round where id = :id")
			.param("id", id)
			.query((rs, i) -> round(rs, roundMinutes))
			.optional();
	}

	List<PatrolRound> rounds(long schoolId, LocalDate day, int roundMinutes) {
		return jdbc.sql("select * from patrol_round where school_id = :school and day = :day order by started_at, id")
			.param("school", schoolId)
			.param("day", Date.valueOf(day))
			.query((rs, i) -> round(rs, roundMinutes))
			.list();
	}

	/**
	 * Each school in the scope that has a patrol plan, with its figures of a day as
	 * {@link PatrolRound} judges them at {@code now} (the same rules in SQL).
	 */
	List<SchoolPatrolStatus> statuses(DataScope scope, LocalDate day, Instant now) {
		return statuses(scope, day, now, 2000);
	}

	/**
	 * As {@link #statuses(DataScope, LocalDate, Instant)}, at most {@code limit} schools.
	 */
	List<SchoolPatrolStatus> statuses(DataScope scope, LocalDate day, Instant now, int limit) {
		return scope
			.bind(jdbc
				.sql("""
						select pl.school_id, pl.school_name, pl.rounds_per_day,
						  (select count(*) from patrol_point p where p.school_id = pl.school_id and p.active) as points,
						  (select count(*) from patrol_round r where r.school_id = pl.school_id and r.day = :day
						     and r.points_scanned >= r.points_total and not r.too_fast) as valid,
						  (select count(*) from patrol_round r where r.school_id = pl.school_id and r.day = :day
						     and (r.too_fast or (r.points_scanned < r.points_total and (r.ended_at is not null
						       or r.started_at + make_interval(mins => pl.round_minutes) <= :now or r.day <> :today)))) as flagged
						from patrol_plan pl where """
						+ DataScope.where("pl") + " order by pl.school_name, pl.school_id limit :limit"))
			.param("limit", limit)
			.param("day", Date.valueOf(day))
			.param("now", Timestamp.from(now))
			.param("today", Date.valueOf(cn.hxay.shared.PlatformTime.dayOf(now)))
			.query((rs, i) -> new SchoolPatrolStatus(rs.getLong("school_id"), rs.getString("school_name"),
					rs.getInt("rounds_per_day"), rs.getInt("valid"), rs.getInt("flagged"), rs.getInt("points")))
			.list();
	}

	boolean addDuty(School school, NewDuty duty, String person, String by, Instant at) {
		return jdbc
			.sql("""
					insert into school_duty_roster (school_id, day, person, leader, holiday, created_by, created_at, unit_ids)
					values (:school, :day, :person, :leader, :holiday, :by, :at, :units) on conflict do nothing""")
			.param("school", school.id())
			.param("day", Date.valueOf(duty.day()))
			.param("person", person)
			.param("leader", Boolean.TRUE.equals(duty.leader()))
			.param("holiday", Boolean.TRUE.equals(duty.holiday()))
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("units", school.units().ids())
			.update() == 1;
	}

	List<DutyEntry> roster(long schoolId, LocalDate from, int limit) {
		return jdbc
			.sql("""
					select * from school_duty_roster where school_id = :school and day >= :from order by day, leader desc, id
					limit :limit""")
			.param("school", schoolId)
			.param("from", Date.valueOf(from))
			.param("limit", limit)
			.query((rs, i) -> new DutyEntry(rs.getLong("id"), rs.getLong("school_id"), rs.getDate("day").toLocalDate(),
					rs.getString("person"), rs.getBoolean("leader"), rs.getBoolean("holiday")))
			.list();
	}

	/** Days from {@code from} on that have someone on duty but no leader. */
	long daysWithoutLeader(long schoolId, LocalDate from) {
		return jdbc.sql("""
				select count(*) from (select day from school_duty_roster where school_id = :school and day >= :from
				  group by day having not bool_or(leader)) d""")
			.param("school", schoolId)
			.param("from", Date.valueOf(from))
			.query(Long.class)
			.single();
	}

	private static PatrolPoint point(ResultSet rs, int row) throws SQLException {
		return new PatrolPoint(rs.getLong("id"), rs.getLong("school_id"), rs.getString("name"), rs.getString("token"),
				rs.getInt("sort_order"), rs.getBoolean("active"));
	}

	private static PatrolRound round(ResultSet rs, int roundMinutes) throws SQLException {
		Timestamp ended = rs.getTimestamp("ended_at");
		return new PatrolRound(rs.getLong("id"), rs.getLong("school_id"), rs.getString("guard_name"),
				rs.getDate("day").toLocalDate(), rs.getTimestamp("started_at").toInstant(),
				rs.getTimestamp("last_scan_at").toInstant(), ended == null ? null : ended.toInstant(),
				rs.getInt("points_total"), rs.getInt("points_scanned"), rs.getBoolean("too_fast"),
				(Integer) rs.getObject("fastest_seconds"), roundMinutes);
	}

}
