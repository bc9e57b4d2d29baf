package cn.hxay.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.PlatformTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the audit log back, newest first, filtered by actor, action, object type, text
 * and day.
 */
@Service
public class AuditLog {

	private static final ZoneId ZONE = PlatformTime.ZONE;

	private static final String WHERE = """
			where (cast(:actor as varchar) is null or actor = :actor)
			  and (cast(:action as varchar) is null or action = :action)
			  and (cast(:type as varchar) is null or subject_type = :type)
			  and (cast(:text as varchar) is null or subject_id = :text or detail ilike :like)
			  and (cast(:from as timestamptz) is null or occurred_at >= :from)
			  and (cast(:to as timestamptz) is null or occurred_at < :to)""";

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Paged<AuditEntry> search(String actor, String action, LocalDate from, LocalDate to, PageRequest page) {
		return search(new AuditFilter(actor, action, null, null, from, to), page);
	}

	public Paged<AuditEntry> search(AuditFilter filter, PageRequest page) {
		long total = bind(jdbc.sql("select count(*) from audit_event " + WHERE), filter).query(Long.class).single();
		List<AuditEntry> rows = bind(
				jdbc.sql("select * from audit_event " + WHERE + " order by id desc limit :limit offset :offset"),
				filter)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(AuditLog::map)
			.list();
		return new Paged<>(rows, page.page(), page.size(), total);
	}

	/**
	 * Every entry the filter finds, newest first, at most {@code limit}, read a thousand
	 * at a time so that an export never holds the log in memory.
	 */
	public void forEach(AuditFilter filter, int limit, Consumer<List<AuditEntry>> chunk) {
		long before = Long.MAX_VALUE;
		int read = 0;
		while (read < limit) {
			List<AuditEntry> rows = bind(
					jdbc.sql("select * from audit_event " + WHERE + " and id < :before order by id desc limit :limit"),
					filter)
				.param("before", before)
				.param("limit", Math.min(1000, limit - read))
				.query(AuditLog::map)
				.list();
			if (rows.isEmpty()) {
				return;
			}
			chunk.accept(rows);
			read += rows.size();
			before = rows.get(rows.size() - 1).id();
		}
	}

	public List<String> actions() {
		return jdbc.sql("select distinct action from audit_event order by action").query(String.class).list();
	}

	public List<String> subjectTypes() {
		return jdbc
			.sql("select distinct subject_type from audit_event where subject_type is not null order by subject_type")
			.query(String.class)
			.list();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, AuditFilter filter) {
		OffsetDateTime fromTime = filter.from() == null ? null : filter.from().atStartOfDay(ZONE).toOffsetDateTime();
		OffsetDateTime toTime = filter.to() == null ? null
				: filter.to().plusDays(1).atStartOfDay(ZONE).toOffsetDateTime();
		String like = filter.text() == null ? null
				: "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return spec.param("actor", filter.actor())
			.param("action", filter.action())
			.param("type", filter.subjectType())
			.param("text", filter.text())
			.param("like", like)
			.param("from", fromTime)
			.param("to", toTime);
	}

	private static AuditEntry map(ResultSet rs, int n) throws SQLException {
		long org = rs.getLong("organisation_id");
		return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
				rs.getString("actor"), rs.wasNull() ? null : org, rs.getString("client_ip"), rs.getString("action"),
				rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("detail"));
	}

}
