package cn.hxay.report;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.OrganisationKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Report definitions, targets, submissions and notices in PostgreSQL, read through a
 * scope.
 */
@Repository
class ReportStore {

	private final JdbcClient jdbc;

	ReportStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertDefinition(NewReport r, long ownerUnitId, String ownerUnit, String createdBy, Instant at,
			Long[] unitIds) {
		return jdbc.sql("""
				insert into report_definition (title, form, cadence, due_day, period_days, starts_on, ends_on,
				  final_due_on, lock_days, remind_days, target_kind, owner_unit_id, owner_unit, created_by, created_at,
				  unit_ids)
				values (:title, :form, :cadence, :due, :days, :starts, :ends, :final, :lock, :remind, :kind, :owner,
				  :ownerName, :by, :at, :units)
				returning id""")
			.param("title", r.title().strip())
			.param("form", r.form().name())
			.param("cadence", r.cadence().name())
			.param("due", r.dueDay() == null ? 0 : r.dueDay())
			.param("days", r.periodDays())
			.param("starts", r.startsOn())
			.param("ends", r.endsOn())
			.param("final", r.finalDueOn())
			.param("lock", r.lockDays() == null ? 0 : r.lockDays())
			.param("remind", r.remindDays() == null ? 0 : r.remindDays())
			.param("kind", r.targetKind().name())
			.param("owner", ownerUnitId)
			.param("ownerName", ownerUnit)
			.param("by", createdBy)
			.param("at", Timestamp.from(at))
			.param("units", unitIds)
			.query(Long.class)
			.single();
	}

	/** A target unit; {@code unitIds}: the unit and, for a school, its parent. */
	void insertTarget(long definitionId, Target t, Long[] unitIds) {
		jdbc.sql("""
				insert into report_target (definition_id, unit_id, unit_name, region_code, police, unit_ids)
				values (?, ?, ?, ?, ?, ?)""")
			.params(definitionId, t.unitId(), t.unitName(), t.regionCode(), t.police(), unitIds)
			.update();
	}

	List<ReportDefinition> definitions(DataScope scope) {
		return scope.bind(jdbc.sql("select d.* from report_definition d where " + DataScope.where("d")
				+ " order by d.created_at desc, d.id desc limit 200"))
			.query((rs, i) -> definition(rs))
			.list();
	}

	List<ReportDefinition> allDefinitions() {
		return jdbc.sql("select d.* from report_definition d order by d.id").query((rs, i) -> definition(rs)).list();
	}

	Optional<ReportDefinition> definition(DataScope scope, long id) {
		return scope.bind(jdbc.sql("select d.* from report_definition d where d.id = :id and " + DataScope.where("d")))
			.param("id", id)
			.query((rs, i) -> definition(rs))
			.optional();
	}

	/** The targets of a definition within the scope, by county and name. */
	List<Target> targets(DataScope scope, long definitionId) {
		return scope
			.bind(jdbc.sql("select t.* from report_target t where t.definition_id = :id and " + DataScope.where("t")
					+ " order by t.region_code, t.unit_name, t.unit_id"))
			.param("id", definitionId)
			.query((rs, i) -> new Target(rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("region_code"),
					rs.getBoolean("police")))
			.list();
	}

	/** The submissions of a definition within the scope (values not loaded). */
	List<Submission> submissions(DataScope scope, long definitionId) {
		return scope
			.bind(jdbc.sql("select s.* from report_submission s where s.definition_id = :id and " + DataScope.where("s")
					+ " order by s.period_start desc, s.unit_name"))
			.param("id", definitionId)
			.query((rs, i) -> submission(rs, List.of()))
			.list();
	}

	Optional<Submission> submission(DataScope scope, long id) {
		return scope.bind(jdbc.sql("select s.* from report_submission s where s.id = :id and " + DataScope.where("s")))
			.param("id", id)
			.query((rs, i) -> submission(rs, values(rs.getLong("id"))))
			.optional();
	}

	Optional<Submission> submissionOf(long definitionId, long unitId, LocalDate periodStart) {
		return jdbc.sql(
				"select s.* from report_submission s where s.definition_id = ? and s.unit_id = ? and s.period_start = ?")
			.params(definitionId, unitId, Date.valueOf(periodStart))
			.query((rs, i) -> submission(rs, values(rs.getLong("id"))))
			.optional();
	}

	/** Creates the draft unless one is there (two clicks at once make one). */
	void insertDraft(long definitionId, Target t, Period p) {
		jdbc.sql("""
				insert into report_submission (definition_id, unit_id, unit_name, region_code, period_start, period_end,
				  due_on, state, unit_ids)
				select ?, ?, ?, ?, ?, ?, ?, 'DRAFT', r.unit_ids
				from report_target r where r.definition_id = ? and r.unit_id = ?
				on conflict (definition_id, unit_id, period_start) do nothing""")
			.params(definitionId, t.unitId(), t.unitName(), t.regionCode(), Date.valueOf(p.start()),
					Date.valueOf(p.end()), Date.valueOf(p.due()), definitionId, t.unitId())
			.update();
	}

	void putValue(long submissionId, Submission.Value v) {
		jdbc.sql("""
				insert into report_value (submission_id, field, value, prefilled, source, reason, police_only)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (submission_id, field) do update set value = excluded.value, reason = excluded.reason""")
			.params(submissionId, v.field(), v.value(), v.prefilled(), v.source(), v.reason(), v.policeOnly())
			.update();
	}

	List<Submission.Value> values(long submissionId) {
		return jdbc.sql("select * from report_value where submission_id = ? order by field")
			.param(submissionId)
			.query((rs, i) -> new Submission.Value(rs.getString("field"), rs.getString("value"),
					rs.getString("prefilled"), rs.getString("source"), rs.getString("reason"),
					rs.getBoolean("police_only")))
			.list();
	}

	/**
	 * Moves the submission on if its version still matches; false when someone was first.
	 */
	boolean update(long id, int version, SubmissionState state, boolean policeOnly, String attestedBy,
			String attestedName, Instant submittedAt) {
		return jdbc.sql("""
				update report_submission set state = :state, police_only = :police, version = version + 1,
				  attested_by = coalesce(:by, attested_by), attested_name = coalesce(:name, attested_name),
				  submitted_at = coalesce(:at, submitted_at), first_submitted_at = coalesce(first_submitted_at, :at)
				where id = :id and version = :version""")
			.param("state", state.name())
			.param("police", policeOnly)
			.param("by", attestedBy)
			.param("name", attestedName)
			.param("at", submittedAt == null ? null : Timestamp.from(submittedAt))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	void step(long submissionId, String action, String actorName, String actorUnit, Instant at, String detail) {
		jdbc.sql("""
				insert into report_step (submission_id, action, actor_name, actor_unit, at, detail)
				values (?, ?, ?, ?, ?, ?)""")
			.params(submissionId, action, actorName, actorUnit, Timestamp.from(at), detail)
			.update();
	}

	List<Submission.Step> steps(long submissionId) {
		return jdbc.sql("select * from report_step where submission_id = ? order by at, id")
			.param(submissionId)
			.query((rs, i) -> new Submission.Step(rs.getString("action"), rs.getString("actor_name"),
					rs.getString("actor_unit"), rs.getTimestamp("at").toInstant(), rs.getString("detail")))
			.list();
	}

	/** Records a reminder unless one was sent; true when this call recorded it. */
	boolean claimReminder(long definitionId, long unitId, LocalDate periodStart, Instant at) {
		return jdbc.sql("""
				insert into report_reminder (definition_id, unit_id, period_start, sent_at) values (?, ?, ?, ?)
				on conflict do nothing""")
			.params(definitionId, unitId, Date.valueOf(periodStart), Timestamp.from(at))
			.update() == 1;
	}

	/**
	 * The next 通报 number of an issuer in a year (gapless: called under the cluster lock).
	 */
	int nextNoticeNumber(long issuerUnitId, Instant yearStart, Instant nextYearStart) {
		return jdbc.sql("""
				select count(*) + 1 from report_notice
				where issuer_unit_id = ? and issued_at >= ? and issued_at < ?""")
			.params(issuerUnitId, Timestamp.from(yearStart), Timestamp.from(nextYearStart))
			.query(Integer.class)
			.single();
	}

	long insertNotice(long definitionId, Period p, String number, String title, String body, List<String> units,
			long issuerUnitId, String issuerUnit, String issuerName, Instant at, Long[] unitIds) {
		return jdbc.sql("""
				insert into report_notice (definition_id, period_start, period_end, number, title, body, units,
				  issuer_unit_id, issuer_unit, issuer_name, issued_at, unit_ids)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(definitionId, Date.valueOf(p.start()), Date.valueOf(p.end()), number, title, body,
					String.join("\n", units), issuerUnitId, issuerUnit, issuerName, Timestamp.from(at), unitIds)
			.query(Long.class)
			.single();
	}

	List<ReportNotice> notices(DataScope scope, long definitionId) {
		return scope
			.bind(jdbc.sql("select n.* from report_notice n where n.definition_id = :id and " + DataScope.where("n")
					+ " order by n.issued_at desc, n.id desc"))
			.param("id", definitionId)
			.query((rs, i) -> notice(rs))
			.list();
	}

	Optional<ReportNotice> notice(DataScope scope, long id) {
		return scope.bind(jdbc.sql("select n.* from report_notice n where n.id = :id and " + DataScope.where("n")))
			.param("id", id)
			.query((rs, i) -> notice(rs))
			.optional();
	}

	private static ReportNotice notice(ResultSet rs) throws SQLException {
		String units = rs.getString("units");
		return new ReportNotice(rs.getLong("id"), rs.getLong("definition_id"), date(rs, "period_start"),
				date(rs, "period_end"), rs.getString("number"), rs.getString("title"), rs.getString("body"),
				units.isEmpty() ? List.of() : Arrays.asList(units.split("\n")), rs.getLong("issuer_unit_id"),
				rs.getString("issuer_unit"), rs.getString("issuer_name"), rs.getTimestamp("issued_at").toInstant());
	}

	private static ReportDefinition definition(ResultSet rs) throws SQLException {
		int days = rs.getInt("period_days");
		Integer periodDays = rs.wasNull() ? null : days;
		return new ReportDefinition(rs.getLong("id"), rs.getString("title"), ReportForm.valueOf(rs.getString("form")),
				Cadence.valueOf(rs.getString("cadence")), rs.getInt("due_day"), periodDays, date(rs, "starts_on"),
				date(rs, "ends_on"), date(rs, "final_due_on"), rs.getInt("lock_days"), rs.getInt("remind_days"),
				OrganisationKind.valueOf(rs.getString("target_kind")), rs.getLong("owner_unit_id"),
				rs.getString("owner_unit"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
	}

	private static Submission submission(ResultSet rs, List<Submission.Value> values) throws SQLException {
		return new Submission(rs.getLong("id"), rs.getLong("definition_id"), rs.getLong("unit_id"),
				rs.getString("unit_name"), rs.getString("region_code"), date(rs, "period_start"),
				date(rs, "period_end"), date(rs, "due_on"), SubmissionState.valueOf(rs.getString("state")),
				rs.getBoolean("police_only"), rs.getString("attested_name"), instant(rs, "first_submitted_at"),
				instant(rs, "submitted_at"), rs.getInt("version"), values);
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
