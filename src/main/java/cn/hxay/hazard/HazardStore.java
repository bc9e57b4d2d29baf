package cn.hxay.hazard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.hxay.organisation.DataScope;

import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.database.StepHistory;
import cn.hxay.shared.documents.PhotoStore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Hazards in PostgreSQL; every read applies the caller's data scope through the units the
 * hazard belongs to.
 */
@Repository
class HazardStore {

	/**
	 * The caller's data scope, and police-only (sensitive) hazards only for police
	 * readers; bound by {@link #scoped}.
	 */
	private static final String SCOPE = "(" + DataScope.where(null) + " and (:police or not sensitive))";

	private final JdbcClient jdbc;

	private final StepHistory history;

	private final PhotoStore photos;

	HazardStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.history = new StepHistory(jdbc, "hazard_step", "hazard_id", "action", "comment");
		this.photos = new PhotoStore(jdbc, "hazard_photo", "hazard_id", "caption");
	}

	private static <S extends JdbcClient.StatementSpec> S scoped(S spec, DataScope scope) {
		scope.bind(spec).param("police", scope.policeData());
		return spec;
	}

	/**
	 * The next notice number of an issuing unit in a year, gapless: the counter row is
	 * locked until the caller's transaction ends, and a rolled-back insert gives its
	 * number back.
	 */
	int nextNoticeNumber(long issuerUnitId, int year) {
		jdbc.sql("""
				insert into hazard_notice_counter (issuer_unit_id, year, last_number) values (?, ?, 0)
				on conflict (issuer_unit_id, year) do nothing""").params(issuerUnitId, year).update();
		int last = jdbc
			.sql("select last_number from hazard_notice_counter where issuer_unit_id = ? and year = ? for update")
			.params(issuerUnitId, year)
			.query(Integer.class)
			.single();
		jdbc.sql("update hazard_notice_counter set last_number = ? where issuer_unit_id = ? and year = ?")
			.params(last + 1, issuerUnitId, year)
			.update();
		return last + 1;
	}

	/**
	 * Where a hazard came from: an inspection form's item, police-only when the item is.
	 */
	record Source(Long inspectionId, String item, boolean sensitive) {

		static final Source NONE = new Source(null, null, false);

	}

	long insert(String number, long issuerUnitId, long schoolId, String schoolName, String regionCode, Long[] unitIds,
			String place, HazardCategory category, HazardGrade grade, String description, String requirements,
			String unit, String person, String foundBy, Instant foundAt, LocalDate deadline, boolean supervised,
			Source source) {
		return jdbc.sql("""
				insert into hazard (notice_number, issuer_unit_id, school_id, school_name, region_code, unit_ids, place,
				  category, grade, description, requirements, responsible_unit, responsible_person, found_by, found_at,
				  deadline, state, supervised, sensitive, source_inspection_id, source_item)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?) returning id""")
			.params(number, issuerUnitId, schoolId, schoolName, regionCode, unitIds, place, category.name(),
					grade.name(), description, requirements, unit, person, foundBy, Timestamp.from(foundAt), deadline,
					supervised, source.sensitive(), source.inspectionId(), source.item())
			.query(Long.class)
			.single();
	}

	/**
	 * The open hazard raised from an inspection item, whoever may read it (for refusing a
	 * second one).
	 */
	Optional<Hazard> openFromSource(long inspectionId, String item) {
		return jdbc.sql("select * from hazard where source_inspection_id = ? and source_item = ? and state <> 'CLOSED'")
			.params(inspectionId, item)
			.query(this::map)
			.optional();
	}

	/** The open hazards raised from an inspection form that the reader may see. */
	List<Hazard> openFromInspection(long inspectionId, DataScope scope) {
		return scoped(jdbc.sql("select * from hazard where source_inspection_id = :inspection and state <> 'CLOSED'"
				+ " and " + SCOPE + " order by id"), scope)
			.param("inspection", inspectionId)
			.query(this::map)
			.list();
	}

	Optional<Hazard> byId(long id, DataScope scope) {
		return scoped(jdbc.sql("select * from hazard where id = :id and " + SCOPE), scope).param("id", id)
			.query(this::map)
			.optional();
	}

	List<Hazard> search(DataScope scope, String region, String school, HazardState state, HazardGrade grade,
			Boolean supervised, Boolean overdue) {
		return scoped(jdbc.sql("select * from hazard where " + SCOPE + """
				and (cast(:region as varchar) is null or region_code like :region)
				and (cast(:school as varchar) is null or school_name ilike :school)
				and (cast(:state as varchar) is null or state = :state)
				and (cast(:grade as varchar) is null or grade = :grade)
				and (cast(:supervised as boolean) is null or supervised = :supervised)
				and (cast(:overdue as boolean) is null or overdue = :overdue)
				order by deadline, id limit 500"""), scope)
			.param("region", region == null ? null : region.replaceAll("0+$", "") + "%")
			.param("school", like(school))
			.param("state", state == null ? null : state.name())
			.param("grade", grade == null ? null : grade.name())
			.param("supervised", supervised)
			.param("overdue", overdue)
			.query(this::map)
			.list();
	}

	cn.hxay.shared.Paged<Hazard> page(DataScope scope, String region, String school, Long schoolId, Boolean open,
			HazardState state, HazardGrade grade, Boolean supervised, Boolean overdue,
			cn.hxay.shared.PageRequest page) {
		String where = " from hazard where " + SCOPE + """
				and (cast(:schoolId as bigint) is null or school_id = :schoolId)
				and (cast(:open as boolean) is null or (state <> 'CLOSED') = :open)
				and (cast(:region as varchar) is null or region_code like :region)
				and (cast(:school as varchar) is null or school_name ilike :school)
				and (cast(:state as varchar) is null or state = :state)
				and (cast(:grade as varchar) is null or grade = :grade)
				and (cast(:supervised as boolean) is null or supervised = :supervised)
				and (cast(:overdue as boolean) is null or overdue = :overdue)""";
		java.util.function.UnaryOperator<JdbcClient.StatementSpec> bind = spec -> scoped(spec, scope)
			.param("region", region == null || region.isBlank() ? null : region.replaceAll("0+$", "") + "%")
			.param("school", like(school))
			.param("schoolId", schoolId)
			.param("open", open)
			.param("state", state == null ? null : state.name())
			.param("grade", grade == null ? null : grade.name())
			.param("supervised", supervised)
			.param("overdue", overdue);
		long total = bind.apply(jdbc.sql("select count(*)" + where)).query(Long.class).single();
		List<Hazard> items = bind
			.apply(jdbc.sql("select *" + where + " order by (state = 'CLOSED'), deadline, id limit " + page.size()
					+ " offset " + page.offset()))
			.query(this::map)
			.list();
		return new cn.hxay.shared.Paged<>(items, page.page(), page.size(), total);
	}

	/**
	 * Rectification figures per region (or per school when {@code bySchool}) within the
	 * scope.
	 */
	List<RectificationFigures> figures(DataScope scope, boolean bySchool) {
		String key = bySchool ? "school_name" : "region_code";
		return scoped(jdbc
			.sql("select " + key + " as k, count(*) as total, count(*) filter (where state = 'CLOSED') as closed,"
					+ " count(*) filter (where overdue and state <> 'CLOSED') as overdue,"
					+ " count(*) filter (where supervised and state <> 'CLOSED') as supervised from hazard where "
					+ SCOPE + " group by " + key + " order by " + key),
				scope)
			.query((rs, n) -> RectificationFigures.of(rs.getString("k"), rs.getLong("total"), rs.getLong("closed"),
					rs.getLong("overdue"), rs.getLong("supervised")))
			.list();
	}

	/**
	 * The figures as the ledger stood at the end of {@code day}: hazards found by then,
	 * those closed by then, and of those still open then, the ones past their deadline
	 * (flagged overdue, deadline before that day, as the nightly job judges it) and under
	 * listed supervision (raised as major, or supervised for being overdue by then).
	 */
	RectificationFigures figuresAsOf(DataScope scope, LocalDate day) {
		return scoped(jdbc
			.sql("""
					select count(*) as total,
					  count(*) filter (where closed_at < :end) as closed,
					  count(*) filter (where open_then and overdue and deadline < :day) as overdue,
					  count(*) filter (where open_then and supervised and (grade = 'MAJOR' or deadline < :day)) as supervised
					from (select h.*, (h.closed_at is null or h.closed_at >= :end) as open_then from hazard h
					      where h.found_at < :end) hazard where """
					+ SCOPE),
				scope)
			.param("end", Timestamp.from(day.plusDays(1).atStartOfDay(PlatformTime.ZONE).toInstant()))
			.param("day", day)
			.query((rs, n) -> RectificationFigures.of("", rs.getLong("total"), rs.getLong("closed"),
					rs.getLong("overdue"), rs.getLong("supervised")))
			.single();
	}

	/** Rectification figures per school id within the scope. */
	java.util.Map<Long, RectificationFigures> figuresBySchool(DataScope scope) {
		java.util.Map<Long, RectificationFigures> figures = new java.util.HashMap<>();
		scoped(jdbc.sql("select school_id, count(*) as total, count(*) filter (where state = 'CLOSED') as closed,"
				+ " count(*) filter (where overdue and state <> 'CLOSED') as overdue,"
				+ " count(*) filter (where supervised and state <> 'CLOSED') as supervised from hazard where " + SCOPE
				+ " group by school_id"), scope)
			.query((rs, n) -> figures.put(rs.getLong("school_id"),
					RectificationFigures.of(rs.getString("school_id"), rs.getLong("total"), rs.getLong("closed"),
							rs.getLong("overdue"), rs.getLong("supervised"))))
			.list();
		return figures;
	}

	/** The hazard's photos (table hazard_photo, labelled by their caption). */
	PhotoStore photos() {
		return photos;
	}

	/**
	 * Open hazards whose deadline is before the given day and that are not yet flagged,
	 * locked for this node.
	 */
	List<Long> overdueCandidates(LocalDate today) {
		return jdbc.sql("select id from hazard where state <> 'CLOSED' and not overdue and deadline < ? order by id")
			.param(today)
			.query(Long.class)
			.list();
	}

	/**
	 * Saves the mutable parts if nobody saved since {@code hazard} was read; false when
	 * someone did.
	 */
	boolean update(Hazard h) {
		SupervisionPlan p = h.plan();
		return jdbc.sql("""
				update hazard set state = ?, overdue = ?, supervised = ?, temporary_safeguards = ?, plan_goal = ?,
				  plan_measures = ?, plan_funds = ?, plan_people = ?, plan_deadline = ?, plan_emergency = ?,
				  closed_at = ?, version = version + 1
				where id = ? and version = ?""")
			.params(h.state().name(), h.overdue(), h.supervised(), h.temporarySafeguards(), p == null ? null : p.goal(),
					p == null ? null : p.measures(), p == null ? null : p.funds(), p == null ? null : p.people(),
					p == null ? null : p.deadline(), p == null ? null : p.emergencyPlan(),
					h.closedAt() == null ? null : Timestamp.from(h.closedAt()), h.id(), h.version())
			.update() == 1;
	}

	void step(long hazardId, String action, String actor, Instant at, String comment) {
		history.record(hazardId, action, actor, at, comment);
	}

	List<HazardStep> steps(long hazardId) {
		return history.steps(hazardId)
			.stream()
			.map(s -> new HazardStep(s.action(), s.actor(), s.at(), s.comment()))
			.toList();
	}

	private Hazard map(ResultSet rs, int row) throws SQLException {
		SupervisionPlan plan = rs.getString("plan_goal") == null ? null
				: new SupervisionPlan(rs.getString("plan_goal"), rs.getString("plan_measures"),
						rs.getString("plan_funds"), rs.getString("plan_people"),
						rs.getObject("plan_deadline", LocalDate.class), rs.getString("plan_emergency"));
		Timestamp closed = rs.getTimestamp("closed_at");
		return new Hazard(rs.getLong("id"), rs.getString("notice_number"), rs.getLong("school_id"),
				rs.getString("school_name"), rs.getString("region_code"), rs.getString("place"),
				HazardCategory.valueOf(rs.getString("category")), HazardGrade.valueOf(rs.getString("grade")),
				rs.getString("description"), rs.getString("requirements"), rs.getString("responsible_unit"),
				rs.getString("responsible_person"), rs.getString("found_by"), rs.getTimestamp("found_at").toInstant(),
				rs.getObject("deadline", LocalDate.class), HazardState.valueOf(rs.getString("state")),
				rs.getBoolean("overdue"), rs.getBoolean("supervised"), rs.getString("temporary_safeguards"), plan,
				closed == null ? null : closed.toInstant(), rs.getBoolean("sensitive"),
				rs.getObject("source_inspection_id", Long.class), rs.getString("source_item"), rs.getInt("version"));
	}

	/** A contains-pattern for ILIKE, or {@code null} for no filter. */
	private static String like(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
