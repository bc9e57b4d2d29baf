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
import cn.hxay.shared.database.PartitionRetention;

import org.springframework.beans.factory.annotation.Value;
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
 * by row ({@link PartitionRetention}). Tests call {@link #maintain(Clock)} with a shifted
 * clock.
 */
@Component
@EnableScheduling
class HeartbeatPartitions extends PartitionRetention {

	static final String PREFIX = "device_heartbeat_p";

	private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

	private final int retentionDays;

	private final int daysAhead;

	HeartbeatPartitions(JdbcClient jdbc, ClusterLock lock, TransactionTemplate transaction, Clock clock,
			@Value("${hxay.device.heartbeat-retention:30d}") Duration retention,
			@Value("${hxay.device.heartbeat-partitions-ahead:7}") int daysAhead) {
		super(jdbc, lock, transaction, clock, "alarm.heartbeat-partitions");
		this.retentionDays = (int) retention.toDays();
		this.daysAhead = daysAhead;
	}

	@Override
	@Scheduled(cron = "${hxay.device.heartbeat-partitions-cron:0 20 0 * * *}", zone = PlatformTime.ZONE_ID)
	public void nightly() {
		super.nightly();
	}

	/**
	 * Creates the partitions from the platform day of {@code at} to {@code daysAhead}
	 * days later and drops those of days more than the retention before it.
	 */
	@Override
	protected Maintenance keep(Clock at) {
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
		return partitionsOf("device_heartbeat", "^device_heartbeat_p[0-9]{8}$");
	}

	private static OffsetDateTime start(LocalDate day) {
		return day.atStartOfDay(PlatformTime.ZONE).toOffsetDateTime();
	}

}
