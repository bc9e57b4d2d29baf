package cn.hxay.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.PlatformTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the audit log back, newest first, filtered by actor, action and day.
 */
@Service
public class AuditLog {

	private static final ZoneId ZONE = PlatformTime.ZONE;

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Paged<AuditEntry> search(String actor, String action, LocalDate from, LocalDate to, PageRequest page) {
		String where = """
				where (cast(:actor as varchar) is null or actor = :actor)
				  and (cast(:action as varchar) is null or action = :action)
				  and (cast(:from as timestamptz) is null or occurred_at >= :from)
				  and (cast(:to as timestamptz) is null or occurred_at < :to)""";
		OffsetDateTime fromTime = from == null ? null : from.atStartOfDay(ZONE).toOffsetDateTime();
		OffsetDateTime toTime = to == null ? null : to.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime();
		String actorParam = actor == null || actor.isBlank() ? null : actor.strip();
		String actionParam = action == null || action.isBlank() ? null : action.strip();
		long total = jdbc.sql("select count(*) from audit_event " + where)
			.param("actor", actorParam)
			.param("action", actionParam)
			.param("from", fromTime)
			.param("to", toTime)
			.query(Long.class)
			.single();
		List<AuditEntry> rows = jdbc
			.sql("select * from audit_event " + where + " order by id desc limit :limit offset :offset")
			.param("actor", actorParam)
			.param("action", actionParam)
			.param("from", fromTime)
			.param("to", toTime)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> {
				long org = rs.getLong("organisation_id");
				return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
						rs.getString("actor"), rs.wasNull() ? null : org, rs.getString("client_ip"),
						rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
						rs.getString("detail"));
			})
			.list();
		return new Paged<>(rows, page.page(), page.size(), total);
	}

	public List<String> actions() {
		return jdbc.sql("select distinct action from audit_event order by action").query(String.class).list();
	}

}
