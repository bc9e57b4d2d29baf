package cn.hxay.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhooks and the delivery outbox in PostgreSQL. */
@Repository
class WebhookStore {

	private final JdbcClient jdbc;

	WebhookStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String name, String url, Set<EventType> types, String secret, String by, Instant at) {
		return jdbc.sql("""
				insert into webhook (name, url, event_types, secret, created_by, created_at) values (?, ?, ?, ?, ?, ?)
				returning id""")
			.params(name, url, types.stream().map(Enum::name).sorted().collect(Collectors.joining(",")), secret, by,
					Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	List<Webhook> all() {
		return jdbc.sql("select * from webhook order by id").query(this::mapWebhook).list();
	}

	Optional<Webhook> byId(long id) {
		return jdbc.sql("select * from webhook where id = ?").param(id).query(this::mapWebhook).optional();
	}

	void enable(long id, boolean enabled) {
		jdbc.sql("update webhook set enabled = ? where id = ?").params(enabled, id).update();
	}

	void enqueue(long webhookId, EventType type, String title, String payload, Instant at) {
		jdbc.sql("""
				insert into webhook_delivery (webhook_id, event_type, title, payload, created_at, next_attempt_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(webhookId, type.wireName(), title, payload, Timestamp.from(at), Timestamp.from(at))
			.update();
	}

	/** Due deliveries, locked for this node; other nodes skip them. */
	List<Delivery> lockDue(Instant now, int limit) {
		return jdbc.sql("""
				select * from webhook_delivery where delivered_at is null and next_attempt_at <= ?
				order by next_attempt_at, id limit ? for update skip locked""")
			.params(Timestamp.from(now), limit)
			.query(this::mapDelivery)
			.list();
	}

	void delivered(long id, int status, Instant at) {
		jdbc.sql(
				"""
						update webhook_delivery set attempts = attempts + 1, delivered_at = ?, last_status = ?, last_error = null
						where id = ?""")
			.params(Timestamp.from(at), status, id)
			.update();
	}

	void failed(long id, Integer status, String error, Instant next) {
		jdbc.sql("""
				update webhook_delivery set attempts = attempts + 1, next_attempt_at = ?, last_status = ?,
				  last_error = ? where id = ?""")
			.params(Timestamp.from(next), status,
					error == null ? null : error.substring(0, Math.min(500, error.length())), id)
			.update();
	}

	List<Delivery> recent(int limit) {
		return jdbc.sql("select * from webhook_delivery order by id desc limit ?")
			.param(limit)
			.query(this::mapDelivery)
			.list();
	}

	long pending() {
		return jdbc.sql("select count(*) from webhook_delivery where delivered_at is null").query(Long.class).single();
	}

	private Webhook mapWebhook(ResultSet rs, int n) throws SQLException {
		String types = rs.getString("event_types");
		return new Webhook(rs.getLong("id"), rs.getString("name"), rs.getString("url"), types.isEmpty() ? Set.of()
				: Arrays.stream(types.split(",")).map(EventType::valueOf).collect(Collectors.toUnmodifiableSet()),
				rs.getString("secret"), rs.getBoolean("enabled"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant());
	}

	private Delivery mapDelivery(ResultSet rs, int n) throws SQLException {
		Timestamp delivered = rs.getTimestamp("delivered_at");
		return new Delivery(rs.getLong("id"), rs.getLong("webhook_id"), rs.getString("event_type"),
				rs.getString("title"), rs.getString("payload"), rs.getTimestamp("created_at").toInstant(),
				rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(),
				delivered == null ? null : delivered.toInstant(), (Integer) rs.getObject("last_status"),
				rs.getString("last_error"));
	}

}
