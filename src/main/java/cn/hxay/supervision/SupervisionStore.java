package cn.hxay.supervision;

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
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The module's tables, every read through the one scope rule. */
@Repository
class SupervisionStore {

	private final JdbcClient jdbc;

	SupervisionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---------------------------------------------------------------- groups

	long insertGroup(long unitId, Long[] unitIds, String unitName, Commands.NewGroup g, Instant at) {
		return jdbc.sql("""
				insert into supervision_group (unit_id, unit_name, kind, name, duties, created_at, unit_ids)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(unitId, unitName, g.kind().name(), g.name().strip(), clean(g.duties()), Timestamp.from(at), unitIds)
			.query(Long.class)
			.single();
	}

	List<LeadershipGroup> groups(DataScope scope) {
		return scope.bind(jdbc.sql("select g.* from supervision_group g where " + DataScope.where("g")
				+ " order by g.unit_id, g.kind, g.id"))
			.query(SupervisionStore::group)
			.list();
	}

	Optional<LeadershipGroup> group(DataScope scope, long id) {
		return scope.bind(jdbc.sql("select g.* from supervision_group g where g.id = :id and " + DataScope.where("g")))
			.param("id", id)
			.query(SupervisionStore::group)
			.optional();
	}

	void touchGroup(long id) {
		jdbc.sql("update supervision_group set version = version + 1 where id = ?").param(id).update();
	}

	long insertMember(long groupId, Commands.NewMember m, LocalDate joined) {
		return jdbc.sql("""
				insert into supervision_member (group_id, name, role, position, phone, joined_on)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(groupId, m.name().strip(), m.role().name(), m.position().strip(), m.phone().strip(),
					Date.valueOf(joined))
			.query(Long.class)
			.single();
	}

	boolean memberLeaves(long groupId, long memberId, LocalDate on, String reason) {
		return jdbc.sql("""
				update supervision_member set left_on = ?, left_reason = ?
				where id = ? and group_id = ? and left_on is null""")
			.params(Date.valueOf(on), reason, memberId, groupId)
			.update() == 1;
	}

	List<Member> members(long groupId) {
		return jdbc.sql("""
				select * from supervision_member where group_id = ?
				order by left_on nulls first, case role when 'LEADER' then 0 when 'DEPUTY' then 1
				  when 'MEMBER' then 2 else 3 end, id""")
			.param(groupId)
			.query((rs, n) -> new Member(rs.getLong("id"), rs.getLong("group_id"), rs.getString("name"),
					MemberRole.valueOf(rs.getString("role")), rs.getString("position"), rs.getString("phone"),
					rs.getObject("joined_on", LocalDate.class), rs.getObject("left_on", LocalDate.class),
					rs.getString("left_reason")))
			.list();
	}

	void change(long groupId, Instant at, String by, String what) {
		jdbc.sql("insert into supervision_group_change (group_id, at, by_name, what) values (?, ?, ?, ?)")
			.params(groupId, Timestamp.from(at), by, what)
			.update();
	}

	List<GroupView.Change> changes(long groupId) {
		return jdbc.sql("select * from supervision_group_change where group_id = ? order by at desc, id desc")
			.param(groupId)
			.query((rs, n) -> new GroupView.Change(rs.getTimestamp("at").toInstant(), rs.getString("by_name"),
					rs.getString("what")))
			.list();
	}

	private static LeadershipGroup group(ResultSet rs, int n) throws SQLException {
		return new LeadershipGroup(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"),
				GroupKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("duties"),
				rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
	}

	// ---------------------------------------------------------------- visits

	long insertVisit(long unitId, String unitName, Commands.NewVisit v, String by, Instant at, Long[] unitIds) {
		return jdbc.sql("""
				insert into supervision_visit (unit_id, unit_name, kind, visited_on, team, summary, created_by,
				  created_at, unit_ids)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(unitId, unitName, v.kind().name(), Date.valueOf(v.visitedOn()), v.team().strip(),
					clean(v.summary()), by, Timestamp.from(at), unitIds)
			.query(Long.class)
			.single();
	}

	void insertVisitSchool(long visitId, long schoolId, String name, String region, Long[] unitIds) {
		jdbc.sql("""
				insert into supervision_visit_school (visit_id, school_id, school_name, region_code, unit_ids)
				values (?, ?, ?, ?, ?)""").params(visitId, schoolId, name, region, unitIds).update();
	}

	long insertFinding(long visitId, long schoolId, String schoolName, String text, Long[] unitIds) {
		return jdbc.sql("""
				insert into supervision_finding (visit_id, school_id, school_name, text, unit_ids)
				values (?, ?, ?, ?, ?) returning id""")
			.params(visitId, schoolId, schoolName, text, unitIds)
			.query(Long.class)
			.single();
	}

	boolean linkHazard(long findingId, long hazardId, String number) {
		return jdbc.sql("""
				update supervision_finding set hazard_id = ?, hazard_number = ?
				where id = ? and hazard_id is null""").params(hazardId, number, findingId).update() == 1;
	}

	/**
	 * The filter of the visit list: kind, county (region code) and year, each optional.
	 */
	record VisitFilter(VisitKind kind, String region, Integer year) {
	}

	Paged<Visit> visits(DataScope scope, VisitFilter f, PageRequest page) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" from supervision_visit v where " + DataScope.where("v"));
		if (f.kind() != null) {
			where.append(" and v.kind = :kind");
			params.put("kind", f.kind().name());
		}
		if (f.region() != null) {
			where.append(" and exists (select 1 from supervision_visit_school s where s.visit_id = v.id"
					+ " and s.region_code like :region)");
			params.put("region", f.region() + "%");
		}
		if (f.year() != null) {
			where.append(" and extract(year from v.visited_on) = :year");
			params.put("year", f.year());
		}
		return paged(scope, "v", where.toString(), params, "v.visited_on desc, v.id desc", (rs, n) -> visit(rs, scope),
				page);
	}

	/**
	 * One page of a scoped query and its total: {@code from} is the from and where
	 * clauses with the scope's condition, {@code params} its other named parameters.
	 */
	private <T> Paged<T> paged(DataScope scope, String alias, String from, Map<String, Object> params, String order,
			RowMapper<T> rows, PageRequest page) {
		long total = scope.bind(jdbc.sql("select count(*)" + from)).params(params).query(Long.class).single();
		List<T> items = scope
			.bind(jdbc.sql("select " + alias + ".*" + from + " order by " + order + " limit :limit offset :offset"))
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(rows)
			.list();
		return new Paged<>(items, page.page(), page.size(), total);
	}

	Optional<Visit> visit(DataScope scope, long id) {
		return scope.bind(jdbc.sql("select v.* from supervision_visit v where v.id = :id and " + DataScope.where("v")))
			.param("id", id)
			.query((rs, n) -> visit(rs, scope))
			.optional();
	}

	private Visit visit(ResultSet rs, DataScope scope) throws SQLException {
		long id = rs.getLong("id");
		List<Visit.School> schools = scope
			.bind(jdbc.sql("select s.* from supervision_visit_school s" + " where s.visit_id = :id and "
					+ DataScope.where("s") + " order by s.school_name"))
			.param("id", id)
			.query((r, n) -> new Visit.School(r.getLong("school_id"), r.getString("school_name"),
					r.getString("region_code")))
			.list();
		List<Visit.Finding> findings = scope
			.bind(jdbc.sql("select f.* from supervision_finding f where f.visit_id = :id and " + DataScope.where("f")
					+ " order by f.id"))
			.param("id", id)
			.query((r, n) -> new Visit.Finding(r.getLong("id"), id, r.getLong("school_id"), r.getString("school_name"),
					r.getString("text"), r.getObject("hazard_id", Long.class), r.getString("hazard_number")))
			.list();
		return new Visit(id, rs.getLong("unit_id"), rs.getString("unit_name"), VisitKind.valueOf(rs.getString("kind")),
				rs.getObject("visited_on", LocalDate.class), rs.getString("team"), rs.getString("summary"),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), schools, findings);
	}

	// ---------------------------------------------------------------- notices

	/** The next 文号 of the issuing unit in the year, from its counter row (locked). */
	int nextNoticeNumber(long issuerUnitId, int year) {
		jdbc.sql("""
				insert into supervision_notice_counter (issuer_unit_id, year, last_number) values (?, ?, 0)
				on conflict (issuer_unit_id, year) do nothing""").params(issuerUnitId, year).update();
		return jdbc.sql("""
				update supervision_notice_counter set last_number = last_number + 1
				where issuer_unit_id = ? and year = ? returning last_number""")
			.params(issuerUnitId, year)
			.query(Integer.class)
			.single();
	}

	long insertNotice(Commands.NewNotice n, String number, long issuerUnitId, String issuerUnit, String issuerName,
			Instant at) {
		return jdbc.sql("""
				insert into supervision_notice (kind, number, title, body, issuer_unit_id, issuer_unit, issuer_name,
				  issued_at, visit_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(n.kind().name(), number, n.title().strip(), n.body().strip(), issuerUnitId, issuerUnit, issuerName,
					Timestamp.from(at), n.visitId())
			.query(Long.class)
			.single();
	}

	void insertRecipient(long noticeId, long unitId, Long[] unitIds, String unitName) {
		jdbc.sql(
				"insert into supervision_notice_recipient (notice_id, unit_id, unit_name, unit_ids) values (?, ?, ?, ?)")
			.params(noticeId, unitId, unitName, unitIds)
			.update();
	}

	/**
	 * A reader sees a notice their scope issued, or one sent to a unit in their scope.
	 */
	private static final String NOTICE_SEEN = "(" + DataScope.where("n")
			+ " or exists (select 1 from supervision_notice_recipient r where r.notice_id = n.id and "
			+ DataScope.where("r") + "))";

	/**
	 * Notices the reader sees, newest first; with {@code pendingFor} only those sent to
	 * that unit and not yet confirmed by it.
	 */
	Paged<Notice> notices(DataScope scope, Long pendingFor, PageRequest page) {
		String where = " from supervision_notice n where " + NOTICE_SEEN
				+ (pendingFor == null ? ""
						: " and exists (select 1 from supervision_notice_recipient p where p.notice_id = n.id"
								+ " and p.unit_id = :unit and p.confirmed_at is null)");
		Map<String, Object> params = new HashMap<>();
		if (pendingFor != null) {
			params.put("unit", pendingFor);
		}
		return paged(scope, "n", where, params, "n.issued_at desc, n.id desc", (rs, n) -> notice(rs, scope), page);
	}

	Optional<Notice> notice(DataScope scope, long id) {
		return scope.bind(jdbc.sql("select n.* from supervision_notice n where n.id = :id and " + NOTICE_SEEN))
			.param("id", id)
			.query((rs, n) -> notice(rs, scope))
			.optional();
	}

	/**
	 * The recipients the reader sees: all of them for the issuer's scope, otherwise those
	 * in the reader's scope.
	 */
	private Notice notice(ResultSet rs, DataScope scope) throws SQLException {
		long id = rs.getLong("id");
		long issuer = rs.getLong("issuer_unit_id");
		DataScope recipients = scope.covers(issuer) ? DataScope.everything(scope.policeData()) : scope;
		List<Notice.Recipient> list = recipients
			.bind(jdbc.sql("select r.* from supervision_notice_recipient r where r.notice_id = :id and "
					+ DataScope.where("r") + " order by r.id"))
			.param("id", id)
			.query((r, n) -> new Notice.Recipient(r.getLong("id"), id, r.getLong("unit_id"), r.getString("unit_name"),
					r.getTimestamp("confirmed_at") == null ? null : r.getTimestamp("confirmed_at").toInstant(),
					r.getString("confirmed_by")))
			.list();
		return new Notice(id, NoticeKind.valueOf(rs.getString("kind")), rs.getString("number"), rs.getString("title"),
				rs.getString("body"), issuer, rs.getString("issuer_unit"), rs.getString("issuer_name"),
				rs.getTimestamp("issued_at").toInstant(), rs.getObject("visit_id", Long.class), list);
	}

	boolean confirm(long noticeId, long unitId, String by, Instant at) {
		return jdbc.sql("""
				update supervision_notice_recipient set confirmed_at = ?, confirmed_by = ?
				where notice_id = ? and unit_id = ? and confirmed_at is null""")
			.params(Timestamp.from(at), by, noticeId, unitId)
			.update() == 1;
	}

	// ---------------------------------------------------------------- accountability

	long insertAccountability(Commands.NewAccountability a, long targetUnitId, String targetUnit, String region,
			String hazardNumber, boolean policeOnly, long recorderUnitId, String recorderUnit, String recorderName,
			Instant at, Long[] unitIds) {
		return jdbc.sql("""
				insert into supervision_accountability (kind, target_unit_id, target_unit, region_code, decided_on,
				  reason, measures, incident_id, hazard_id, hazard_number, police_only, recorder_unit_id,
				  recorder_unit, recorder_name, recorded_at, unit_ids)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(a.kind().name(), targetUnitId, targetUnit, region, Date.valueOf(a.decidedOn()), a.reason().strip(),
					clean(a.measures()), a.incidentId(), a.hazardId(), hazardNumber, policeOnly, recorderUnitId,
					recorderUnit, recorderName, Timestamp.from(at), unitIds)
			.query(Long.class)
			.single();
	}

	/** The filter of the accountability list: kind, county and year, each optional. */
	record AccountabilityFilter(AccountabilityKind kind, String region, Integer year) {
	}

	Paged<Accountability> accountability(DataScope scope, AccountabilityFilter f, PageRequest page) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" from supervision_accountability a where " + DataScope.where("a")
				+ (scope.policeData() ? "" : " and not a.police_only"));
		if (f.kind() != null) {
			where.append(" and a.kind = :kind");
			params.put("kind", f.kind().name());
		}
		if (f.region() != null) {
			where.append(" and a.region_code like :region");
			params.put("region", f.region() + "%");
		}
		if (f.year() != null) {
			where.append(" and extract(year from a.decided_on) = :year");
			params.put("year", f.year());
		}
		return paged(scope, "a", where.toString(), params, "a.decided_on desc, a.id desc",
				SupervisionStore::accountability, page);
	}

	Optional<Accountability> accountability(DataScope scope, long id) {
		return scope
			.bind(jdbc.sql("select a.* from supervision_accountability a where a.id = :id and " + DataScope.where("a")
					+ (scope.policeData() ? "" : " and not a.police_only")))
			.param("id", id)
			.query(SupervisionStore::accountability)
			.optional();
	}

	private static Accountability accountability(ResultSet rs, int n) throws SQLException {
		return new Accountability(rs.getLong("id"), AccountabilityKind.valueOf(rs.getString("kind")),
				rs.getLong("target_unit_id"), rs.getString("target_unit"), rs.getString("region_code"),
				rs.getObject("decided_on", LocalDate.class), rs.getString("reason"), rs.getString("measures"),
				rs.getObject("incident_id", Long.class), rs.getObject("hazard_id", Long.class),
				rs.getString("hazard_number"), rs.getBoolean("police_only"), rs.getString("recorder_unit"),
				rs.getString("recorder_name"), rs.getTimestamp("recorded_at").toInstant());
	}

	boolean anyVisit() {
		return jdbc.sql("select exists (select 1 from supervision_visit)").query(Boolean.class).single();
	}

	private static String clean(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
