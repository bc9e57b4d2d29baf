package cn.hxay.alarm;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
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
 * Retention of alarms and their steps by partition (V910): {@code alarm} and
 * {@code alarm_step} have one partition per month of the platform day on which the alarm
 * was received ({@code alarm_pYYYYMM}, {@code alarm_step_pYYYYMM}). Every night, and at
 * start, one node (cluster lock {@code alarm.alarm-partitions}) creates the partitions of
 * this month and the coming ones ({@code hxay.alarm.partitions-ahead}, 3) and drops whole
 * months older than the retention ({@code hxay.alarm.retention}, P5Y: a month is dropped
 * once all of it is more than five years old). The steps go first, then the alarms, then
 * the month's event keys (the one range delete, on the small key table). Nothing else is
 * deleted row by row. Tests call {@link #maintain(Clock)} with a shifted clock.
 */
@Component
@EnableScheduling
class AlarmPartitions extends PartitionRetention {

	static final String PREFIX = "alarm_p";

	static final String STEP_PREFIX = "alarm_step_p";

	private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("uuuuMM");

	private final long retentionMonths;

	private final int monthsAhead;

	AlarmPartitions(JdbcClient jdbc, ClusterLock lock, TransactionTemplate transaction, Clock clock,
			@Value("${hxay.alarm.retention:P5Y}") Period retention,
			@Value("${hxay.alarm.partitions-ahead:3}") int monthsAhead) {
		super(jdbc, lock, transaction, clock, "alarm.alarm-partitions");
		if (retention.toTotalMonths() < 1 || retention.getDays() != 0) {
			throw new IllegalArgumentException("hxay.alarm.retention must be whole months or years, e.g. P5Y");
		}
		this.retentionMonths = retention.toTotalMonths();
		this.monthsAhead = monthsAhead;
	}

	@Override
	@Scheduled(cron = "${hxay.alarm.partitions-cron:0 25 0 * * *}", zone = PlatformTime.ZONE_ID)
	public void nightly() {
		super.nightly();
	}

	/**
	 * Creates the partitions from the platform month of {@code at} to {@code monthsAhead}
	 * months later (of both tables: both are reported as created) and drops those of
	 * months before the retention's first month (reported by the alarm partition's name;
	 * the month's steps and event keys go with it).
	 */
	@Override
	protected Maintenance keep(Clock at) {
		// a partition is made or dropped under a brief exclusive lock on the parent: wait
		// at most this long rather than hold up the alarms queued behind it (the next
		// night tries again)
		jdbc.sql("set local lock_timeout = '10s'").update();
		YearMonth thisMonth = YearMonth.from(PlatformTime.today(at));
		List<String> existing = partitions();
		List<String> existingSteps = stepPartitions();
		List<String> created = new ArrayList<>();
		for (int i = 0; i <= monthsAhead; i++) {
			YearMonth month = thisMonth.plusMonths(i);
			// names and bounds are made here from dates, never from input
			String bounds = " for values from ('" + start(month) + "') to ('" + start(month.plusMonths(1)) + "')";
			String name = PREFIX + SUFFIX.format(month);
			if (!existing.contains(name)) {
				jdbc.sql("create table " + name + " partition of alarm" + bounds).update();
				created.add(name);
			}
			String stepName = STEP_PREFIX + SUFFIX.format(month);
			if (!existingSteps.contains(stepName)) {
				jdbc.sql("create table " + stepName + " partition of alarm_step" + bounds).update();
				created.add(stepName);
			}
		}
		YearMonth oldestKept = thisMonth.minusMonths(retentionMonths);
		List<String> dropped = new ArrayList<>();
		for (String name : existing) {
			YearMonth month = YearMonth.parse(name.substring(PREFIX.length()), SUFFIX);
			if (month.isBefore(oldestKept)) {
				// the steps reference the alarms: their month goes first; a referenced
				// partition is detached (which finds no step left) before it is dropped
				jdbc.sql("drop table if exists " + STEP_PREFIX + SUFFIX.format(month)).update();
				jdbc.sql("alter table alarm detach partition " + name).update();
				jdbc.sql("drop table " + name).update();
				dropped.add(name);
			}
		}
		if (!dropped.isEmpty()) {
			// the event keys of the dropped months (each alarm referenced its own: none
			// is left pointing at them)
			jdbc.sql("delete from alarm_event_key where received_at < ?")
				.param(Timestamp.from(start(oldestKept).toInstant()))
				.update();
		}
		return new Maintenance(true, created, dropped);
	}

	/** The month partitions of alarm, oldest first. */
	List<String> partitions() {
		return partitionsOf("alarm", "^alarm_p[0-9]{6}$");
	}

	/** The month partitions of alarm_step, oldest first. */
	List<String> stepPartitions() {
		return partitionsOf("alarm_step", "^alarm_step_p[0-9]{6}$");
	}

	private static OffsetDateTime start(YearMonth month) {
		return month.atDay(1).atStartOfDay(PlatformTime.ZONE).toOffsetDateTime();
	}

}
