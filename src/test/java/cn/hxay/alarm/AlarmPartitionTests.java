package cn.hxay.alarm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import cn.hxay.shared.PlatformTime;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.alarm.TestDevices.PW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alarms and their steps live in month partitions (V910). The same event sent at 23:59 on
 * the last day of a month and again at 00:01 on the first of the next (platform time) is
 * stored once, in the first month, with its steps there too, even those taken in the next
 * month; sent again over HTTP today it is still a duplicate. The retention job, run with
 * a clock 61 months back, makes that month's partitions (as it did then); run today it
 * drops that month whole (alarm, steps and event key gone) while a recent alarm stays and
 * the coming months' partitions exist.
 */
@PlatformTest
class AlarmPartitionTests {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuuMM");

	@LocalServerPort
	int port;

	@Autowired
	AlarmPartitions partitions;

	@Autowired
	Alarms alarms;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void anEventResentAcrossTheMonthBoundaryIsStoredOnceWithItsStepsInItsMonth() {
		TestDevices.Registered d = device();
		YearMonth thisMonth = YearMonth.from(PlatformTime.today(clock));
		YearMonth lastMonth = thisMonth.minusMonths(1);
		Instant midnight = thisMonth.atDay(1).atStartOfDay(PlatformTime.ZONE).toInstant();
		// the platform clock as it was at 23:59 on the last day of last month: the job
		// ran then
		Clock then = Clock.fixed(midnight.minus(Duration.ofMinutes(1)), PlatformTime.ZONE);
		assertThat(partitions.maintain(then).ran()).isTrue();
		assertThat(partitions.partitions()).contains(name(lastMonth), name(thisMonth));

		String eventId = "boundary-" + UUID.randomUUID();
		long first = alarms.importPast(new PastAlarm(d.id(), eventId, "one_key", then.instant(), "HTTP", "月末最后一分钟",
				"测试民警 (test)", then.instant().plusSeconds(20), then.instant().plusSeconds(40), "张三",
				midnight.plus(Duration.ofMinutes(20)), midnight.plus(Duration.ofMinutes(30)),
				AlarmOutcome.FALSE_ALARM));
		// the device did not hear the answer and sends it again two minutes later, next
		// month
		Instant resent = midnight.plus(Duration.ofMinutes(1));
		Alarms.Raised again = alarms.raise(new AlarmReport(d.id(), eventId, "one_key", resent.minusSeconds(1), resent,
				null, null, null, "HTTP", "{\"eventId\":\"" + eventId + "\"}"));
		assertThat(again.duplicate()).isTrue();
		assertThat(again.alarmId()).isEqualTo(first);
		assertThat(jdbc.sql("select count(*) from alarm where device_id = ? and event_id = ?")
			.params(d.id(), eventId)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select tableoid::regclass::text from alarm where id = ?")
			.param(first)
			.query(String.class)
			.single()).isEqualTo(name(lastMonth));
		// every step, those taken after midnight too, in the alarm's month
		assertThat(jdbc
			.sql("select step || '@' || tableoid::regclass::text from alarm_step where alarm_id = ? order by id")
			.param(first)
			.query(String.class)
			.list()).containsExactly("RECEIVED@" + stepName(lastMonth), "ACKNOWLEDGE@" + stepName(lastMonth),
					"DISPATCH@" + stepName(lastMonth), "ARRIVE@" + stepName(lastMonth), "CLOSE@" + stepName(lastMonth));

		// sent once more today over HTTP: still the same alarm
		var page = new WebSession(port).api("POST", "/api/v1/devices/" + d.code() + "/alarms", null, null,
				"{\"eventId\":\"" + eventId + "\",\"code\":\"one_key\"}", Map.of("X-Device-Token", d.token()));
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).contains("\"duplicate\":true").contains("\"alarmId\":" + first);
		assertThat(jdbc.sql("select count(*) from alarm where event_id = ?").param(eventId).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void theJobDropsMonthsPastTheRetentionWholeAndKeepsRecentOnesAndCreatesTheComingMonths() {
		TestDevices.Registered d = device();
		YearMonth thisMonth = YearMonth.from(PlatformTime.today(clock));
		// 61 months ago the job made that month's partitions; an alarm was raised and
		// worked then
		Clock then = Clock.fixed(thisMonth.minusMonths(61).atDay(10).atTime(9, 0).atZone(PlatformTime.ZONE).toInstant(),
				PlatformTime.ZONE);
		AlarmPartitions.Maintenance past = partitions.maintain(then);
		String old = name(thisMonth.minusMonths(61));
		assertThat(past.created()).contains(old, stepName(thisMonth.minusMonths(61)));
		Instant at = then.instant();
		long oldAlarm = alarms.importPast(new PastAlarm(d.id(), "old-" + UUID.randomUUID(), "one_key", at, "MQTT",
				"五年前的报警", "测试民警 (test)", at.plusSeconds(30), at.plusSeconds(60), "李四", at.plusSeconds(600),
				at.plusSeconds(900), AlarmOutcome.REAL));
		long recent = alarms.importPast(PastAlarm.open(d.id(), "recent-" + UUID.randomUUID(), "one_key",
				clock.instant().minusSeconds(60), "MQTT", "刚才的报警"));
		assertThat(rows("alarm", "id", oldAlarm)).isEqualTo(1);
		assertThat(rows("alarm_step", "alarm_id", oldAlarm)).isEqualTo(5);
		assertThat(rows(old, "id", oldAlarm)).isEqualTo(1);

		// today: months that ended more than five years ago go by partition, the rest
		// stay
		AlarmPartitions.Maintenance now = partitions.maintain(clock);
		YearMonth oldestKept = thisMonth.minusMonths(60);
		assertThat(now.dropped()).contains(old)
			.allSatisfy(name -> assertThat(YearMonth.parse(name.substring(AlarmPartitions.PREFIX.length()), MONTH))
				.isBefore(oldestKept));
		assertThat(partitions.partitions()).doesNotContain(old).contains(name(oldestKept));
		assertThat(partitions.stepPartitions()).doesNotContain(stepName(thisMonth.minusMonths(61)));
		for (int i = 0; i <= 3; i++) {
			assertThat(partitions.partitions()).contains(name(thisMonth.plusMonths(i)));
			assertThat(partitions.stepPartitions()).contains(stepName(thisMonth.plusMonths(i)));
		}
		assertThat(rows("alarm", "id", oldAlarm)).isZero();
		assertThat(rows("alarm_step", "alarm_id", oldAlarm)).isZero();
		assertThat(rows("alarm_event_key", "alarm_id", oldAlarm)).isZero();
		assertThat(rows("alarm", "id", recent)).isEqualTo(1);
		assertThat(rows("alarm_step", "alarm_id", recent)).isEqualTo(1);
		assertThat(rows("alarm_event_key", "alarm_id", recent)).isEqualTo(1);
		// a second run finds nothing to do
		AlarmPartitions.Maintenance again = partitions.maintain(clock);
		assertThat(again.created()).isEmpty();
		assertThat(again.dropped()).isEmpty();
	}

	private TestDevices.Registered device() {
		return TestDevices.register(WebSession.signedIn(port, "tianning.edu", PW), TestDevices.code("134"),
				TestDevices.qinglongSchool(port)[0], "ONE_KEY_ALARM", "门卫室");
	}

	private long rows(String table, String column, long id) {
		// table and column names are this test's own constants
		return jdbc.sql("select count(*) from " + table + " where " + column + " = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	private static String name(YearMonth month) {
		return AlarmPartitions.PREFIX + MONTH.format(month);
	}

	private static String stepName(YearMonth month) {
		return AlarmPartitions.STEP_PREFIX + MONTH.format(month);
	}

}
