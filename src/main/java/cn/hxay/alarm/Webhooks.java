package cn.hxay.alarm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.hxay.audit.AuditTrail;
import cn.hxay.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends alarms and device outages to configured webhooks (e.g. SMS or messaging gateways)
 * as JSON {@code POST}s, retried with growing pauses until a 2xx answer. The queue is a
 * table: an event is queued in the transaction that stores it, and any node may send,
 * taking due deliveries with {@code for update skip locked}.
 */
@Component
@EnableScheduling
class Webhooks {

	private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

	record Target(long id, String url) {
	}

	record Delivery(long id, String url, String event, String payload, int attempts) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final AuditTrail audit;

	private final Duration retryBase;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	Webhooks(JdbcClient jdbc, JsonMapper json, Clock clock, TransactionTemplate transactions, AuditTrail audit,
			@Value("${hxay.webhook.retry-base:5s}") Duration retryBase) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.transactions = transactions;
		this.audit = audit;
		this.retryBase = retryBase;
	}

	List<Target> targets() {
		return jdbc.sql("select id, url from webhook_target order by id")
			.query((rs, i) -> new Target(rs.getLong(1), rs.getString(2)))
			.list();
	}

	@Transactional
	Target add(String url) {
		String trimmed = url == null ? "" : url.strip();
		if (!(trimmed.startsWith("http://") || trimmed.startsWith("https://")) || trimmed.length() > 500) {
			throw new InvalidInputException("url", "请填写 http:// 或 https:// 开头的地址 (不超过 500 字)");
		}
		long id = jdbc
			.sql("insert into webhook_target (url) values (?) on conflict (url) do update set url = excluded.url"
					+ " returning id")
			.param(trimmed)
			.query(Long.class)
			.single();
		audit.record("WEBHOOK_ADDED", "webhook", id, trimmed);
		return new Target(id, trimmed);
	}

	@Transactional
	void remove(long id) {
		jdbc.sql("delete from webhook_target where id = ?").param(id).update();
		audit.record("WEBHOOK_REMOVED", "webhook", id, null);
	}

	/** Queues an event for every target, in the caller's transaction. */
	void enqueue(String event, Map<String, Object> body) {
		jdbc.sql("""
				insert into webhook_delivery (target_id, event, payload, next_attempt_at)
				select id, :event, :payload, :now from webhook_target""")
			.param("event", event)
			.param("payload", json.writeValueAsString(body))
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	@Scheduled(fixedDelayString = "${hxay.webhook.interval:2s}", initialDelayString = "5s")
	void sendDue() {
		int sent;
		do {
			sent = transactions.execute(tx -> sendBatch());
		}
		while (sent == 20);
	}

	/**
	 * Sends up to 20 due deliveries that no other node holds; returns how many it tried.
	 */
	private int sendBatch() {
		List<Delivery> due = jdbc.sql("""
				select w.id, t.url, w.event, w.payload, w.attempts from webhook_delivery w
				join webhook_target t on t.id = w.target_id
				where w.delivered_at is null and w.next_attempt_at <= :now
				order by w.id limit 20 for update of w skip locked""")
			.param("now", Timestamp.from(clock.instant()))
			.query((rs, i) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5)))
			.list();
		for (Delivery delivery : due) {
			String error = post(delivery);
			Instant now = clock.instant();
			if (error == null) {
				jdbc.sql("update webhook_delivery set delivered_at = ?, attempts = attempts + 1, last_error = null"
						+ " where id = ?")
					.params(Timestamp.from(now), delivery.id())
					.update();
			}
			else {
				long pause = Math.min(retryBase.toMillis() << Math.min(delivery.attempts(), 10),
						Duration.ofMinutes(10).toMillis());
				jdbc.sql("update webhook_delivery set attempts = attempts + 1, last_error = ?, next_attempt_at = ?"
						+ " where id = ?")
					.params(error.substring(0, Math.min(300, error.length())), Timestamp.from(now.plusMillis(pause)),
							delivery.id())
					.update();
			}
		}
		return due.size();
	}

	private String post(Delivery delivery) {
		try {
			HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(delivery.url()))
				.timeout(Duration.ofSeconds(5))
				.header("Content-Type", "application/json")
				.header("X-Hxay-Event", delivery.event())
				.header("X-Hxay-Delivery", Long.toString(delivery.id()))
				.POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
				.build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
		catch (Exception ex) {
			log.debug("webhook {} failed: {}", delivery.url(), ex.toString());
			return ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
	}

	List<Map<String, Object>> recent(int limit) {
		return jdbc.sql("""
				select w.id, t.url, w.event, w.attempts, w.delivered_at, w.last_error, w.created_at
				from webhook_delivery w join webhook_target t on t.id = w.target_id order by w.id desc limit ?""")
			.param(limit)
			.query((rs, i) -> {
				Map<String, Object> row = new java.util.LinkedHashMap<>();
				row.put("id", rs.getLong("id"));
				row.put("url", rs.getString("url"));
				row.put("event", rs.getString("event"));
				row.put("attempts", rs.getInt("attempts"));
				row.put("deliveredAt", DeviceStore.instant(rs, "delivered_at"));
				row.put("lastError", rs.getString("last_error"));
				row.put("createdAt", DeviceStore.instant(rs, "created_at"));
				return row;
			})
			.list();
	}

}
