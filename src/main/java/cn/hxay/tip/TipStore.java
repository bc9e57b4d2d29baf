package cn.hxay.tip;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.SchoolUnits;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tips, their conversation, photos and the committees, in PostgreSQL. Every read for a
 * handler goes through the one scope rule ({@link DataScope#where}) and, for police
 * users, only tips that went to the police.
 */
@Repository
class TipStore {

	private static final String VISIBLE = DataScope.where("t")
			+ " and (not :policeSide or t.police_referred_at is not null)";

	private final JdbcClient jdbc;

	TipStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Which tips a list shows; the same filter gives a tile's count and its list. */
	record Filter(Long schoolId, TipCategory category, boolean openOnly, boolean closedOnly, LocalDate overdueOn) {
	}

	long insert(long schoolId, String schoolName, SchoolUnits units, NewTip tip, String claimHash, Instant at,
			Triage.Route route) {
		return jdbc.sql("""
				insert into tip (school_id, school_name, unit_ids, category, reporter, body, place, contact_name,
				  contact_phone, claim_hash, filed_at, police_referred_at, police_reason, investigation_due)
				values (:school, :schoolName, :units, :category, :reporter, :body, :place, :contactName, :contactPhone,
				  :claim, :at, :referred, :reason, :due)
				returning id""")
			.param("school", schoolId)
			.param("schoolName", schoolName)
			.param("units", units.ids())
			.param("category", tip.category().name())
			.param("reporter", tip.reporter().name())
			.param("body", tip.body())
			.param("place", tip.place())
			.param("contactName", tip.contactName())
			.param("contactPhone", tip.contactPhone())
			.param("claim", claimHash)
			.param("at", Timestamp.from(at))
			.param("referred", route.police() ? Timestamp.from(at) : null)
			.param("reason", route.policeReason())
			.param("due", route.investigationDue() == null ? null : Date.valueOf(route.investigationDue()))
			.query(Long.class)
			.single();
	}

	Optional<Tip> byId(DataScope scope, boolean policeSide, long id) {
		return scope.bind(jdbc.sql("select t.* from tip t where t.id = :id and " + VISIBLE))
			.param("id", id)
			.param("policeSide", policeSide)
			.query((rs, i) -> tip(rs))
			.optional();
	}

	Optional<Tip> byClaim(String claimHash) {
		return jdbc.sql("select t.* from tip t where t.claim_hash = ?")
			.param(claimHash)
			.query((rs, i) -> tip(rs))
			.optional();
	}

	Optional<Tip> unscoped(long id) {
		return jdbc.sql("select t.* from tip t where t.id = ?").param(id).query((rs, i) -> tip(rs)).optional();
	}

	Paged<Tip> search(DataScope scope, boolean policeSide, Filter filter, PageRequest page) {
		String where = where(filter);
		long total = bindFilter(scope.bind(jdbc.sql("select count(*) from tip t where " + where)), policeSide, filter)
			.query(Long.class)
			.single();
		List<Tip> items = bindFilter(scope.bind(jdbc.sql("select t.* from tip t where " + where
				+ " order by (t.closed_at is null) desc, t.filed_at desc, t.id desc limit :limit offset :offset")),
				policeSide, filter)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, i) -> tip(rs))
			.list();
		return new Paged<>(items, page.page(), page.size(), total);
	}

	private static String where(Filter filter) {
		StringBuilder where = new StringBuilder(VISIBLE);
		if (filter.schoolId() != null) {
			where.append(" and t.school_id = :schoolId");
		}
		if (filter.category() != null) {
			where.append(" and t.category = :category");
		}
		if (filter.openOnly() || filter.overdueOn() != null) {
			where.append(" and t.closed_at is null");
		}
		if (filter.closedOnly()) {
			where.append(" and t.closed_at is not null");
		}
		if (filter.overdueOn() != null) {
			where.append(" and t.investigation_due < :today");
		}
		return where.toString();
	}

	private static JdbcClient.StatementSpec bindFilter(JdbcClient.StatementSpec spec, boolean policeSide,
			Filter filter) {
		spec.param("policeSide", policeSide);
		if (filter.schoolId() != null) {
			spec.param("schoolId", filter.schoolId());
		}
		if (filter.category() != null) {
			spec.param("category", filter.category().name());
		}
		if (filter.overdueOn() != null) {
			spec.param("today", Date.valueOf(filter.overdueOn()));
		}
		return spec;
	}

	List<TipMessage> messages(long tipId) {
		return jdbc.sql("select * from tip_message where tip_id = ? order by id")
			.param(tipId)
			.query((rs, i) -> new TipMessage(rs.getLong("id"), TipMessage.Kind.valueOf(rs.getString("kind")),
					rs.getString("author_side"), rs.getString("author_name"), rs.getString("body"),
					rs.getTimestamp("written_at").toInstant()))
			.list();
	}

	void insertMessage(long tipId, TipMessage.Kind kind, String side, String name, String body, Instant at) {
		jdbc.sql("""
				insert into tip_message (tip_id, kind, author_side, author_name, body, written_at)
				values (?, ?, ?, ?, ?, ?)""").params(tipId, kind.name(), side, name, body, Timestamp.from(at)).update();
	}

	List<TipAttachment> attachments(long tipId) {
		return jdbc
			.sql("select id, content_type, size_bytes, uploaded_at from tip_attachment where tip_id = ? order by id")
			.param(tipId)
			.query((rs, i) -> new TipAttachment(rs.getLong("id"), rs.getString("content_type"), rs.getInt("size_bytes"),
					rs.getTimestamp("uploaded_at").toInstant()))
			.list();
	}

	void insertAttachment(long tipId, String type, byte[] bytes, Instant at) {
		jdbc.sql("""
				insert into tip_attachment (tip_id, content_type, size_bytes, bytes, uploaded_at)
				values (?, ?, ?, ?, ?)""").params(tipId, type, bytes.length, bytes, Timestamp.from(at)).update();
	}

	Optional<byte[]> attachmentBytes(long tipId, long attachmentId) {
		return jdbc.sql("select bytes from tip_attachment where tip_id = ? and id = ?")
			.params(tipId, attachmentId)
			.query(byte[].class)
			.optional();
	}

	boolean refer(long id, String reason, Instant at) {
		return jdbc
			.sql("update tip set police_referred_at = ?, police_reason = ? where id = ? and police_referred_at is null")
			.params(Timestamp.from(at), reason, id)
			.update() == 1;
	}

	boolean close(long id, String conclusion, String name, Instant at) {
		return jdbc
			.sql("update tip set closed_at = ?, conclusion = ?, closed_by_name = ? where id = ? and closed_at is null")
			.params(Timestamp.from(at), conclusion, name, id)
			.update() == 1;
	}

	List<CommitteeMember> committee(long schoolId) {
		return jdbc.sql("select * from tip_committee_member where school_id = ? order by id")
			.param(schoolId)
			.query((rs, i) -> new CommitteeMember(rs.getLong("id"), rs.getLong("school_id"), rs.getString("name"),
					rs.getString("duty"), rs.getString("phone"), rs.getTimestamp("added_at").toInstant()))
			.list();
	}

	void insertMember(long schoolId, SchoolUnits units, String name, String duty, String phone, String by, Instant at) {
		jdbc.sql("""
				insert into tip_committee_member (school_id, unit_ids, name, duty, phone, added_at, added_by)
				values (:school, :units, :name, :duty, :phone, :at, :by)""")
			.param("school", schoolId)
			.param("units", units.ids())
			.param("name", name)
			.param("duty", duty)
			.param("phone", phone)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
	}

	boolean removeMember(long schoolId, long memberId) {
		return jdbc.sql("delete from tip_committee_member where school_id = ? and id = ?")
			.params(schoolId, memberId)
			.update() == 1;
	}

	private static Tip tip(ResultSet rs) throws SQLException {
		Date due = rs.getDate("investigation_due");
		return new Tip(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"),
				TipCategory.valueOf(rs.getString("category")), Reporter.valueOf(rs.getString("reporter")),
				rs.getString("body"), rs.getString("place"), rs.getString("contact_name"),
				rs.getString("contact_phone"), instant(rs, "filed_at"), instant(rs, "police_referred_at"),
				rs.getString("police_reason"), due == null ? null : due.toLocalDate(), instant(rs, "closed_at"),
				rs.getString("conclusion"), rs.getString("closed_by_name"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
