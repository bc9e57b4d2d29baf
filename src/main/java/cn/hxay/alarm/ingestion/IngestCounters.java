package cn.hxay.alarm.ingestion;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import cn.hxay.organisation.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts refused messages by channel and reason. Counts gather in memory and are added to
 * the shared tables in one statement per key and flush, so a flood of bad messages costs
 * the database little; the tables are what every node and page reads.
 *
 * <p>
 * A refusal that names a registered device is counted against that device, so a user sees
 * only the counts of the devices in their scope; refusals that name no registered device
 * are counted apart and shown only to users who see the whole platform. The detail kept
 * is written by the platform, at most 300 characters, and never echoes what an unknown
 * sender chose (only known device codes).
 */
@Component
public class IngestCounters {

	/** Why a message was refused. */
	enum Reason {

		MALFORMED("格式错误"), OVERSIZED("超过长度上限"), UNAUTHENTICATED("令牌缺失或错误"), UNKNOWN_DEVICE("设备未登记"),
		TOPIC_MISMATCH("主题与设备不符"), LINK_REFUSED("视频链接不合规 (报警已存储，链接未保存)");

		private final String label;

		Reason(String label) {
			this.label = label;
		}

		String label() {
			return label;
		}

	}

	/**
	 * @param deviceId the registered device the message named, or {@code null}
	 */
	record Key(String channel, Reason reason, Long deviceId) {
	}

	static final class Tally {

		long count;

		Instant lastAt;

		String lastDetail;

	}

	/** One row of the counter table, for pages and the API. */
	public record Count(String channel, String reason, String reasonLabel, long count, Instant lastAt,
			String lastDetail) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AtomicReference<Map<Key, Tally>> pending = new AtomicReference<>(new ConcurrentHashMap<>());

	IngestCounters(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Counts a refusal.
	 * @param deviceId the registered device the message named, {@code null} if none
	 * @param detail the platform's own words (never text from the message)
	 */
	void count(String channel, Reason reason, Long deviceId, String detail) {
		Tally tally = pending.get().computeIfAbsent(new Key(channel, reason, deviceId), k -> new Tally());
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
				String sql = key.deviceId() == null
						? """
								insert into ingest_rejection (channel, reason, count, last_at, last_detail)
								values (:channel, :reason, :count, :at, :detail)
								on conflict (channel, reason) do update set count = ingest_rejection.count + excluded.count,
								  last_at = greatest(ingest_rejection.last_at, excluded.last_at), last_detail = excluded.last_detail"""
						: """
								insert into ingest_rejection_device (device_id, channel, reason, count, last_at, last_detail)
								select :device, :channel, :reason, :count, :at, :detail where exists (select 1 from device where id = :device)
								on conflict (device_id, channel, reason) do update
								  set count = ingest_rejection_device.count + excluded.count,
								  last_at = greatest(ingest_rejection_device.last_at, excluded.last_at),
								  last_detail = excluded.last_detail""";
				jdbc.sql(sql)
					.param("device", key.deviceId())
					.param("channel", key.channel())
					.param("reason", key.reason().name())
					.param("count", tally.count)
					.param("at", java.sql.Timestamp.from(tally.lastAt))
					.param("detail", tally.lastDetail)
					.update();
			}
		});
	}

	/**
	 * The counts a user may see: those of the devices in their scope, and, for users who
	 * see the whole platform, those that named no registered device.
	 */
	public List<Count> snapshot(DataScope scope) {
		return scope
			.bind(jdbc.sql("""
					select channel, reason, sum(count) as count, max(last_at) as last_at,
					  (array_agg(last_detail order by last_at desc))[1] as last_detail
					from (select r.channel, r.reason, r.count, r.last_at, r.last_detail
					      from ingest_rejection_device r join device d on d.id = r.device_id where """
					+ DataScope.where("d")
					+ """

							      union all
							      select channel, reason, count, last_at, last_detail from ingest_rejection where :scopeAll) x
							group by channel, reason order by channel, reason"""))
			.query((rs, i) -> new Count(rs.getString("channel"), rs.getString("reason"),
					Reason.valueOf(rs.getString("reason")).label(), rs.getLong("count"),
					instant(rs.getObject("last_at", java.time.OffsetDateTime.class)), rs.getString("last_detail")))
			.list();
	}

	long total(String channel, Reason reason) {
		return jdbc
			.sql("""
					select coalesce((select sum(count) from ingest_rejection where channel = :c and reason = :r), 0)
					     + coalesce((select sum(count) from ingest_rejection_device where channel = :c and reason = :r), 0)""")
			.param("c", channel)
			.param("r", reason.name())
			.query(Long.class)
			.single();
	}

	private static Instant instant(java.time.OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

}
