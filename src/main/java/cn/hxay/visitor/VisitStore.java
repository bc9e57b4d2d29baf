package cn.hxay.visitor;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Visits, ban lists, gate alerts and pick-up cards in PostgreSQL, read through a scope.
 */
@Repository
class VisitStore {

	private final JdbcClient jdbc;

	VisitStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(School school, String name, String idMasked, String idHash, String phone, String purpose, String host,
			String plate, String escort, VisitStatus status, LocalDate expectedOn, String preRegisteredBy,
			Instant checkedInAt, String checkedInBy, LocalDate day, Instant now) {
		return jdbc
			.sql("""
					insert into visit (school_id, school_name, name, id_masked, id_hash, phone, purpose, host, plate, escort,
					  status, expected_on, pre_registered_by, checked_in_at, checked_in_by, day, created_at, unit_ids)
					values (:school, :schoolName, :name, :masked, :hash, :phone, :purpose, :host, :plate, :escort, :status,
					  :expected, :pre, :in, :inBy, :day, :now, :units) returning id""")
			.param("school", school.id())
			.param("schoolName", school.name())
			.param("name", name)
			.param("masked", idMasked)
			.param("hash", idHash)
			.param("phone", phone)
			.param("purpose", purpose)
			.param("host", host)
			.param("plate", plate)
			.param("escort", escort)
			.param("status", status.name())
			.param("expected", expectedOn == null ? null : Date.valueOf(expectedOn))
			.param("pre", preRegisteredBy)
			.param("in", checkedInAt == null ? null : Timestamp.from(checkedInAt))
			.param("inBy", checkedInBy)
			.param("day", Date.valueOf(day))
			.param("now", Timestamp.from(now))
			.param("units", school.units().ids())
			.query(Long.class)
			.single();
	}

	boolean any() {
		return jdbc.sql("select exists (select 1 from visit)").query(Boolean.class).single();
	}

	boolean arrive(long id, String idMasked, String idHash, String phone, String purpose, String host, String plate,
			String escort, VisitStatus status, Instant at, String by, LocalDate day) {
		return jdbc
			.sql("""
					update visit set id_masked = :masked, id_hash = :hash, phone = :phone, purpose = :purpose, host = :host,
					  plate = :plate, escort = :escort, status = :status, checked_in_at = :at, checked_in_by = :by, day = :day
					where id = :id and status = 'EXPECTED'""")
			.param("id", id)
			.param("masked", idMasked)
			.param("hash", idHash)
			.param("phone", phone)
			.param("purpose", purpose)
			.param("host", host)
			.param("plate", plate)
			.param("escort", escort)
			.param("status", status.name())
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("day", Date.valueOf(day))
			.update() == 1;
	}

	boolean leave(long id, Instant at, String by) {
		return jdbc.sql("""
				update visit set status = 'LEFT', checked_out_at = :at, checked_out_by = :by
				where id = :id and status = 'INSIDE'""")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update() == 1;
	}

	Optional<Visit> byId(DataScope scope, long id) {
		return scope.bind(jdbc.sql("select v.* from visit v where v.id = :id and " + DataScope.where("v")))
			.param("id", id)
			.query(VisitStore::visit)
			.optional();
	}

	/** A school's visits of a day: those that came that day and those expected then. */
	List<Visit> ofSchoolDay(long schoolId, LocalDate day) {
		return jdbc.sql("""
				select v.* from visit v where v.school_id = :school and (v.day = :day or v.status = 'INSIDE')
				order by coalesce(v.checked_in_at, v.created_at) desc, v.id desc limit 500""")
			.param("school", schoolId)
			.param("day", Date.valueOf(day))
			.query(VisitStore::visit)
			.list();
	}

	/** Each school's figures of a day in the scope, the schools with any visit. */
	List<SchoolDay> figures(DataScope scope, LocalDate day) {
		return scope.bind(jdbc.sql("""
				select v.school_id, max(v.school_name) as school_name,
				  count(*) filter (where v.status <> 'EXPECTED') as visits,
				  count(*) filter (where v.status = 'INSIDE') as inside,
				  count(*) filter (where v.status = 'REFUSED') as refused
				from visit v where v.day = :day and """ + DataScope.where("v") + """
				group by v.school_id order by max(v.school_name) limit 1000"""))
			.param("day", Date.valueOf(day))
			.query((rs, i) -> new SchoolDay(rs.getLong("school_id"), rs.getString("school_name"), rs.getInt("visits"),
					rs.getInt("inside"), rs.getInt("refused")))
			.list();
	}

	/**
	 * How many visitors of a school are inside now, the list {@link #ofSchoolDay} shows.
	 */
	long insideCount(long schoolId) {
		return jdbc.sql("select count(*) from visit where school_id = :school and status = 'INSIDE'")
			.param("school", schoolId)
			.query(Long.class)
			.single();
	}

	boolean banned(long schoolId, List<String> hashes) {
		return jdbc.sql("select exists (select 1 from visit_ban where school_id = :school and id_hash in (:hashes))")
			.param("school", schoolId)
			.param("hashes", hashes)
			.query(Boolean.class)
			.single();
	}

	boolean addBan(School school, String name, String idMasked, String idHash, String reason, String by, Instant at) {
		return jdbc.sql("""
				insert into visit_ban (school_id, name, id_masked, id_hash, reason, added_by, added_at, unit_ids)
				values (:school, :name, :masked, :hash, :reason, :by, :at, :units) on conflict do nothing""")
			.param("school", school.id())
			.param("name", name)
			.param("masked", idMasked)
			.param("hash", idHash)
			.param("reason", reason)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("units", school.units().ids())
			.update() == 1;
	}

	List<Ban> bans(long schoolId) {
		return jdbc.sql("select * from visit_ban where school_id = :school order by added_at desc, id desc limit 500")
			.param("school", schoolId)
			.query((rs, i) -> new Ban(rs.getLong("id"), rs.getLong("school_id"), rs.getString("name"),
					rs.getString("id_masked"), rs.getString("reason"), rs.getString("added_by"),
					rs.getTimestamp("added_at").toInstant()))
			.list();
	}

	long alert(long visitId, School school, String source, Long keyPersonAlertId, Instant at) {
		return jdbc.sql("""
				insert into gate_alert (visit_id, school_id, school_name, station_id, source, key_person_alert_id, at)
				values (:visit, :school, :name, :station, :source, :kp, :at) returning id""")
			.param("visit", visitId)
			.param("school", school.id())
			.param("name", school.name())
			.param("station", school.units().policeStation())
			.param("source", source)
			.param("kp", keyPersonAlertId)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	List<GateAlert> alerts(DataScope scope, int limit) {
		return scope
			.bind(jdbc
				.sql("""
						select a.*, v.name as visitor, v.id_masked, v.purpose from gate_alert a join visit v on v.id = a.visit_id
						where """
						+ DataScope.where("a") + " order by a.at desc, a.id desc limit :limit"))
			.param("limit", limit)
			.query((rs, i) -> new GateAlert(rs.getLong("id"), rs.getLong("visit_id"), rs.getLong("school_id"),
					rs.getString("school_name"), rs.getTimestamp("at").toInstant(), rs.getString("visitor"),
					rs.getString("id_masked"), rs.getString("purpose"), rs.getString("source"),
					(Long) rs.getObject("key_person_alert_id")))
			.list();
	}

	long insertCard(School school, String cardNo, String child, String className, Instant at) {
		return jdbc.sql("""
				insert into pickup_card (school_id, card_no, child_name, class_name, created_at, unit_ids)
				values (:school, :no, :child, :class, :at, :units) on conflict do nothing returning id""")
			.param("school", school.id())
			.param("no", cardNo)
			.param("child", child)
			.param("class", className)
			.param("at", Timestamp.from(at))
			.param("units", school.units().ids())
			.query(Long.class)
			.optional()
			.orElse(-1L);
	}

	void insertAdult(long cardId, String name, String relation, String idMasked, String idHash) {
		jdbc.sql("""
				insert into pickup_adult (card_id, name, relation, id_masked, id_hash)
				values (:card, :name, :relation, :masked, :hash)""")
			.param("card", cardId)
			.param("name", name)
			.param("relation", relation)
			.param("masked", idMasked)
			.param("hash", idHash)
			.update();
	}

	List<PickupCard> cards(long schoolId) {
		Map<Long, PickupCard> cards = new LinkedHashMap<>();
		jdbc.sql("""
				select c.*, a.name as adult, a.relation, a.id_masked from pickup_card c
				left join pickup_adult a on a.card_id = c.id where c.school_id = :school
				order by c.class_name, c.card_no, a.id limit 2000""").param("school", schoolId).query(rs -> {
			PickupCard card = cards.computeIfAbsent(rs.getLong("id"), id -> {
				try {
					return new PickupCard(id, rs.getLong("school_id"), rs.getString("card_no"),
							rs.getString("child_name"), rs.getString("class_name"), new ArrayList<>());
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
			if (rs.getString("adult") != null) {
				card.adults()
					.add(new PickupCard.Adult(rs.getString("adult"), rs.getString("relation"),
							rs.getString("id_masked")));
			}
		});
		return new ArrayList<>(cards.values());
	}

	record CardMatch(long cardId, String childName, String className, String adultName, String relation) {
	}

	Optional<CardMatch> card(long schoolId, String cardNo) {
		return jdbc
			.sql("select id, child_name, class_name from pickup_card where school_id = :school and card_no = :no")
			.param("school", schoolId)
			.param("no", cardNo)
			.query((rs, i) -> new CardMatch(rs.getLong(1), rs.getString(2), rs.getString(3), null, null))
			.optional();
	}

	Optional<CardMatch> adultOn(long cardId, List<String> hashes) {
		return jdbc.sql("""
				select c.id, c.child_name, c.class_name, a.name, a.relation from pickup_card c
				join pickup_adult a on a.card_id = c.id where c.id = :card and a.id_hash in (:hashes) limit 1""")
			.param("card", cardId)
			.param("hashes", hashes)
			.query((rs, i) -> new CardMatch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.optional();
	}

	void recordCheck(long cardId, School school, boolean passed, String adult, String by, Instant at) {
		jdbc.sql("""
				insert into pickup_check (card_id, school_id, passed, adult_name, checked_by, at, unit_ids)
				values (:card, :school, :passed, :adult, :by, :at, :units)""")
			.param("card", cardId)
			.param("school", school.id())
			.param("passed", passed)
			.param("adult", adult)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("units", school.units().ids())
			.update();
	}

	private static Visit visit(ResultSet rs, int row) throws SQLException {
		Timestamp in = rs.getTimestamp("checked_in_at");
		Timestamp out = rs.getTimestamp("checked_out_at");
		Date expected = rs.getDate("expected_on");
		return new Visit(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"), rs.getString("name"),
				rs.getString("id_masked"), rs.getString("phone"), rs.getString("purpose"), rs.getString("host"),
				rs.getString("plate"), rs.getString("escort"), VisitStatus.valueOf(rs.getString("status")),
				expected == null ? null : expected.toLocalDate(), rs.getString("pre_registered_by"),
				in == null ? null : in.toInstant(), out == null ? null : out.toInstant(),
				rs.getDate("day").toLocalDate());
	}

}
