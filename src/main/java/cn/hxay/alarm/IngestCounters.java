package cn.hxay.alarm;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts refused messages by channel and reason. Counts gather in memory and are added to
 * the shared table in one statement per flush, so a flood of bad messages costs the
 * database little; the table is what every node and page reads.
 */
@Component
class IngestCounters {

	/** Why a message was refused. */
	enum Reason {

		MALFORMED("格式错误"), OVERSIZED("超过长度上限"), UNAUTHENTICATED("令牌缺失或错误"), UNKNOWN_DEVICE("设备未登记"),
		TOPIC_MISMATCH("主题与设备不符");

		private final String label;

		Reason(String label) {
			this.label = label;
		}

		String label() {
			return label;
		}

	}

	record Key(String channel, Reason reason) {
	}

	static final class Tally {

		long count;

		Instant lastAt;

		String lastDetail;

	}

	/** One row of the counter table, for pages and the API. */
	record Count(String channel, String reason, String reasonLabel, long count, Instant lastAt, String lastDetail) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AtomicReference<Map<Key, Tally>> pending = new AtomicReference<>(new ConcurrentHashMap<>());

	IngestCounters(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void count(String channel, Reason reason, String detail) {
		Tally tally = pending.get().computeIfAbsent(new Key(channel, reason), k -> new Tally());
		synchronized (tally) {
			tally.count++;
			tally.lastAt = clock.instant();
			tally.lastDetail = detail == null ? null : detail.substring(0, Math.min(300, detail.length()));
		}
	}

	/** Adds what gathered since the last flush to the table. */
	void flush() {
		Map<Key, Tally> taken = pending.getAndSet(new ConcurrentHashMap<>());
		taken.forEach((key, tally) -> {
			synchronized (tally) {
				jdbc.sql(
						"""
								insert into ingest_rejection (channel, reason, count, last_at, last_detail)
								values (:channel, :reason, :count, :at, :detail)
								on conflict (channel, reason) do update set count = ingest_rejection.count + excluded.count,
								  last_at = greatest(ingest_rejection.last_at, excluded.last_at), last_detail = excluded.last_detail""")
					.param("channel", key.channel())
					.param("reason", key.reason().name())
					.param("count", tally.count)
					.param("at", java.sql.Timestamp.from(tally.lastAt))
					.param("detail", tally.lastDetail)
					.update();
			}
		});
	}

	List<Count> snapshot() {
		return jdbc.sql("select * from ingest_rejection order by channel, reason")
			.query((rs, i) -> new Count(rs.getString("channel"), rs.getString("reason"),
					Reason.valueOf(rs.getString("reason")).label(), rs.getLong("count"),
					DeviceStore.instant(rs, "last_at"), rs.getString("last_detail")))
			.list();
	}

	long total(String channel, Reason reason) {
		return jdbc.sql("select coalesce(sum(count), 0) from ingest_rejection where channel = ? and reason = ?")
			.params(channel, reason.name())
			.query(Long.class)
			.single();
	}

}
