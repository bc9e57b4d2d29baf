package cn.hxay.alarm.ingestion;

import cn.hxay.alarm.TestDevices;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import cn.hxay.shared.PlatformTime;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.alarm.TestDevices.PW;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw heartbeats live in day partitions: a heartbeat over HTTP lands in today's; the
 * retention job, run with a clock 40 days back, makes the partitions of that time (as it
 * did then), and run today drops them whole (the heartbeat of 40 days ago goes with them)
 * while today's partition and its heartbeat stay and the coming week's partitions exist.
 */
@PlatformTest
class HeartbeatRetentionTests {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	@LocalServerPort
	int port;

	@Autowired
	HeartbeatPartitions partitions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void theJobDropsExpiredDayPartitionsWholeAndKeepsRecentOnesAndCreatesTheComingDays() {
		TestDevices.Registered d = TestDevices.register(WebSession.signedIn(port, "tianning.edu", PW),
				TestDevices.code("134"), TestDevices.qinglongSchool(port)[0], "ONE_KEY_ALARM", "门卫室");
		assertThat(new WebSession(port)
			.api("POST", "/api/v1/devices/" + d.code() + "/heartbeats", null, null, "{}",
					Map.of("X-Device-Token", d.token()))
			.status()).isEqualTo(202);
		LocalDate today = PlatformTime.today(clock);
		String todays = HeartbeatPartitions.PREFIX + DAY.format(today);
		await("heartbeat in today's partition").atMost(Duration.ofSeconds(10))
			.until(() -> rows(todays, d.id()), n -> n == 1);

		// 40 days ago the job made that day's partitions; a heartbeat was stored then
		Clock then = Clock.offset(clock, Duration.ofDays(-40));
		HeartbeatPartitions.Maintenance past = partitions.maintain(then);
		assertThat(past.ran()).isTrue();
		String old = HeartbeatPartitions.PREFIX + DAY.format(today.minusDays(40));
		assertThat(past.created()).contains(old);
		jdbc.sql("insert into device_heartbeat (device_id, at) values (?, ?)")
			.params(d.id(), java.sql.Timestamp.from(then.instant()))
			.update();
		assertThat(rows(old, d.id())).isEqualTo(1);

		// today: everything older than 30 days goes by partition, the recent ones stay
		HeartbeatPartitions.Maintenance now = partitions.maintain(clock);
		assertThat(now.dropped()).contains(old)
			.allSatisfy(name -> assertThat(LocalDate.parse(name.substring(HeartbeatPartitions.PREFIX.length()), DAY))
				.isBefore(today.minusDays(30)));
		assertThat(partitions.partitions()).doesNotContain(old).contains(todays);
		for (int i = 1; i <= 7; i++) {
			assertThat(partitions.partitions()).contains(HeartbeatPartitions.PREFIX + DAY.format(today.plusDays(i)));
		}
		assertThat(jdbc.sql("select count(*) from device_heartbeat where device_id = ?")
			.param(d.id())
			.query(Long.class)
			.single()).as("only today's heartbeat is left").isEqualTo(1);
		assertThat(rows(todays, d.id())).isEqualTo(1);
		// a second run finds nothing to do
		HeartbeatPartitions.Maintenance again = partitions.maintain(clock);
		assertThat(again.created()).isEmpty();
		assertThat(again.dropped()).isEmpty();
	}

	private long rows(String partition, long deviceId) {
		return jdbc.sql("select count(*) from " + partition + " where device_id = ?")
			.param(deviceId)
			.query(Long.class)
			.single();
	}

}
