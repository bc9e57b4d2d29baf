package cn.hxay.warning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;
import cn.hxay.school.SchoolKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Warnings and their deliveries in PostgreSQL, always read through a data scope. */
@Repository
class WarningStore {

	/**
	 * A warning is visible to its sending unit's scope and to the scope of any school it
	 * went to.
	 */
	private static final String VISIBLE = "(" + DataScope.where("w")
			+ " or exists (select 1 from warning_delivery d where d.warning_id = w.id and " + DataScope.where("d")
			+ "))";

	private final JdbcClient jdbc;

	WarningStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(NewWarning w, Instant acknowledgeBy, Instant sentAt, long senderUnitId, String senderUnit,
			String senderUsername, String senderName) {
		return jdbc.sql("""
				insert into warning (level, title, body, acknowledge_by, sent_at, sender_unit_id, sender_unit,
				  sender_username, sender_name, region_code, school_kind)
				values (:level, :title, :body, :ack, :sent, :unit, :unitName, :username, :name, :region, :kind)
				returning id""")
			.param("level", w.level().name())
			.param("title", w.title().strip())
			.param("body", w.body().strip())
			.param("ack", Timestamp.from(acknowledgeBy))
			.param("sent", Timestamp.from(sentAt))
			.param("unit", senderUnitId)
			.param("unitName", senderUnit)
			.param("username", senderUsername)
			.param("name", senderName)
			.param("region", w.regionCode())
			.param("kind", w.schoolKind() == null ? null : w.schoolKind().name())
			.query(Long.class)
			.single();
	}

	void deliver(long warningId, School school) {
		jdbc.sql("""
				insert into warning_delivery (warning_id, school_id, school_unit_id, school_name, region_code, unit_ids)
				values (:warning, :school, :unit, :name, :region, :units)""")
			.param("warning", warningId)
			.param("school", school.id())
			.param("unit", school.organisationId())
			.param("name", school.name())
			.param("region", school.regionCode())
			.param("units", school.units().ids())
			.update();
	}

	List<WarningSummary> summaries(DataScope scope, int limit) {
		return scope
			.bind(jdbc.sql("select w.*, " + counts() + " from warning w where " + VISIBLE
					+ " order by w.sent_at desc, w.id desc limit :limit"))
			.param("limit", limit)
			.query((rs, i) -> new WarningSummary(warning(rs), rs.getInt("n_schools"), rs.getInt("n_read"),
					rs.getInt("n_replied"), rs.getInt("n_unread")))
			.list();
	}

	/** The counts over the deliveries in scope, the same rows {@link #receipts} lists. */
	private static String counts() {
		String in = "from warning_delivery d where d.warning_id = w.id and " + DataScope.where("d");
		return "(select count(*) " + in + ") as n_schools, (select count(*) " + in
				+ " and d.read_at is not null) as n_read, (select count(*) " + in
				+ " and d.reply is not null) as n_replied, (select count(*) " + in
				+ " and d.read_at is null) as n_unread";
	}

	Optional<Warning> byId(DataScope scope, long id) {
		return scope.bind(jdbc.sql("select w.* from warning w where w.id = :id and " + VISIBLE))
			.param("id", id)
			.query((rs, i) -> warning(rs))
			.optional();
	}

	List<Receipt> receipts(DataScope scope, long warningId) {
		return scope
			.bind(jdbc.sql("select d.* from warning_delivery d where d.warning_id = :id and " + DataScope.where("d")
					+ " order by d.region_code, d.school_name, d.id"))
			.param("id", warningId)
			.query((rs, i) -> receipt(rs))
			.list();
	}

	Optional<Receipt> receiptOfSchoolUnit(long warningId, long schoolUnitId) {
		return jdbc.sql("select d.* from warning_delivery d where d.warning_id = :id and d.school_unit_id = :unit")
			.param("id", warningId)
			.param("unit", schoolUnitId)
			.query((rs, i) -> receipt(rs))
			.optional();
	}

	/** Writes the read receipt unless one is there; true when this call wrote it. */
	boolean markRead(long receiptId, String username, String name, Instant at) {
		return jdbc.sql("""
				update warning_delivery set read_at = :at, read_by = :username, read_by_name = :name
				where id = :id and read_at is null""")
			.param("at", Timestamp.from(at))
			.param("username", username)
			.param("name", name)
			.param("id", receiptId)
			.update() == 1;
	}

	boolean reply(long receiptId, String text, String username, String name, Instant at) {
		return jdbc.sql("""
				update warning_delivery set reply = :text, replied_at = :at, replied_by = :username,
				  replied_by_name = :name
				where id = :id and reply is null and read_at is not null""")
			.param("text", text)
			.param("at", Timestamp.from(at))
			.param("username", username)
			.param("name", name)
			.param("id", receiptId)
			.update() == 1;
	}

	/**
	 * Marks the unread deliveries whose reminder is due (half the time to acknowledge-by
	 * gone) as reminded, once each; returns them.
	 */
	List<Receipt> claimReminders(Instant now) {
		return jdbc.sql("""
				update warning_delivery d set reminded_at = :now from warning w
				where w.id = d.warning_id and d.read_at is null and d.reminded_at is null
				  and w.sent_at + (w.acknowledge_by - w.sent_at) / 2 <= :now
				returning d.*""").param("now", Timestamp.from(now)).query((rs, i) -> receipt(rs)).list();
	}

	/** Marks the deliveries still unread after acknowledge-by as escalated, once each. */
	List<Receipt> claimEscalations(Instant now) {
		return jdbc.sql("""
				update warning_delivery d set escalated_at = :now from warning w
				where w.id = d.warning_id and d.read_at is null and d.escalated_at is null
				  and w.acknowledge_by <= :now
				returning d.*""").param("now", Timestamp.from(now)).query((rs, i) -> receipt(rs)).list();
	}

	Warning unscoped(long id) {
		return jdbc.sql("select w.* from warning w where w.id = :id")
			.param("id", id)
			.query((rs, i) -> warning(rs))
			.single();
	}

	/**
	 * The unread deliveries in scope, a page at a time, in the order of the receipt
	 * lists.
	 */
	cn.hxay.shared.Paged<Receipt> unread(DataScope scope, long warningId, cn.hxay.shared.PageRequest page) {
		String where = " from warning_delivery d where d.warning_id = :id and d.read_at is null and "
				+ DataScope.where("d");
		long total = scope.bind(jdbc.sql("select count(*)" + where)).param("id", warningId).query(Long.class).single();
		List<Receipt> items = scope
			.bind(jdbc
				.sql("select d.*" + where + " order by d.region_code, d.school_name, d.id limit :limit offset :offset"))
			.param("id", warningId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, i) -> receipt(rs))
			.list();
		return new cn.hxay.shared.Paged<>(items, page.page(), page.size(), total);
	}

	long insertFile(long warningId, String name, String type, byte[] bytes, String by, Instant at) {
		return jdbc.sql("""
				insert into warning_attachment (warning_id, file_name, content_type, size_bytes, bytes, uploaded_by,
				  uploaded_at) values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(warningId, name, type, bytes.length, bytes, by, Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	List<WarningFile> files(long warningId) {
		return jdbc.sql("""
				select id, file_name, content_type, size_bytes, uploaded_by, uploaded_at from warning_attachment
				where warning_id = ? order by id""")
			.param(warningId)
			.query((rs, i) -> new WarningFile(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
					rs.getInt("size_bytes"), rs.getString("uploaded_by"), instant(rs, "uploaded_at")))
			.list();
	}

	Optional<byte[]> fileBytes(long warningId, long fileId) {
		return jdbc.sql("select bytes from warning_attachment where warning_id = ? and id = ?")
			.params(warningId, fileId)
			.query(byte[].class)
			.optional();
	}

	private static Warning warning(ResultSet rs) throws SQLException {
		String kind = rs.getString("school_kind");
		return new Warning(rs.getLong("id"), WarningLevel.valueOf(rs.getString("level")), rs.getString("title"),
				rs.getString("body"), instant(rs, "acknowledge_by"), instant(rs, "sent_at"),
				rs.getLong("sender_unit_id"), rs.getString("sender_unit"), rs.getString("sender_name"),
				rs.getString("region_code"), kind == null ? null : SchoolKind.valueOf(kind));
	}

	private static Receipt receipt(ResultSet rs) throws SQLException {
		return new Receipt(rs.getLong("id"), rs.getLong("warning_id"), rs.getLong("school_id"),
				rs.getLong("school_unit_id"), rs.getString("school_name"), rs.getString("region_code"),
				instant(rs, "read_at"), rs.getString("read_by"), rs.getString("read_by_name"), rs.getString("reply"),
				instant(rs, "replied_at"), rs.getString("replied_by"), rs.getString("replied_by_name"),
				instant(rs, "reminded_at"), instant(rs, "escalated_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
