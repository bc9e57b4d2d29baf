package cn.hxay.keyperson;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import cn.hxay.organisation.DataScope;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.crypto.FieldCipher;
import cn.hxay.shared.crypto.KeyRing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Key persons in PostgreSQL. Every read of a person applies the caller's data scope on
 * {@code unit_ids} (the responsible station); numbers are decrypted only to be masked,
 * except in {@link #numbers}.
 */
@Repository
class KeyPersonStore {

	private static final String FILTER = """
			from key_person p where %s
			 and (cast(:category as varchar) is null or p.category = :category)
			 and (cast(:risk as varchar) is null or p.risk = :risk)
			 and (cast(:status as varchar) is null or p.status = :status)
			 and (cast(:overdue as boolean) is null or (p.status = 'UNDER_CONTROL' and p.next_visit_due < :today) = :overdue)
			 and (cast(:name as varchar) is null or p.name like :name)
			 and (cast(:hmacs as varchar[]) is null or p.id_number_hmac = any(:hmacs))"""
		.formatted(DataScope.where("p"));

	private final JdbcClient jdbc;

	private final FieldCipher keys;

	KeyPersonStore(JdbcClient jdbc, KeyRing keys) {
		this.jdbc = jdbc;
		this.keys = keys.cipher(KeyPersons.CIPHER);
	}

	List<Category> categories() {
		return jdbc.sql("select * from key_person_category order by sort_order")
			.query((rs, n) -> new Category(rs.getString("code"), rs.getString("label"), rs.getInt("low_days"),
					rs.getInt("medium_days"), rs.getInt("high_days"), rs.getString("source")))
			.list();
	}

	long insert(String name, String idCipher, String idHmac, String phoneCipher, KeyPersonDetails d,
			ControlStatus status, LocalDate since, LocalDate nextDue, String by, Instant at) {
		return jdbc
			.sql("""
					insert into key_person (name, id_number_cipher, id_number_hmac, phone_cipher, address, longitude, latitude,
					  station_id, officer, risk, category, status, controlled_since, measures, guardians, community_contacts,
					  visit_interval_days, next_visit_due, created_by, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(name, idCipher, idHmac, phoneCipher, d.address().strip(), d.longitude(), d.latitude(),
					d.stationId(), d.officer().strip(), d.risk().name(), d.category(), status.name(), since,
					blank(d.measures()), blank(d.guardians()), blank(d.communityContacts()), d.visitIntervalDays(),
					nextDue, by, Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	Optional<KeyPerson> byId(long id, DataScope scope) {
		return scope.bind(jdbc.sql("select * from key_person p where p.id = :id and " + DataScope.where("p")))
			.param("id", id)
			.query(this::map)
			.optional();
	}

	boolean exists(long id) {
		return jdbc.sql("select count(*) from key_person where id = ?").param(id).query(Long.class).single() > 0;
	}

	boolean any() {
		return jdbc.sql("select exists (select 1 from key_person)").query(Boolean.class).single();
	}

	Paged<KeyPerson> page(DataScope scope, KeyPersonFilter filter, List<String> hmacs, LocalDate today,
			PageRequest page) {
		UnaryOperator<JdbcClient.StatementSpec> bind = spec -> bind(spec, scope, filter, hmacs, today);
		long total = bind.apply(jdbc.sql("select count(*)" + FILTER)).query(Long.class).single();
		List<KeyPerson> items = bind.apply(jdbc.sql("select p.*" + FILTER
				+ " order by (p.status = 'UNDER_CONTROL') desc, p.next_visit_due nulls last, p.id limit :limit offset :offset"))
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::map)
			.list();
		return new Paged<>(items, page.page(), page.size(), total);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DataScope scope, KeyPersonFilter filter,
			List<String> hmacs, LocalDate today) {
		return scope.bind(spec)
			.param("category", filter.category() == null || filter.category().isBlank() ? null : filter.category())
			.param("risk", filter.risk() == null ? null : filter.risk().name())
			.param("status", filter.status() == null ? null : filter.status().name())
			.param("overdue", filter.overdue())
			.param("today", today)
			.param("name",
					filter.name() == null || filter.name().isBlank() ? null
							: "%" + filter.name().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
									+ "%")
			.param("hmacs", hmacs == null ? null : hmacs.toArray(String[]::new));
	}

	/**
	 * Saves the mutable parts if nobody saved since the person was read; false when
	 * someone did.
	 */
	boolean update(KeyPerson p) {
		ControlPlan plan = p.plan();
		return jdbc.sql("""
				update key_person set name = ?, address = ?, longitude = ?, latitude = ?, station_id = ?, officer = ?,
				  risk = ?, category = ?, status = ?, status_reason = ?, review_date = ?, controlled_since = ?,
				  measures = ?, guardians = ?, community_contacts = ?, visit_interval_days = ?, last_visit_date = ?,
				  next_visit_due = ?, version = version + 1
				where id = ? and version = ?""")
			.params(p.name(), p.address(), p.longitude(), p.latitude(), p.stationId(), p.officer(), p.risk().name(),
					p.category(), p.status().name(), p.statusReason(), p.reviewDate(), p.controlledSince(),
					blank(plan.measures()), blank(plan.guardians()), blank(plan.communityContacts()),
					plan.visitIntervalDays(), p.lastVisitDate(), p.nextVisitDue(), p.id(), p.version())
			.update() == 1;
	}

	void replaceIdNumber(long id, String cipher, String hmac) {
		jdbc.sql("update key_person set id_number_cipher = ?, id_number_hmac = ? where id = ?")
			.params(cipher, hmac, id)
			.update();
	}

	void replacePhone(long id, String cipher) {
		jdbc.sql("update key_person set phone_cipher = ? where id = ?").params(cipher, id).update();
	}

	/** The stored ciphertexts of one person in scope: id number, phone. */
	Optional<String[]> numbers(long id, DataScope scope) {
		return scope
			.bind(jdbc.sql("select id_number_cipher, phone_cipher from key_person p where p.id = :id and "
					+ DataScope.where("p")))
			.param("id", id)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional();
	}

	/** Ids of persons with a value written under an older key. */
	List<Long> staleIds(String currentKeyId) {
		return jdbc.sql("""
				select id from key_person where id_number_cipher not like :prefix
				  or (phone_cipher is not null and phone_cipher not like :prefix) order by id""")
			.param("prefix", currentKeyId + ":%")
			.query(Long.class)
			.list();
	}

	Optional<String[]> numbersForUpdate(long id) {
		return jdbc.sql("select id_number_cipher, phone_cipher from key_person where id = ? for update")
			.param(id)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional();
	}

	void insertVisit(long personId, NewVisit v, String by, Instant at) {
		jdbc.sql("""
				insert into key_person_visit (key_person_id, visited_on, officer, findings, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(personId, v.visitedOn(), v.officer().strip(), v.findings().strip(), by, Timestamp.from(at))
			.update();
	}

	List<Visit> visits(long personId) {
		return jdbc.sql("select * from key_person_visit where key_person_id = ? order by visited_on desc, id desc")
			.param(personId)
			.query((rs, n) -> new Visit(rs.getLong("id"), rs.getObject("visited_on", LocalDate.class),
					rs.getString("officer"), rs.getString("findings"), rs.getString("recorded_by"),
					rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	void step(long personId, String action, String actor, Instant at, String reason, LocalDate review, String detail) {
		jdbc.sql("""
				insert into key_person_step (key_person_id, action, actor, at, reason, review_date, detail)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(personId, action, actor, Timestamp.from(at), reason, review,
					detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500))
			.update();
	}

	List<StatusStep> steps(long personId) {
		return jdbc.sql("select * from key_person_step where key_person_id = ? order by id desc")
			.param(personId)
			.query((rs, n) -> new StatusStep(rs.getString("action"), rs.getString("actor"),
					rs.getTimestamp("at").toInstant(), rs.getString("reason"),
					rs.getObject("review_date", LocalDate.class), rs.getString("detail")))
			.list();
	}

	List<NearbySchool> nearby(long personId) {
		return jdbc.sql("""
				select school_id, school_name, distance_m from key_person_school where key_person_id = ?
				order by distance_m, school_name""")
			.param(personId)
			.query((rs, n) -> new NearbySchool(rs.getLong(1), rs.getString(2), rs.getInt(3)))
			.list();
	}

	/**
	 * Replaces one person's nearby schools; an upsert, because a school's change may be
	 * recomputing the same pair at the same moment.
	 */
	void replaceNearby(long personId, List<NearbySchool> schools) {
		jdbc.sql("delete from key_person_school where key_person_id = ?").param(personId).update();
		for (NearbySchool s : schools) {
			jdbc.sql(
					"insert into key_person_school (key_person_id, school_id, school_name, distance_m) values (?, ?, ?, ?)"
							+ " on conflict (key_person_id, school_id) do update set school_name = excluded.school_name,"
							+ " distance_m = excluded.distance_m")
				.params(personId, s.schoolId(), s.schoolName(), s.distanceMetres())
				.update();
		}
	}

	/**
	 * Every person with coordinates: id, latitude, longitude (for a school that moved).
	 */
	List<double[]> locations() {
		return jdbc
			.sql("select id, latitude, longitude from key_person where latitude is not null and longitude is not null")
			.query((rs, n) -> new double[] { rs.getLong(1), rs.getDouble(2), rs.getDouble(3) })
			.list();
	}

	void replaceSchool(long schoolId, String schoolName, List<long[]> personAndDistance) {
		jdbc.sql("delete from key_person_school where school_id = ?").param(schoolId).update();
		for (long[] row : personAndDistance) {
			jdbc.sql(
					"insert into key_person_school (key_person_id, school_id, school_name, distance_m) values (?, ?, ?, ?)"
							+ " on conflict (key_person_id, school_id) do update set school_name = excluded.school_name,"
							+ " distance_m = excluded.distance_m")
				.params(row[0], schoolId, schoolName, (int) row[1])
				.update();
		}
	}

	private KeyPerson map(ResultSet rs, int row) throws SQLException {
		Integer interval = (Integer) rs.getObject("visit_interval_days");
		return new KeyPerson(rs.getLong("id"), rs.getString("name"),
				masked("id_number", rs.getString("id_number_cipher"), true),
				masked("phone", rs.getString("phone_cipher"), false), rs.getString("address"),
				rs.getBigDecimal("longitude"), rs.getBigDecimal("latitude"), rs.getLong("station_id"),
				rs.getString("officer"), RiskLevel.valueOf(rs.getString("risk")), rs.getString("category"),
				ControlStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
				rs.getObject("review_date", LocalDate.class), rs.getObject("controlled_since", LocalDate.class),
				new ControlPlan(rs.getString("measures"), rs.getString("guardians"), rs.getString("community_contacts"),
						interval),
				rs.getObject("last_visit_date", LocalDate.class), rs.getObject("next_visit_due", LocalDate.class),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
	}

	private String masked(String field, String cipher, boolean idNumber) {
		if (cipher == null) {
			return null;
		}
		try {
			String plain = keys.decrypt(field, cipher);
			return idNumber ? PersonalNumbers.maskIdNumber(plain) : PersonalNumbers.maskPhone(plain);
		}
		catch (IllegalStateException ex) {
			return "（密文无法解密）";
		}
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static BigDecimal scaled(BigDecimal coordinate) {
		return coordinate == null ? null : coordinate.setScale(6, java.math.RoundingMode.HALF_UP);
	}

	/** Key persons under control within the nearby radius, per school, in scope. */
	java.util.Map<Long, Long> nearbyBySchool(DataScope scope) {
		java.util.Map<Long, Long> result = new java.util.HashMap<>();
		scope.bind(jdbc.sql("select ks.school_id, count(*) from key_person_school ks join key_person p"
				+ " on p.id = ks.key_person_id where p.status = 'UNDER_CONTROL' and " + DataScope.where("p")
				+ " group by ks.school_id"))
			.query((rs, n) -> result.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return result;
	}

}
