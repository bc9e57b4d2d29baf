package cn.hxay.alarm.outages;

import cn.hxay.alarm.DeviceKind;
import cn.hxay.alarm.Devices;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.hxay.notification.EventType;
import cn.hxay.notification.Notifications;
import cn.hxay.shared.ClusterLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens an outage for each device that must be networked and has gone offline, and sends
 * it to the webhooks; the next heartbeat closes it (written by ingestion's heartbeat
 * buffer). Safe on many nodes: it runs under the cluster lock {@code alarm.outage-watch}.
 * Tests call {@link #detect(Clock)}.
 */
@Component
@EnableScheduling
class OutageWatch {

	private final JdbcClient jdbc;

	private final Devices devices;

	private final Notifications notifications;

	private final Clock clock;

	private final ClusterLock lock;

	private final org.springframework.transaction.support.TransactionTemplate transactions;

	OutageWatch(JdbcClient jdbc, Devices devices, Notifications notifications, Clock clock, ClusterLock lock,
			org.springframework.transaction.support.TransactionTemplate transactions) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.lock = lock;
		this.devices = devices;
		this.notifications = notifications;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${hxay.device.outage-check:30s}", initialDelayString = "30s")
	void scheduled() {
		// a call inside this bean does not pass its transactional proxy: open the
		// transaction the cluster lock lives in here
		transactions.executeWithoutResult(status -> detect(clock));
	}

	@Transactional
	public int detect(Clock at) {
		if (!lock.tryTake("alarm.outage-watch")) {
			return 0;
		}
		Instant now = at.instant();
		Instant cutoff = devices.rule().cutoff(now);
		List<Map<String, Object>> opened = jdbc.sql("""
				insert into device_outage (device_id, started_at, detected_at)
				select d.id, least(coalesce(s.last_heartbeat_at, d.created_at) + make_interval(secs => :window),
				  coalesce(s.registered_until, 'infinity')), :now
				from device d join device_status s on s.device_id = d.id
				where d.must_be_networked
				  and (coalesce(s.last_heartbeat_at, d.created_at) <= :cutoff or s.registered_until <= :now)
				on conflict (device_id) where ended_at is null do nothing
				returning device_id, started_at""")
			.param("window", devices.rule().window().toSeconds())
			.param("now", Timestamp.from(now))
			.param("cutoff", Timestamp.from(cutoff))
			.query((rs, i) -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("deviceId", rs.getLong(1));
				row.put("offlineSince",
						rs.getObject("started_at", java.time.OffsetDateTime.class).toInstant().toString());
				return row;
			})
			.list();
		for (Map<String, Object> row : opened) {
			jdbc.sql("select code, kind, place, school_name, venue_name, region_code from device where id = ?")
				.param(row.get("deviceId"))
				.query((rs, i) -> {
					row.put("deviceCode", rs.getString("code"));
					row.put("kind", DeviceKind.valueOf(rs.getString("kind")).label());
					row.put("place", rs.getString("place"));
					row.put("schoolName", rs.getString("school_name"));
					// a venue's one-key alarm (护校联防) is named by its venue and the school
					// it protects
					row.put("venueName", rs.getString("venue_name"));
					row.put("regionCode", rs.getString("region_code"));
					return row;
				})
				.optional();
			String site = row.get("venueName") == null ? (String) row.get("schoolName")
					: row.get("venueName") + "（周边，护 " + row.get("schoolName") + "）";
			notifications.notify(EventType.DEVICE_OFFLINE, "设备离线：" + site + " " + row.get("place") + " "
					+ row.get("kind") + "（" + row.get("deviceCode") + "），须在 24 小时内修复", row);
		}
		return opened.size();
	}

}
