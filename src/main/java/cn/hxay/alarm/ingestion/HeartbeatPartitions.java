package cn.hxay.alarm.ingestion;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import cn.hxay.shared.ClusterLock;
import cn.hxay.shared.PlatformTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention of raw heartbeats by partition: {@code device_heartbeat} has one partition
 * per platform day ({@code device_heartbeat_pYYYYMMDD}). Every night, and at start, one
 * node (cluster lock {@code alarm.heartbeat-partitions}) creates the partitions of the
 * coming days and drops whole partitions older than the retention
 * ({@code hxay.device.heartbeat-retention}, 30 days by default). Nothing is deleted row
 * by row. Tests call {@link #maintain(Clock)} with a shifted clock.
 */
@Component
@EnableScheduling
class HeartbeatPartitions {

	private static final Logger log = LoggerFactory.getLogger(HeartbeatPartitions.class);

	static final String PREFIX = "device_heartbeat_p";

	private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

	/** What one run did. */
	record Maintenance(boolean ran, List<String> created, List<String> dropped) {
	}

	private final JdbcClient jdbc;

	private final ClusterLock lock;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final int retentionDays;

	private final int daysAhead;

	HeartbeatPartitions(JdbcClient jdbc, ClusterLock lock, TransactionTemplate transaction, Clock clock,
			@Value("${hxay.device.heartbeat-retention:30d}") Duration retention,
			@Value("${hxay.device.heartbeat-partitions-ahead:7}") int daysAhead) {
		this.jdbc = jdbc;
		this.lock = lock;
		this.transaction = transaction;
		this.clock = clock;
		this.retentionDays = (int) retention.toDays();
		this.daysAhead = daysAhead;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		nightly();
	}

	@Scheduled(cron = "${hxay.device.heartbeat-partitions-cron:0 20 0 * * *}", zone = PlatformTime.ZONE_ID)
	void nightly() {
		try {
			Maintenance done = maintain(clock);
			if (!done.created().isEmpty() || !done.dropped().isEmpty()) {
				log.info("heartbeat partitions created {}, dropped {}", done.created(), done.dropped());
			}
		}
		catch (RuntimeException ex) {
			log.warn("heartbeat partition maintenance failed: {}", ex.getMessage());
		}
	}

	/**
	 * Creates the partitions from the platform day of {@code at} to {@code daysAhead}
	 * days later and drops those of days more than the retention before it.
	 */
	Maintenance maintain(Clock at) {
		return transaction.execute(status -> maintainLocked(at));
	}

	private Maintenance maintainLocked(Clock at) {
		if (!lock.tryTake("alarm.heartbeat-partitions")) {
			return new Maintenance(false, List.of(), List.of());
		}
		LocalDate today = PlatformTime.today(at);
		List<String> existing = partitions();
		List<String> created = new ArrayList<>();
		for (int i = 0; i <= daysAhead; i++) {
			LocalDate day = today.plusDays(i);
			String name = PREFIX + SUFFIX.format(day);
			if (!existing.contains(name)) {
				// names and bounds are made here from dates, never from input
				jdbc.sql("create table " + name + " partition of device_heartbeat for values from ('" + start(day)
						+ "') to ('" + start(day.plusDays(1)) + "')")
					.update();
				created.add(name);
			}
		}
		LocalDate oldestKept = today.minusDays(retentionDays);
		List<String> dropped = new ArrayList<>();
		for (String name : existing) {
			LocalDate day = LocalDate.parse(name.substring(PREFIX.length()), SUFFIX);
			if (day.isBefore(oldestKept)) {
				jdbc.sql("drop table " + name).update();
				dropped.add(name);
			}
		}
		return new Maintenance(true, created, dropped);
	}

	/** The day partitions of device_heartbeat, oldest first. */
	List<String> partitions() {
		return jdbc.sql("""
				select c.relname from pg_inherits i
				join pg_class c on c.oid = i.inhrelid
				join pg_class p on p.oid = i.inhparent
				where p.relname = 'device_heartbeat' and c.relname ~ '^device_heartbeat_p[0-9]{8}$'
				order by c.relname""").query(String.class).list();
	}

	private static OffsetDateTime start(LocalDate day) {
		return day.atStartOfDay(PlatformTime.ZONE).toOffsetDateTime();
	}

}
