package cn.hxay.dutypost;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Posts, bells, rosters, check-ins and gaps in PostgreSQL, read through a data scope. */
@Repository
class DutyPostStore {

	private final JdbcClient jdbc;

	DutyPostStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertPost(School school, String gate, BigDecimal latitude, BigDecimal longitude, Instant at,
			String username) {
		return jdbc.sql("""
				insert into duty_post (school_id, school_name, region_code, station_id, gate, latitude, longitude,
				  created_at, created_by, unit_ids)
				values (:school, :name, :region, :station, :gate, :lat, :lon, :at, :by, :units)
				on conflict (school_id, gate) do nothing returning id""")
			.param("school", school.id())
			.param("name", school.name())
			.param("region", school.regionCode())
			.param("station", school.details().policeStationId())
			.param("gate", gate)
			.param("lat", latitude)
			.param("lon", longitude)
			.param("at", Timestamp.from(at))
			.param("by", username)
			.param("units", school.units().ids())
			.query(Long.class)
			.optional()
			.orElse(-1L);
	}

	/** The active posts in scope, optionally of one school. */
	List<DutyPost> posts(DataScope scope, Long schoolId) {
		return scope
			.bind(jdbc.sql("select p.* from duty_post p where p.active and " + DataScope.where("p")
					+ " and (cast(:school as bigint) is null or p.school_id = :school)"
					+ " order by p.region_code, p.school_name, p.gate, p.id"))
			.param("school", schoolId)
			.query((rs, i) -> post(rs))
			.list();
	}

	/** Every active post, for the gap job. */
	List<DutyPost> allPosts() {
		return jdbc.sql("select p.* from duty_post p where p.active order by p.id").query((rs, i) -> post(rs)).list();
	}

	Optional<DutyPost> post(DataScope scope, long id) {
		return scope.bind(jdbc.sql("select p.* from duty_post p where p.id = :id and " + DataScope.where("p")))
			.param("id", id)
			.query((rs, i) -> post(rs))
			.optional();
	}

	List<Bell> bells(Collection<Long> schoolIds) {
		if (schoolIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from duty_bell where school_id = any(:ids) order by school_id, at, kind, id")
			.param("ids", schoolIds.toArray(Long[]::new))
			.query((rs, i) -> new Bell(rs.getLong("id"), rs.getLong("school_id"), Period.valueOf(rs.getString("kind")),
					rs.getString("label"), rs.getObject("at", LocalTime.class), rs.getString("weekdays")))
			.list();
	}

	void replaceBells(School school, List<Bell> bells) {
		jdbc.sql("delete from duty_bell where school_id = :school").param("school", school.id()).update();
		for (Bell b : bells) {
			jdbc.sql("""
					insert into duty_bell (school_id, kind, label, at, weekdays, unit_ids)
					values (:school, :kind, :label, :at, :days, :units)""")
				.param("school", school.id())
				.param("kind", b.kind().name())
				.param("label", b.label())
				.param("at", b.at())
				.param("days", b.weekdays())
				.param("units", school.units().ids())
				.update();
		}
	}

	long insertRoster(DutyPost post, Long[] units, NewRoster r, Instant at, String username) {
		return jdbc
			.sql("""
					insert into duty_roster (post_id, day, period, officer_name, officer_kind, created_at, created_by, unit_ids)
					values (:post, :day, :period, :name, :kind, :at, :by, :units) returning id""")
			.param("post", post.id())
			.param("day", r.day())
			.param("period", r.period().name())
			.param("name", r.officerName())
			.param("kind", r.officerKind().name())
			.param("at", Timestamp.from(at))
			.param("by", username)
			.param("units", units)
			.query(Long.class)
			.single();
	}

	Long[] unitsOf(long postId) {
		return jdbc.sql("select unit_ids from duty_post where id = :id")
			.param("id", postId)
			.query((rs, i) -> (Long[]) rs.getArray(1).getArray())
			.single();
	}

	List<RosterEntry> roster(Collection<Long> postIds, LocalDate day) {
		if (postIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from duty_roster where post_id = any(:ids) and day = :day order by period, id")
			.param("ids", postIds.toArray(Long[]::new))
			.param("day", day)
			.query((rs, i) -> new RosterEntry(rs.getLong("id"), rs.getLong("post_id"),
					rs.getObject("day", LocalDate.class), Period.valueOf(rs.getString("period")),
					rs.getString("officer_name"), OfficerKind.valueOf(rs.getString("officer_kind"))))
			.list();
	}

	long insertCheckIn(DutyPost post, Long[] units, LocalDate day, NewCheckIn c, String username, Instant at) {
		return jdbc.sql("""
				insert into duty_check_in (post_id, day, officer_name, officer_kind, username, checked_in_at,
				  in_latitude, in_longitude, in_accuracy, in_place, car_present, unit_ids)
				values (:post, :day, :name, :kind, :username, :at, :lat, :lon, :acc, :place, :car, :units)
				returning id""")
			.param("post", post.id())
			.param("day", day)
			.param("name", c.officerName())
			.param("kind", c.officerKind().name())
			.param("username", username)
			.param("at", Timestamp.from(at))
			.param("lat", c.latitude())
			.param("lon", c.longitude())
			.param("acc", c.accuracy())
			.param("place", c.place())
			.param("car", Boolean.TRUE.equals(c.carPresent()))
			.param("units", units)
			.query(Long.class)
			.single();
	}

	boolean checkOut(long id, CheckOut out, Instant at) {
		return jdbc.sql("""
				update duty_check_in set checked_out_at = :at, out_latitude = :lat, out_longitude = :lon,
				  out_place = :place
				where id = :id and checked_out_at is null""")
			.param("at", Timestamp.from(at))
			.param("lat", out.latitude())
			.param("lon", out.longitude())
			.param("place", out.place())
			.param("id", id)
			.update() == 1;
	}

	Optional<CheckIn> checkIn(DataScope scope, long id) {
		return scope.bind(jdbc.sql("select c.* from duty_check_in c where c.id = :id and " + DataScope.where("c")))
			.param("id", id)
			.query((rs, i) -> checkIn(rs))
			.optional();
	}

	List<CheckIn> checkIns(Collection<Long> postIds, LocalDate day) {
		if (postIds.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("select * from duty_check_in where post_id = any(:ids) and day = :day order by checked_in_at, id")
			.param("ids", postIds.toArray(Long[]::new))
			.param("day", day)
			.query((rs, i) -> checkIn(rs))
			.list();
	}

	/** The open check-ins of one account on a day. */
	List<CheckIn> openCheckIns(String username, LocalDate day) {
		return jdbc.sql("""
				select * from duty_check_in where username = :username and day = :day and checked_out_at is null
				order by checked_in_at""")
			.param("username", username)
			.param("day", day)
			.query((rs, i) -> checkIn(rs))
			.list();
	}

	/** Raises a gap unless one was raised for the post, day and bell time; the new id. */
	Optional<Long> raiseGap(DutyPost post, Long[] units, LocalDate day, Bell bell, Instant at) {
		return jdbc.sql("""
				insert into duty_gap (post_id, day, bell_at, bell_kind, bell_label, raised_at, unit_ids)
				values (:post, :day, :bell, :kind, :label, :at, :units)
				on conflict (post_id, day, bell_at) do nothing returning id""")
			.param("post", post.id())
			.param("day", day)
			.param("bell", bell.at())
			.param("kind", bell.kind().name())
			.param("label", bell.label())
			.param("at", Timestamp.from(at))
			.param("units", units)
			.query(Long.class)
			.optional();
	}

	void coverGaps(long postId, LocalDate day, Instant at) {
		jdbc.sql("update duty_gap set covered_at = :at where post_id = :post and day = :day and covered_at is null")
			.param("at", Timestamp.from(at))
			.param("post", postId)
			.param("day", day)
			.update();
	}

	/** The gaps of a day in scope; only the uncovered ones when {@code openOnly}. */
	List<Gap> gaps(DataScope scope, LocalDate day, boolean openOnly) {
		return scope
			.bind(jdbc.sql("""
					select g.*, p.school_name, p.gate from duty_gap g join duty_post p on p.id = g.post_id
					where g.day = :day and (not :open or g.covered_at is null) and""" + " " + DataScope.where("g")
					+ " order by g.bell_at, p.school_name, p.gate, g.id"))
			.param("day", day)
			.param("open", openOnly)
			.query((rs, i) -> new Gap(rs.getLong("id"), rs.getLong("post_id"), rs.getString("school_name"),
					rs.getString("gate"), rs.getObject("day", LocalDate.class),
					rs.getObject("bell_at", LocalTime.class), Period.valueOf(rs.getString("bell_kind")),
					rs.getString("bell_label"), instant(rs, "raised_at"), instant(rs, "covered_at")))
			.list();
	}

	private static DutyPost post(ResultSet rs) throws SQLException {
		return new DutyPost(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"),
				rs.getString("region_code"), rs.getObject("station_id", Long.class), rs.getString("gate"),
				rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getBoolean("active"));
	}

	private static CheckIn checkIn(ResultSet rs) throws SQLException {
		return new CheckIn(rs.getLong("id"), rs.getLong("post_id"), rs.getObject("day", LocalDate.class),
				rs.getString("officer_name"), OfficerKind.valueOf(rs.getString("officer_kind")),
				rs.getString("username"), instant(rs, "checked_in_at"), rs.getBigDecimal("in_latitude"),
				rs.getBigDecimal("in_longitude"), rs.getObject("in_accuracy", Integer.class), rs.getString("in_place"),
				rs.getBoolean("car_present"), instant(rs, "checked_out_at"), rs.getString("out_place"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
