package cn.hxay.emergency;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plans and accidents in PostgreSQL, read through a scope. */
@Repository
class EmergencyStore {

	/** A row of a plan before its status on a day is known. */
	record PlanRow(long id, long schoolId, String schoolName, String regionCode, PlanType type, String title,
			int version, java.time.LocalDate approvedOn, java.time.LocalDate reviewDue, String recordedBy) {
	}

	private final JdbcClient jdbc;

	EmergencyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertPlan(School school, PlanForm f, String by, Instant at) {
		return jdbc.sql("""
				insert into emergency_plan (school_id, school_name, region_code, unit_ids, type, title, version,
				  approved_on, review_due, recorded_by, recorded_at)
				values (:school, :name, :region, :units, :type, :title,
				  (select coalesce(max(version), 0) + 1 from emergency_plan where school_id = :school and type = :type),
				  :approved, :review, :by, :at)
				returning id""")
			.param("school", school.id())
			.param("name", school.name())
			.param("region", school.regionCode())
			.param("units", school.units().ids())
			.param("type", f.type().name())
			.param("title", f.title().strip())
			.param("approved", Date.valueOf(f.approvedOn()))
			.param("review", Date.valueOf(f.reviewDue()))
			.param("by", by)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	/**
	 * The current (highest) version of each plan in scope, or every version of one
	 * school.
	 */
	List<PlanRow> plans(DataScope scope, Long schoolId, boolean allVersions) {
		String current = allVersions ? "" : """
				and p.version = (select max(q.version) from emergency_plan q
				  where q.school_id = p.school_id and q.type = p.type)""";
		return scope
			.bind(jdbc.sql("select p.* from emergency_plan p where " + DataScope.where("p")
					+ " and (cast(:school as bigint) is null or p.school_id = :school)" + current
					+ " order by p.region_code, p.school_name, p.school_id, p.type, p.version desc"))
			.param("school", schoolId)
			.query((rs, i) -> new PlanRow(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"),
					rs.getString("region_code"), PlanType.valueOf(rs.getString("type")), rs.getString("title"),
					rs.getInt("version"), rs.getDate("approved_on").toLocalDate(),
					rs.getDate("review_due").toLocalDate(), rs.getString("recorded_by")))
			.list();
	}

	long insertAccident(School school, AccidentForm f, String by, Instant at) {
		return jdbc.sql("""
				insert into accident (school_id, school_name, region_code, unit_ids, occurred_on, kind, description,
				  injured, handling, insurance, claim_number, claim_amount, mediation, recorded_by, recorded_at)
				values (:school, :name, :region, :units, :occurred, :kind, :description, :injured, :handling,
				  :insurance, :claim, :amount, :mediation, :by, :at)
				returning id""")
			.param("school", school.id())
			.param("name", school.name())
			.param("region", school.regionCode())
			.param("units", school.units().ids())
			.param("occurred", Date.valueOf(f.occurredOn()))
			.param("kind", f.kind().name())
			.param("description", f.description().strip())
			.param("injured", f.injured())
			.param("handling", f.handling().strip())
			.param("insurance", f.insurance().name())
			.param("claim", blank(f.claimNumber()))
			.param("amount", f.claimAmount())
			.param("mediation", blank(f.mediation()))
			.param("by", by)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	List<Accident> accidents(DataScope scope, Long schoolId) {
		return scope
			.bind(jdbc.sql("select a.* from accident a where " + DataScope.where("a")
					+ " and (cast(:school as bigint) is null or a.school_id = :school)"
					+ " order by a.occurred_on desc, a.id desc limit 500"))
			.param("school", schoolId)
			.query(EmergencyStore::accident)
			.list();
	}

	Optional<Accident> accident(DataScope scope, long id) {
		return scope.bind(jdbc.sql("select a.* from accident a where a.id = :id and " + DataScope.where("a")))
			.param("id", id)
			.query(EmergencyStore::accident)
			.optional();
	}

	private static Accident accident(ResultSet rs, int row) throws SQLException {
		return new Accident(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"),
				rs.getString("region_code"), rs.getDate("occurred_on").toLocalDate(),
				AccidentKind.valueOf(rs.getString("kind")), rs.getString("description"), rs.getInt("injured"),
				rs.getString("handling"), Insurance.valueOf(rs.getString("insurance")), rs.getString("claim_number"),
				rs.getBigDecimal("claim_amount"), rs.getString("mediation"), rs.getString("recorded_by"),
				rs.getTimestamp("recorded_at").toInstant());
	}

	/**
	 * Appends a follow-up; an insurance follow-up also sets the accident's claim as it
	 * now stands, a mediation result its mediation.
	 */
	long insertFollowUp(long accidentId, FollowUpKind kind, String body, Insurance insurance, String claimNumber,
			java.math.BigDecimal claimAmount, String by, Instant at) {
		long id = jdbc.sql("""
				insert into accident_follow_up (accident_id, kind, body, insurance, claim_number, claim_amount,
				  recorded_by, recorded_at)
				values (:accident, :kind, :body, :insurance, :claim, :amount, :by, :at)
				returning id""")
			.param("accident", accidentId)
			.param("kind", kind.name())
			.param("body", body)
			.param("insurance", insurance == null ? null : insurance.name())
			.param("claim", claimNumber)
			.param("amount", claimAmount)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
		if (kind == FollowUpKind.INSURANCE) {
			jdbc.sql("""
					update accident set insurance = :insurance, claim_number = :claim,
					  claim_amount = coalesce(:amount, claim_amount) where id = :accident""")
				.param("insurance", insurance.name())
				.param("claim", claimNumber)
				.param("amount", claimAmount)
				.param("accident", accidentId)
				.update();
		}
		else if (kind == FollowUpKind.MEDIATION) {
			jdbc.sql("update accident set mediation = :body where id = :accident")
				.param("body", body)
				.param("accident", accidentId)
				.update();
		}
		return id;
	}

	/** An accident's follow-ups, oldest first. */
	List<AccidentFollowUp> followUps(long accidentId) {
		return jdbc.sql("select * from accident_follow_up where accident_id = ? order by recorded_at, id")
			.param(accidentId)
			.query((rs, i) -> new AccidentFollowUp(rs.getLong("id"), rs.getLong("accident_id"),
					FollowUpKind.valueOf(rs.getString("kind")), rs.getString("body"),
					rs.getString("insurance") == null ? null : Insurance.valueOf(rs.getString("insurance")),
					rs.getString("claim_number"), rs.getBigDecimal("claim_amount"), rs.getString("recorded_by"),
					rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	boolean anyPlan() {
		return jdbc.sql("select exists (select 1 from emergency_plan)").query(Boolean.class).single();
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
