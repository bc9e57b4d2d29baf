package cn.hxay.drill;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Drills, their photos, safety sessions and group activities in PostgreSQL, read through
 * a scope.
 */
@Repository
class DrillStore {

	private final JdbcClient jdbc;

	DrillStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(School school, DrillType type, LocalDate plannedOn, LocalDate heldOn, Integer participants,
			Integer minutes, String scenario, String lessons, String by, Instant at) {
		return jdbc.sql("""
				insert into drill (school_id, school_name, region_code, unit_ids, type, planned_on, held_on,
				  participants, duration_minutes, scenario, lessons, recorded_by, recorded_at)
				values (:school, :name, :region, :units, :type, :planned, :held, :participants, :minutes, :scenario,
				  :lessons, :by, :at)
				returning id""")
			.param("school", school.id())
			.param("name", school.name())
			.param("region", school.regionCode())
			.param("units", school.units().ids())
			.param("type", type.name())
			.param("planned", date(plannedOn))
			.param("held", date(heldOn))
			.param("participants", participants)
			.param("minutes", minutes)
			.param("scenario", scenario)
			.param("lessons", lessons)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	/** Records a planned drill as held; false when it was held already. */
	boolean hold(long id, LocalDate heldOn, int participants, int minutes, String scenario, String lessons, String by,
			Instant at) {
		return jdbc.sql("""
				update drill set held_on = :held, participants = :participants, duration_minutes = :minutes,
				  scenario = coalesce(:scenario, scenario), lessons = :lessons, recorded_by = :by, recorded_at = :at
				where id = :id and held_on is null""")
			.param("held", date(heldOn))
			.param("participants", participants)
			.param("minutes", minutes)
			.param("scenario", scenario)
			.param("lessons", lessons)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update() == 1;
	}

	boolean linkHazard(long id, long hazardId) {
		return jdbc.sql("update drill set hazard_id = :hazard where id = :id and hazard_id is null")
			.param("hazard", hazardId)
			.param("id", id)
			.update() == 1;
	}

	Optional<Drill> byId(DataScope scope, long id) {
		return scope.bind(jdbc.sql("select d.* from drill d where d.id = :id and " + DataScope.where("d")))
			.param("id", id)
			.query((rs, i) -> drill(rs))
			.optional();
	}

	List<Drill> list(DataScope scope, Long schoolId, DrillType type, int limit) {
		return scope
			.bind(jdbc.sql("select d.* from drill d where " + DataScope.where("d")
					+ " and (cast(:school as bigint) is null or d.school_id = :school)"
					+ " and (cast(:type as varchar) is null or d.type = :type)"
					+ " order by coalesce(d.held_on, d.planned_on) desc, d.id desc limit :limit"))
			.param("school", schoolId)
			.param("type", type == null ? null : type.name())
			.param("limit", limit)
			.query((rs, i) -> drill(rs))
			.list();
	}

	/** How many drills were held on the days {@code from}..{@code to}, both included. */
	long countHeld(DataScope scope, LocalDate from, LocalDate to) {
		return scope
			.bind(jdbc.sql("select count(*) from drill d where " + DataScope.where("d")
					+ " and d.held_on between :from and :to"))
			.param("from", date(from))
			.param("to", date(to))
			.query(Long.class)
			.single();
	}

	/** The last day held and the next day planned, as of {@code today}. */
	record Aggregate(LocalDate lastHeld, LocalDate nextPlanned) {
	}

	/** By school, then by type: what the status is computed from. */
	Map<Long, Map<DrillType, Aggregate>> aggregates(DataScope scope, LocalDate today) {
		Map<Long, Map<DrillType, Aggregate>> bySchool = new HashMap<>();
		scope.bind(jdbc.sql("""
				select d.school_id, d.type,
				  max(d.held_on) filter (where d.held_on <= :today) as last_held,
				  min(d.planned_on) filter (where d.held_on is null and d.planned_on >= :today) as next_planned
				from drill d where """ + DataScope.where("d") + " group by d.school_id, d.type"))
			.param("today", date(today))
			.query(rs -> {
				bySchool.computeIfAbsent(rs.getLong("school_id"), k -> new HashMap<>())
					.put(DrillType.valueOf(rs.getString("type")),
							new Aggregate(day(rs, "last_held"), day(rs, "next_planned")));
			});
		return bySchool;
	}

	long insertPhoto(long drillId, String type, byte[] bytes, String caption, String by, Instant at) {
		return jdbc.sql("""
				insert into drill_photo (drill_id, content_type, bytes, caption, uploaded_by, uploaded_at)
				values (:drill, :type, :bytes, :caption, :by, :at) returning id""")
			.param("drill", drillId)
			.param("type", type)
			.param("bytes", bytes)
			.param("caption", caption)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	List<DrillPhoto> photos(long drillId) {
		return jdbc.sql("""
				select id, content_type, caption, uploaded_by, uploaded_at from drill_photo
				where drill_id = :drill order by id""")
			.param("drill", drillId)
			.query((rs, i) -> new DrillPhoto(rs.getLong("id"), rs.getString("content_type"), rs.getString("caption"),
					rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant()))
			.list();
	}

	Optional<byte[]> photoBytes(long drillId, long photoId) {
		return jdbc.sql("select bytes from drill_photo where drill_id = :drill and id = :id")
			.param("drill", drillId)
			.param("id", photoId)
			.query((rs, i) -> rs.getBytes(1))
			.optional();
	}

	long insertSession(School school, SessionForm f, String by, Instant at) {
		return jdbc.sql("""
				insert into safety_session (school_id, school_name, region_code, unit_ids, kind, held_on, topic,
				  speaker, audience, recorded_by, recorded_at)
				values (:school, :name, :region, :units, :kind, :held, :topic, :speaker, :audience, :by, :at)
				returning id""")
			.param("school", school.id())
			.param("name", school.name())
			.param("region", school.regionCode())
			.param("units", school.units().ids())
			.param("kind", f.kind().name())
			.param("held", date(f.heldOn()))
			.param("topic", f.topic().strip())
			.param("speaker", f.speaker().strip())
			.param("audience", f.audience())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	List<SafetySession> sessions(DataScope scope, Long schoolId, int limit) {
		return scope
			.bind(jdbc.sql("select s.* from safety_session s where " + DataScope.where("s")
					+ " and (cast(:school as bigint) is null or s.school_id = :school)"
					+ " order by s.held_on desc, s.id desc limit :limit"))
			.param("school", schoolId)
			.param("limit", limit)
			.query((rs, i) -> new SafetySession(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"),
					SessionKind.valueOf(rs.getString("kind")), day(rs, "held_on"), rs.getString("topic"),
					rs.getString("speaker"), rs.getInt("audience"), rs.getString("recorded_by")))
			.list();
	}

	long insertActivity(School school, ActivityForm f, String leaderName, String by, Instant at) {
		return jdbc.sql("""
				insert into group_activity (school_id, school_name, region_code, unit_ids, held_on, title, people,
				  leader_responsible, leader_name, recorded_by, recorded_at)
				values (:school, :name, :region, :units, :held, :title, :people, :led, :leader, :by, :at)
				returning id""")
			.param("school", school.id())
			.param("name", school.name())
			.param("region", school.regionCode())
			.param("units", school.units().ids())
			.param("held", date(f.heldOn()))
			.param("title", f.title().strip())
			.param("people", f.people())
			.param("led", f.ledBySchoolLeader())
			.param("leader", leaderName)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	List<GroupActivity> activities(DataScope scope, Long schoolId, int limit) {
		return scope
			.bind(jdbc.sql("select a.* from group_activity a where " + DataScope.where("a")
					+ " and (cast(:school as bigint) is null or a.school_id = :school)"
					+ " order by a.held_on desc, a.id desc limit :limit"))
			.param("school", schoolId)
			.param("limit", limit)
			.query((rs, i) -> new GroupActivity(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"),
					day(rs, "held_on"), rs.getString("title"), rs.getInt("people"), rs.getBoolean("leader_responsible"),
					rs.getString("leader_name"), rs.getString("recorded_by")))
			.list();
	}

	/** Annex 1's figures per school with any session or activity in the period. */
	List<AnnexFigures> annex(DataScope scope, LocalDate from, LocalDate to) {
		return scope.bind(jdbc.sql("""
				with s as (
				  select school_id, max(school_name) as school_name, max(region_code) as region_code,
				    count(*) filter (where kind = 'EDUCATION') as education,
				    count(*) filter (where kind = 'LEGAL_LECTURE') as lectures, sum(audience) as audience
				  from safety_session x where held_on between :from and :to and """ + DataScope.where("x") + """
				  group by school_id),
				a as (
				  select school_id, max(school_name) as school_name, max(region_code) as region_code,
				    count(*) as activities, sum(people) as people, bool_and(leader_responsible) as led
				  from group_activity y where held_on between :from and :to and """ + DataScope.where("y") + """
				  group by school_id)
				select coalesce(s.school_id, a.school_id) as school_id,
				  coalesce(s.school_name, a.school_name) as school_name,
				  coalesce(s.region_code, a.region_code) as region_code,
				  coalesce(s.education, 0) as education, coalesce(s.lectures, 0) as lectures,
				  coalesce(s.audience, 0) as audience, coalesce(a.activities, 0) as activities,
				  coalesce(a.people, 0) as people, a.led
				from s full join a on a.school_id = s.school_id
				order by region_code, school_name, school_id"""))
			.param("from", date(from))
			.param("to", date(to))
			.query((rs, i) -> new AnnexFigures(rs.getLong("school_id"), rs.getString("school_name"),
					rs.getString("region_code"), rs.getInt("education"), rs.getInt("lectures"), rs.getInt("audience"),
					rs.getInt("activities"), rs.getInt("people"), (Boolean) rs.getObject("led")))
			.list();
	}

	boolean anyDrill() {
		return jdbc.sql("select exists (select 1 from drill)").query(Boolean.class).single();
	}

	private static Drill drill(ResultSet rs) throws SQLException {
		return new Drill(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"),
				rs.getString("region_code"), DrillType.valueOf(rs.getString("type")), day(rs, "planned_on"),
				day(rs, "held_on"), (Integer) rs.getObject("participants"), (Integer) rs.getObject("duration_minutes"),
				rs.getString("scenario"), rs.getString("lessons"), (Long) rs.getObject("hazard_id"),
				rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
	}

	private static LocalDate day(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	private static Date date(LocalDate day) {
		return day == null ? null : Date.valueOf(day);
	}

}
