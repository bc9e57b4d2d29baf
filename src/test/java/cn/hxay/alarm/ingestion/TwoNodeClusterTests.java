package cn.hxay.alarm.ingestion;

import cn.hxay.alarm.Alarms;
import cn.hxay.alarm.ConsoleStream;
import cn.hxay.alarm.TestDevices;
import cn.hxay.alarm.TestMosquitto;
import cn.hxay.alarm.TestPublisher;
import cn.hxay.alarm.outages.OutageWatchRuns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import cn.hxay.CampusSafetyApplication;
import cn.hxay.hazard.HazardOverdueJob;
import cn.hxay.notification.Notifications;
import cn.hxay.shared.PlatformTime;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static cn.hxay.alarm.TestDevices.PW;
import static cn.hxay.support.Texts.find;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two platform nodes on one PostgreSQL and one Mosquitto, and one of them killed in the
 * middle of a stream of alarms and heartbeats. The database is the shared test context's
 * embedded PostgreSQL (demo city already built). Node A is another Spring application in
 * this JVM; node B is a process of its own ({@link ClusterNode}, this JVM's class path),
 * started first because a cold JVM is the slow part, and stopped with
 * {@link Process#destroyForcibly()}: SIGKILL, so no shutdown hook runs, B never leaves
 * the MQTT group, and its database connections simply die. Both are in the shared
 * subscription group {@code hxay} on a Mosquitto started here, so the broker hands each
 * message to one of them, round robin.
 *
 * <p>
 * Shown: every alarm published before, during and after the kill is stored exactly once.
 * Mosquitto keeps a killed node's persistent session, with the messages it had sent it
 * and seen no acknowledgement for and its turn of every message since; node A notices
 * that B's claim (an advisory lock on B's own connection) is gone and takes that session
 * over ({@code NodeSessions}), so those messages are handled, none lost and none stored
 * twice (event ids); with the takeover off ({@code hxay.mqtt.takeover=false} on A) 12 of
 * the 40 alarms were lost. A's console receives every alarm once, those B stored included
 * (LISTEN/NOTIFY). A session signed in on B works on A after B is dead. The cluster jobs
 * of the issue run once: B holds the locks of the escalation job, the overdue-hazard job
 * and the outage watch in one transaction, and A's runs do nothing while B lives (alarm
 * not escalated, hazard past its deadline not flagged, silent camera without an outage);
 * after the kill A's next runs escalate the alarm, flag the hazard and open the outage,
 * once each. Webhook deliveries have no named lock (rows claimed with SKIP LOCKED): with
 * A's and the test context's schedulers paused, B's dispatcher claims a delivery and the
 * receiver holds its request; A's dispatch sends nothing while B lives, and after the
 * kill sends it once (B's request never answered, A's answered: one attempt recorded).
 * The test context is a third node on the database: its scheduler stays paused from then
 * on, so that every run shown is A's.
 *
 * <p>
 * What a kill may lose, by design: heartbeats are acknowledged once they are in a node's
 * memory ({@code HeartbeatBuffer}, written every {@code hxay.device.flush-interval}, 200
 * ms), so B's last 200 ms of heartbeats (and of the "alive" marks its alarms carry) are
 * gone; the device's next heartbeat restores its status, which is all the outage watch
 * reads. Here: the heartbeat count may fall short by B's last flush interval, and the
 * last heartbeat time is that of the last heartbeat sent. Alarms are acknowledged only
 * after their transaction committed, so a kill loses none. Skipped where Mosquitto is not
 * installed (required on CI). B's output is in {@code target/cluster-<uuid>/node-b.log},
 * printed when the test fails.
 */
@PlatformTest
@EnabledIf(value = "mosquittoInstalled", disabledReason = "mosquitto is not installed")
class TwoNodeClusterTests {

	static final Path WORK = Path.of("target", "cluster-" + UUID.randomUUID()).toAbsolutePath();

	/** Rounds of one alarm and two heartbeats, 50 ms apart; B is killed halfway. */
	static final int ROUNDS = 30;

	/** Alarms published at once just before the kill. */
	static final int BURST = 10;

	static final int ALARMS = ROUNDS + BURST;

	/**
	 * Heartbeat marks B may have acknowledged and not yet written when killed: its last
	 * 200 ms of messages (about 6), its share of the burst (5), and room for a flush
	 * delayed on a busy machine.
	 */
	static final int HEARTBEATS_A_KILL_MAY_LOSE = 20;

	/** The cluster jobs' locks node B holds until it is killed. */
	static final List<String> HELD_LOCKS = List.of("alarm.escalation", "hazard.overdue-job", "alarm.outage-watch");

	static TestMosquitto mosquitto;

	static Process nodeB;

	@Autowired
	DataSource database;

	/**
	 * The test context: a third node on the same database, paused while it would race.
	 */
	@Autowired
	ApplicationContext testContext;

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
	static void stopEverything() {
		if (nodeB != null) {
			nodeB.destroyForcibly();
		}
		if (mosquitto != null) {
			mosquitto.close();
		}
	}

	/** The settings both nodes share: the same database, broker and MQTT group. */
	private List<String> settings(String name, int port) {
		HikariDataSource db = (HikariDataSource) database;
		return List.of("--server.port=" + port, "--spring.main.banner-mode=off",
				"--spring.datasource.url=" + db.getJdbcUrl(), "--spring.datasource.username=" + db.getUsername(),
				"--hxay.demo.enabled=false", "--hxay.demo.device-heartbeats=false",
				"--hxay.mqtt.url=" + mosquitto.url(), "--hxay.mqtt.client-id=node-" + name,
				"--hxay.mqtt.shared-group=hxay", "--hxay.mqtt.takeover-check=500ms");
	}

	private ConfigurableApplicationContext nodeA() {
		List<String> settings = new ArrayList<>(settings("a", 0));
		// A delivers webhooks when the test calls it (and once, 5 s after it starts)
		settings.add("--hxay.webhooks.dispatch-interval=3600000");
		return new SpringApplicationBuilder(CampusSafetyApplication.class).run(settings.toArray(String[]::new));
	}

	/**
	 * Node B in a JVM of its own, holding the locks of the escalation, overdue-hazard and
	 * outage-watch jobs; its output goes to {@code log}, its status to {@code status}.
	 */
	private Process startNodeB(int port, Path log, Path status) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-XX:+UseSerialGC", "-Xmx512m", "-Dfile.encoding=" + System.getProperty("file.encoding"), "-cp",
						System.getProperty("java.class.path"), ClusterNode.class.getName()));
		command.addAll(settings("b", port));
		command.add("--hxay.test.status-file=" + status);
		command.add("--hxay.test.hold-lock=" + String.join(",", HELD_LOCKS));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		// no node outlives the test JVM, however it ends
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		return process;
	}

	@Test
	void aNodeKilledMidStreamLosesNothingAndTheOtherCarriesOn() throws Exception {
		long started = System.nanoTime();
		Files.createDirectories(WORK);
		Path logB = WORK.resolve("node-b.log");
		Path statusB = WORK.resolve("node-b.status");
		int portB = TestMosquitto.freePort();
		nodeB = startNodeB(portB, logB, statusB);
		ConfigurableApplicationContext a = nodeA();
		long hazard = 0;
		TestDevices.Registered camera = null;
		long webhook = 0;
		Receiver receiver = null;
		Paused pausedTestContext = null;
		try {
			// what needs only node A is done while B's JVM is still starting
			int portA = port(a);
			MqttIngest ingestA = a.getBean(MqttIngest.class);
			assertThat(ingestA.topicFilter()).isEqualTo("$share/hxay/hxay/v1/+/+/+");
			JdbcClient jdbc = a.getBean(JdbcClient.class);
			TestDevices.Registered device = TestDevices.register(WebSession.signedIn(portA, "tianning.edu", PW),
					TestDevices.code("134"), TestDevices.qinglongSchool(portA)[0], "ONE_KEY_ALARM", "门卫室");
			// an alarm left unacknowledged, for the escalation job
			String waiting = "escalate-" + UUID.randomUUID();
			assertThat(new WebSession(portA).api("POST", "/api/v1/devices/" + device.code() + "/alarms", null, null,
					"{\"eventId\":\"" + waiting + "\",\"code\":\"one_key\"}", Map.of("X-Device-Token", device.token()))
				.status()).isEqualTo(201);
			ConsoleStream consoleA = ConsoleStream.open(portA, WebSession.signedIn(portA, "qinglong.police", PW));
			// for the other cluster jobs: a hazard, a camera and a webhook of the test's
			// own
			String[] school = TestDevices.qinglongSchool(portA);
			WebSession.Page raised = new WebSession(portA).api("POST", "/api/v1/hazards", "tianning.edu", PW, """
					{"schoolId":%s,"place":"双节点测试 %s","category":"PHYSICAL","grade":"GENERAL","description":"围墙破损",
					 "requirements":"修复围墙","responsibleUnit":"学校总务处","responsiblePerson":"王建国"}""".formatted(school[1],
					waiting), Map.of());
			assertThat(raised.status()).as(raised.body()).isEqualTo(201);
			hazard = Long.parseLong(find(raised.body(), "\"id\":(\\d+)"));
			camera = TestDevices.register(WebSession.signedIn(portA, "tianning.edu", PW), TestDevices.code("132"),
					school[0], "CAMERA", "双节点测试");
			receiver = new Receiver();
			WebSession.Page added = new WebSession(portA).api("POST", "/api/v1/webhooks", "admin", PW,
					"{\"name\":\"双节点测试\",\"url\":\"" + receiver.url() + "\",\"events\":[\"TEST\"]}", Map.of());
			assertThat(added.status()).as(added.body()).isEqualTo(201);
			webhook = Long.parseLong(find(added.body(), "\"id\":(\\d+)"));

			await("node B started").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
				assertThat(nodeB.isAlive()).as("node B running").isTrue();
				return Files.exists(statusB);
			});
			long ready = System.nanoTime();
			assertThat(jdbc.sql("select client_id from mqtt_node_session where client_id like 'node-%'")
				.query(String.class)
				.list()).as("both nodes claimed their MQTT session").contains("node-a", "node-b");
			WebSession signedInOnB = WebSession.signedIn(portB, "qinglong.police", PW);

			// B holds the escalation job's cluster lock, so A's run (an hour later) skips
			Clock later = Clock.offset(a.getBean(Clock.class), Duration.ofHours(1));
			Alarms alarmsA = a.getBean(Alarms.class);
			await("B holds the escalation lock").atMost(Duration.ofSeconds(10))
				.until(() -> status(statusB).contains("lock=true"));
			assertThat(alarmsA.escalate(later)).as("A's escalation while B holds the lock").isZero();
			// the hazard past its deadline and the camera silent for an hour: A's overdue
			// run
			// and outage watch do nothing while B holds their locks
			Clock clockA = a.getBean(Clock.class);
			jdbc.sql("update hazard set deadline = ? where id = ?")
				.params(PlatformTime.today(clockA).minusDays(1), hazard)
				.update();
			assertThat(jdbc.sql("update device_status set last_heartbeat_at = ? where device_id = ?")
				.params(Timestamp.from(clockA.instant().minus(Duration.ofHours(1))), camera.id())
				.update()).isEqualTo(1);
			HazardOverdueJob overdueA = a.getBean(HazardOverdueJob.class);
			assertThat(overdueA.run(clockA)).as("A's overdue run while B holds the lock").isZero();
			assertThat(OutageWatchRuns.detect(a, clockA)).as("A's outage watch while B holds the lock").isZero();
			assertThat(overdueSteps(jdbc, hazard)).as("hazard not flagged").isZero();
			assertThat(outages(jdbc, camera.id())).as("no outage opened").isZero();

			// webhook delivery, claimed row by row (SKIP LOCKED), no named lock: with the
			// test context's and A's schedulers paused, B's dispatcher alone claims the
			// delivery, and the receiver holds its request: B is mid-delivery
			pausedTestContext = Paused.scheduler(testContext);
			Notifications notificationsA = a.getBean(Notifications.class);
			List<Long> heldByB = receiver.held;
			try (Paused pausedA = Paused.scheduler(a)) {
				notificationsA.sendTest(webhook);
				await("B's request at the receiver").atMost(Duration.ofSeconds(10)).until(() -> !heldByB.isEmpty());
			}
			// (B's request times out after 10 s and B would then record a failed attempt:
			// the kill comes well before, see the figure printed below)
			long midDelivery = System.nanoTime();
			long delivery = jdbc.sql("select id from webhook_delivery where webhook_id = ?")
				.param(webhook)
				.query(Long.class)
				.single();
			assertThat(receiver.held).containsExactly(delivery);
			assertThat(notificationsA.dispatchDue()).as("A's dispatch while B is mid-delivery").isZero();
			assertThat(receiver.answered).as("nothing sent by A").isEmpty();
			assertThat(attempts(jdbc, delivery)).as("no attempt recorded").isEqualTo("0 false");

			List<String> sent = new ArrayList<>();
			String topic = "hxay/v1/" + device.schoolCode() + "/" + device.code() + "/";
			long killed = 0;
			Instant killedAt = null;
			Instant lastHeartbeat = null;
			try (TestPublisher publisher = new TestPublisher(mosquitto.url())) {
				for (int i = 0; i < ROUNDS; i++) {
					// an alarm and two heartbeats a round: an odd number, so that the
					// broker's round robin gives each node both kinds
					sent.add(alarm(publisher, topic, device));
					lastHeartbeat = Instant.now();
					publisher.publish(topic + "heartbeat", "{\"token\":\"" + device.token() + "\"}");
					publisher.publish(topic + "heartbeat", "{\"token\":\"" + device.token() + "\"}");
					if (i == ROUNDS / 2) {
						// both nodes took part; then a burst, so that B dies with
						// messages in hand, and the kill
						await("both nodes handled messages").atMost(Duration.ofSeconds(10))
							.until(() -> ingestA.handled() > 0 && handled(statusB) > 0);
						for (int j = 0; j < BURST; j++) {
							sent.add(alarm(publisher, topic, device));
						}
						nodeB.destroyForcibly().waitFor();
						killed = System.nanoTime();
						killedAt = Instant.now();
					}
					// devices send at their own pace: the kill falls mid-stream
					Thread.sleep(50);
				}
			}

			await("every alarm stored").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> jdbc.sql("select count(*) from alarm where device_id = ? and event_id like 'cluster-%'")
					.param(device.id())
					.query(Long.class)
					.single(), n -> n >= ALARMS);
			long allStored = System.nanoTime();
			List<String> stored = jdbc
				.sql("select event_id from alarm where device_id = ? and event_id like 'cluster-%'")
				.param(device.id())
				.query(String.class)
				.list();
			assertThat(stored).as("every alarm stored exactly once").containsExactlyInAnyOrderElementsOf(sent);
			await("B's session taken over by A").atMost(Duration.ofSeconds(10))
				.until(() -> jdbc.sql("select count(*) from mqtt_node_session where client_id = 'node-b'")
					.query(Long.class)
					.single(), n -> n == 0);
			long takenOver = System.nanoTime();

			// heartbeats: the last one sent is the device's last heartbeat, and only B's
			// unwritten buffer may be missing from the count
			Instant last = lastHeartbeat.truncatedTo(ChronoUnit.MILLIS);
			await("the last heartbeat recorded").atMost(Duration.ofSeconds(10))
				.until(() -> jdbc.sql("select last_heartbeat_at from device_status where device_id = ?")
					.param(device.id())
					.query(Timestamp.class)
					.single()
					.toInstant(), at -> !at.isBefore(last));
			long heartbeats = jdbc.sql("select heartbeats from device_status where device_id = ?")
				.param(device.id())
				.query(Long.class)
				.single();
			// each alarm counts as a heartbeat too (the one over HTTP included)
			long marks = 2L * ROUNDS + ALARMS + 1;
			assertThat(heartbeats).as("heartbeats counted")
				.isBetween(marks - HEARTBEATS_A_KILL_MAY_LOSE, marks + HEARTBEATS_A_KILL_MAY_LOSE);

			// the surviving console received every alarm once, those B stored included
			List<Long> ids = jdbc.sql("select id from alarm where device_id = ? and event_id like 'cluster-%'")
				.param(device.id())
				.query(Long.class)
				.list();
			await("every alarm on node A's console").atMost(Duration.ofSeconds(10))
				.until(() -> ids.stream().allMatch(id -> consoleA.arrival(id) != null));
			ids.forEach(id -> assertThat(consoleA.newEvents(id)).as("alarm %s on A's console", id).isEqualTo(1));

			// the session signed in on B is valid on A, and its console keeps receiving
			try (ConsoleStream moved = ConsoleStream.open(portA, signedInOnB);
					TestPublisher publisher = new TestPublisher(mosquitto.url())) {
				String eventId = alarm(publisher, topic, device);
				long id = await("alarm after B was killed").atMost(Duration.ofSeconds(10))
					.ignoreExceptions()
					.until(() -> jdbc.sql("select id from alarm where device_id = ? and event_id = ?")
						.params(device.id(), eventId)
						.query(Long.class)
						.single(), found -> found != null);
				await("on the moved session's console").atMost(Duration.ofSeconds(5))
					.until(() -> moved.arrival(id) != null);
			}
			consoleA.close();

			// B's locks died with its connection: A's next run escalates the waiting
			// alarm, once (A's own scheduler takes the lock too: retry)
			await("escalated by A").atMost(Duration.ofSeconds(15)).until(() -> alarmsA.escalate(later), n -> n > 0);
			assertThat(alarmsA.escalate(later)).as("nothing left for the next run").isZero();
			assertThat(jdbc.sql("""
					select count(*) from alarm_step s join alarm a on a.id = s.alarm_id
					where a.event_id = ? and s.step = 'ESCALATED'""").param(waiting).query(Long.class).single())
				.as("the waiting alarm escalated once")
				.isEqualTo(1);

			// B's other locks went with it (one transaction): the hazard flagged once,
			assertThat(overdueA.run(clockA)).as("A's overdue run after the kill").isPositive();
			assertThat(overdueA.run(clockA)).as("nothing left for the next run").isZero();
			assertThat(overdueSteps(jdbc, hazard)).as("the hazard flagged once").isEqualTo(1);
			// one outage for the silent camera, opened after the kill (A's scheduled
			// watch
			// may be the run that opens it: retry while that run holds the lock)
			long cameraId = camera.id();
			await("outage opened by A").atMost(Duration.ofSeconds(15)).until(() -> {
				OutageWatchRuns.detect(a, clockA);
				return outages(jdbc, cameraId);
			}, n -> n > 0);
			OutageWatchRuns.detect(a, clockA);
			assertThat(outages(jdbc, camera.id())).as("one outage, none twice").isEqualTo(1);
			Instant killedAtMillis = killedAt.truncatedTo(ChronoUnit.MILLIS);
			assertThat(jdbc.sql("select detected_at from device_outage where device_id = ?")
				.param(camera.id())
				.query(Timestamp.class)
				.single()
				.toInstant()).as("detected after the kill").isAfterOrEqualTo(killedAtMillis);
			// and the delivery B held, its request never answered: A sends it once
			await("delivered by A").atMost(Duration.ofSeconds(15)).until(() -> {
				notificationsA.dispatchDue();
				return attempts(jdbc, delivery);
			}, "1 true"::equals);
			assertThat(notificationsA.dispatchDue()).as("nothing left to send").isZero();
			assertThat(receiver.answered).as("A's request, once").containsExactly(delivery);
			assertThat(receiver.held).as("B's request, never answered").containsExactly(delivery);

			System.out.printf(
					"two-node kill test: %d s (node B ready after %d s); kill -> every alarm stored %d ms, -> B's session taken over %d ms; node A handled %d messages; heartbeat marks %d of %d; B mid-delivery %d ms before the kill%n",
					Duration.ofNanos(System.nanoTime() - started).toSeconds(),
					Duration.ofNanos(ready - started).toSeconds(), Duration.ofNanos(allStored - killed).toMillis(),
					Duration.ofNanos(takenOver - killed).toMillis(), ingestA.handled(), heartbeats, marks,
					Duration.ofNanos(killed - midDelivery).toMillis());
		}
		catch (Throwable failed) {
			System.out.println("---- node B's output (" + logB + ") ----");
			if (Files.exists(logB)) {
				System.out.println(Files.readString(logB));
			}
			throw failed;
		}
		finally {
			nodeB.destroyForcibly();
			if (pausedTestContext != null) {
				pausedTestContext.close();
			}
			a.close();
			if (receiver != null) {
				receiver.close();
			}
			forget(hazard, camera, webhook);
		}
	}

	/** Removes the hazard, camera and webhook the test made: other tests count those. */
	private void forget(long hazard, TestDevices.Registered camera, long webhook) {
		JdbcClient jdbc = JdbcClient.create(database);
		jdbc.sql("delete from hazard_step where hazard_id = ?").param(hazard).update();
		jdbc.sql("delete from hazard where id = ?").param(hazard).update();
		if (camera != null) {
			// its status and outages go with it (on delete cascade)
			jdbc.sql("delete from device where id = ?").param(camera.id()).update();
		}
		jdbc.sql("delete from webhook_delivery where webhook_id = ?").param(webhook).update();
		jdbc.sql("delete from webhook where id = ?").param(webhook).update();
	}

	private static long overdueSteps(JdbcClient jdbc, long hazard) {
		return jdbc.sql("select count(*) from hazard_step where hazard_id = ? and action = '逾期挂牌督办'")
			.param(hazard)
			.query(Long.class)
			.single();
	}

	/** The device's outages, open or closed. */
	private static long outages(JdbcClient jdbc, long device) {
		return jdbc.sql("select count(*) from device_outage where device_id = ?")
			.param(device)
			.query(Long.class)
			.single();
	}

	/** A delivery's attempts and whether it was delivered, e.g. {@code "1 true"}. */
	private static String attempts(JdbcClient jdbc, long delivery) {
		return jdbc.sql("select attempts || ' ' || (delivered_at is not null) from webhook_delivery where id = ?")
			.param(delivery)
			.query(String.class)
			.single();
	}

	/**
	 * A webhook receiver: the first request it gets is held unanswered until the test
	 * ends (its sender stays mid-delivery), the others are answered 200; both lists hold
	 * delivery ids ({@code X-Hxay-Delivery}).
	 */
	static final class Receiver implements AutoCloseable {

		final List<Long> held = new CopyOnWriteArrayList<>();

		final List<Long> answered = new CopyOnWriteArrayList<>();

		private final AtomicInteger requests = new AtomicInteger();

		private final CountDownLatch end = new CountDownLatch(1);

		private final ExecutorService threads = Executors.newCachedThreadPool();

		private final HttpServer server;

		Receiver() throws IOException {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(threads);
			server.createContext("/hook", exchange -> {
				exchange.getRequestBody().readAllBytes();
				long delivery = Long.parseLong(exchange.getRequestHeaders().getFirst("X-Hxay-Delivery"));
				if (requests.getAndIncrement() == 0) {
					held.add(delivery);
					try {
						end.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				else {
					answered.add(delivery);
				}
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			server.start();
		}

		String url() {
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
		}

		@Override
		public void close() {
			end.countDown();
			server.stop(0);
			threads.shutdownNow();
		}

	}

	/**
	 * A node's scheduler kept busy (every thread of its pool waiting) until closed: its
	 * scheduled jobs wait their turn.
	 */
	static final class Paused implements AutoCloseable {

		private final CountDownLatch resume = new CountDownLatch(1);

		static Paused scheduler(ApplicationContext node) throws InterruptedException {
			ThreadPoolTaskScheduler scheduler = node.getBean("taskScheduler", ThreadPoolTaskScheduler.class);
			int threads = scheduler.getScheduledThreadPoolExecutor().getCorePoolSize();
			Paused paused = new Paused();
			CountDownLatch waiting = new CountDownLatch(threads);
			for (int i = 0; i < threads; i++) {
				scheduler.execute(() -> {
					waiting.countDown();
					try {
						paused.resume.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				});
			}
			assertThat(waiting.await(30, TimeUnit.SECONDS)).as("scheduler paused").isTrue();
			return paused;
		}

		@Override
		public void close() {
			resume.countDown();
		}

	}

	/** Publishes an alarm of the device with a new event id, and returns the id. */
	private static String alarm(TestPublisher publisher, String topic, TestDevices.Registered device) throws Exception {
		String eventId = "cluster-" + UUID.randomUUID().toString().substring(0, 12);
		publisher.publish(topic + "alarm", "{\"eventId\":\"" + eventId + "\",\"token\":\"" + device.token()
				+ "\",\"code\":\"one_key\",\"detail\":\"双节点测试\"}");
		return eventId;
	}

	private static String status(Path file) throws Exception {
		return Files.exists(file) ? Files.readString(file) : "";
	}

	private static long handled(Path file) throws Exception {
		Matcher handled = Pattern.compile("handled=(\\d+)").matcher(status(file));
		return handled.find() ? Long.parseLong(handled.group(1)) : 0;
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

}
