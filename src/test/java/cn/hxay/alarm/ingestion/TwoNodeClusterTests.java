package cn.hxay.alarm.ingestion;

import cn.hxay.alarm.Alarms;
import cn.hxay.alarm.ConsoleStream;
import cn.hxay.alarm.TestDevices;
import cn.hxay.alarm.TestMosquitto;
import cn.hxay.alarm.TestPublisher;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import cn.hxay.CampusSafetyApplication;
import cn.hxay.shared.ClusterLock;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.hxay.alarm.TestDevices.PW;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two platform nodes on one PostgreSQL and one Mosquitto, and one of them stopped in the
 * middle of a stream of alarms and heartbeats. The database is the shared test context's
 * embedded PostgreSQL (demo city already built); nodes A and B are two more Spring
 * applications in this JVM pointed at it, each with its own scheduler, connection pool,
 * MQTT client ({@code node-a}, {@code node-b}) and listening connection, both in the
 * shared subscription group {@code hxay} on a Mosquitto started here, so that the broker
 * hands each message to one of them. Shown: each message handled by one node only and
 * every alarm stored once, none lost while B leaves; A's console receives every alarm
 * once, those B stored included (LISTEN/NOTIFY); a session signed in on B works on A
 * after B is gone; a job whose cluster lock one node holds does not run on the other.
 * Skipped where Mosquitto is not installed (required on CI).
 */
@PlatformTest
@EnabledIf(value = "mosquittoInstalled", disabledReason = "mosquitto is not installed")
class TwoNodeClusterTests {

	static final Path WORK = Path.of("target", "cluster-" + UUID.randomUUID()).toAbsolutePath();

	static final int ALARMS = 40;

	static TestMosquitto mosquitto;

	@Autowired
	DataSource database;

	static boolean mosquittoInstalled() {
		if (System.getenv("CI") != null) {
			assertThat(TestMosquitto.installed()).as("CI must install mosquitto (.ci/run does)").isTrue();
		}
		return TestMosquitto.installed();
	}

	@BeforeAll
	static void startMosquitto() throws Exception {
		mosquitto = TestMosquitto.start(WORK, """
				allow_anonymous true
				persistence false
				max_queued_messages 100000""");
	}

	@AfterAll
	static void stopMosquitto() {
		if (mosquitto != null) {
			mosquitto.close();
		}
	}

	ConfigurableApplicationContext node(String name) {
		HikariDataSource db = (HikariDataSource) database;
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--spring.datasource.url=" + db.getJdbcUrl(), "--spring.datasource.username=" + db.getUsername(),
				"--hxay.demo.enabled=false", "--hxay.mqtt.url=" + mosquitto.url(), "--hxay.mqtt.client-id=node-" + name,
				"--hxay.mqtt.shared-group=hxay", "--hxay.demo.device-heartbeats=false"));
		return new SpringApplicationBuilder(CampusSafetyApplication.class).run(args.toArray(String[]::new));
	}

	@Test
	void aNodeLeavesMidStreamAndNothingIsLostOrDoubledAndTheOtherCarriesOn() throws Exception {
		long started = System.nanoTime();
		ConfigurableApplicationContext a = node("a");
		ConfigurableApplicationContext b = null;
		try {
			b = node("b");
			int portA = port(a);
			int portB = port(b);
			MqttIngest ingestA = a.getBean(MqttIngest.class);
			MqttIngest ingestB = b.getBean(MqttIngest.class);
			assertThat(ingestA.topicFilter()).isEqualTo("$share/hxay/hxay/v1/+/+/+");
			JdbcClient jdbc = a.getBean(JdbcClient.class);

			TestDevices.Registered device = TestDevices.register(WebSession.signedIn(portA, "tianning.edu", PW),
					TestDevices.code("134"), TestDevices.qinglongSchool(portA)[0], "ONE_KEY_ALARM", "门卫室");
			WebSession signedInOnB = WebSession.signedIn(portB, "qinglong.police", PW);

			// a job runs once per cluster: while node A holds its lock, node B's run
			// skips
			assertThat(new WebSession(portA)
				.api("POST", "/api/v1/devices/" + device.code() + "/alarms", null, null,
						"{\"eventId\":\"escalate-" + UUID.randomUUID() + "\",\"code\":\"one_key\"}",
						Map.of("X-Device-Token", device.token()))
				.status()).isEqualTo(201);
			assertLockedJobsSkipOnTheOtherNode(a, b);

			List<String> sent = new ArrayList<>();
			String topic = "hxay/v1/" + device.schoolCode() + "/" + device.code() + "/";
			ConsoleStream consoleA = ConsoleStream.open(portA, WebSession.signedIn(portA, "qinglong.police", PW));
			ConsoleStream consoleB = ConsoleStream.open(portB, signedInOnB);
			CompletableFuture<Void> stopping = null;
			try (TestPublisher publisher = new TestPublisher(mosquitto.url())) {
				for (int i = 0; i < ALARMS; i++) {
					String eventId = "cluster-" + UUID.randomUUID().toString().substring(0, 12);
					publisher.publish(topic + "alarm", "{\"eventId\":\"" + eventId + "\",\"token\":\"" + device.token()
							+ "\",\"code\":\"one_key\",\"detail\":\"双节点测试\"}");
					sent.add(eventId);
					publisher.publish(topic + "heartbeat", "{\"token\":\"" + device.token() + "\"}");
					if (i == ALARMS / 2) {
						// both nodes took part before B goes
						await("both nodes handled messages").atMost(Duration.ofSeconds(10))
							.until(() -> ingestA.handled() > 0 && ingestB.handled() > 0);
						ConfigurableApplicationContext leaving = b;
						stopping = CompletableFuture.runAsync(leaving::close);
					}
					Thread.sleep(50);
				}
				stopping.get();
				b = null;
			}

			await("every alarm stored").atMost(Duration.ofSeconds(30))
				.until(() -> jdbc.sql("select count(*) from alarm where device_id = ? and event_id like 'cluster-%'")
					.param(device.id())
					.query(Long.class)
					.single(), n -> n >= ALARMS);
			List<String> stored = jdbc
				.sql("select event_id from alarm where device_id = ? and event_id like 'cluster-%'")
				.param(device.id())
				.query(String.class)
				.list();
			assertThat(stored).as("every alarm stored exactly once").containsExactlyInAnyOrderElementsOf(sent);
			await("every heartbeat counted").atMost(Duration.ofSeconds(10))
				.until(() -> jdbc.sql("select heartbeats from device_status where device_id = ?")
					.param(device.id())
					.query(Long.class)
					.single(), n -> n >= ALARMS);
			// each message went to one node: the two nodes' counts add up to what was
			// sent
			assertThat(ingestA.handled() + ingestB.handled()).as("messages handled by A and B").isEqualTo(2L * ALARMS);
			assertThat(ingestB.handled()).isPositive().isLessThan(2L * ALARMS);

			// the surviving console received every alarm once, those B stored included
			List<Long> ids = jdbc.sql("select id from alarm where device_id = ? and event_id like 'cluster-%'")
				.param(device.id())
				.query(Long.class)
				.list();
			await("every alarm on node A's console").atMost(Duration.ofSeconds(10))
				.until(() -> ids.stream().allMatch(id -> consoleA.arrival(id) != null));
			ids.forEach(id -> assertThat(consoleA.newEvents(id)).as("alarm %s on A's console", id).isEqualTo(1));
			assertThat(consoleB.events()).as("B's console worked until B left").isNotEmpty();

			// the session signed in on B is valid on A, and its console keeps receiving
			try (ConsoleStream moved = ConsoleStream.open(portA, signedInOnB);
					TestPublisher publisher = new TestPublisher(mosquitto.url())) {
				String eventId = "cluster-after-" + UUID.randomUUID().toString().substring(0, 8);
				publisher.publish(topic + "alarm", "{\"eventId\":\"" + eventId + "\",\"token\":\"" + device.token()
						+ "\",\"code\":\"one_key\",\"detail\":\"双节点测试\"}");
				long id = await("alarm after B left").atMost(Duration.ofSeconds(10))
					.ignoreExceptions()
					.until(() -> jdbc.sql("select id from alarm where device_id = ? and event_id = ?")
						.params(device.id(), eventId)
						.query(Long.class)
						.single(), found -> found != null);
				await("on the moved session's console").atMost(Duration.ofSeconds(5))
					.until(() -> moved.arrival(id) != null);
			}
			consoleA.close();
			consoleB.close();
			long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
			System.out.printf("two-node test: %d s; node A handled %d messages, node B %d before it left%n", seconds,
					ingestA.handled(), ingestB.handled());
		}
		finally {
			if (b != null) {
				b.close();
			}
			a.close();
		}
	}

	/**
	 * The heartbeat partition job and the escalation job take their cluster locks: while
	 * a transaction on A holds one, the same job on B does nothing; released, B's run
	 * does the work and A's next run finds none left.
	 */
	private static void assertLockedJobsSkipOnTheOtherNode(ConfigurableApplicationContext a,
			ConfigurableApplicationContext b) {
		ClusterLock lockA = a.getBean(ClusterLock.class);
		TransactionTemplate txA = a.getBean(TransactionTemplate.class);
		HeartbeatPartitions partitionsB = b.getBean(HeartbeatPartitions.class);
		Clock clock = a.getBean(Clock.class);
		whileHeld(txA, lockA, "alarm.heartbeat-partitions",
				() -> assertThat(partitionsB.maintain(clock).ran()).as("B's partition run while A holds the lock")
					.isFalse());
		assertThat(partitionsB.maintain(clock).ran()).isTrue();

		// an alarm left unacknowledged for an hour is escalated by one node only (the
		// nodes' own escalation jobs take the same lock every 10 s: hence the retries)
		Clock later = Clock.offset(clock, Duration.ofHours(1));
		Alarms alarmsA = a.getBean(Alarms.class);
		Alarms alarmsB = b.getBean(Alarms.class);
		whileHeld(txA, lockA, "alarm.escalation",
				() -> assertThat(alarmsB.escalate(later)).as("B's escalation while A holds the lock").isZero());
		await("escalated by B").atMost(Duration.ofSeconds(10)).until(() -> alarmsB.escalate(later), n -> n > 0);
		assertThat(alarmsA.escalate(later)).as("nothing left for A in the same round").isZero();
	}

	/** Runs the check in a transaction on A that holds the named lock. */
	private static void whileHeld(TransactionTemplate txA, ClusterLock lockA, String name, Runnable check) {
		await("A holds " + name).atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> Boolean.TRUE.equals(txA.execute(status -> {
				if (!lockA.tryTake(name)) {
					return false;
				}
				check.run();
				return true;
			})));
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

}
