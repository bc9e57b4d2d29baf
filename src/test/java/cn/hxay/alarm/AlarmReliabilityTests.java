package cn.hxay.alarm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import cn.hxay.CampusSafetyApplication;
import cn.hxay.support.WebSession;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Nothing is lost or stored twice when things break: alarms keep arriving over an
 * external Mosquitto broker while PostgreSQL is stopped for 10 s, and while the platform
 * itself is down and restarts. Every alarm is on the police console afterwards, exactly
 * once.
 *
 * <p>
 * This test runs its own platform (not the shared test context), twice in a row on one
 * database directory, against a real Mosquitto started here; `.ci/run` installs it.
 */
class AlarmReliabilityTests {

	static final String PW = "Demo@2026";

	static final Path WORK = Path.of("target", "reliability-" + UUID.randomUUID()).toAbsolutePath();

	static TestMosquitto mosquitto;

	static int mqttPort;

	@BeforeAll
	static void startMosquitto() throws Exception {
		boolean installed = TestMosquitto.installed();
		if (System.getenv("CI") != null) {
			assertThat(installed).as("CI must install mosquitto (.ci/run does)").isTrue();
		}
		assumeTrue(installed, "Debian mosquitto is not installed");
		Files.createDirectories(WORK.resolve("mosquitto"));
		mosquitto = TestMosquitto.start(WORK, """
				allow_anonymous true
				persistence true
				persistence_location %s/
				max_queued_messages 100000""".formatted(WORK.resolve("mosquitto")));
		mqttPort = mosquitto.port();
	}

	@AfterAll
	static void stopMosquitto() throws Exception {
		if (mosquitto != null) {
			mosquitto.close();
		}
		Postgres.stopLeftover();
	}

	/**
	 * The platform with the external broker and a database directory kept between starts.
	 */
	static ConfigurableApplicationContext platform() {
		return new SpringApplicationBuilder(CampusSafetyApplication.class).run("--server.port=0",
				"--hxay.mqtt.url=tcp://127.0.0.1:" + mqttPort, "--hxay.mqtt.client-id=reliability-platform",
				"--hxay.embedded-database.data-directory=" + WORK.resolve("pg"), "--hxay.embedded-database.clean=false",
				// fail fast while the database is away, so alarms really go
				// unacknowledged
				"--hxay.embedded-database.connection-timeout=2s", "--spring.main.banner-mode=off");
	}

	@Test
	void noAlarmIsLostOrDuplicatedWhenTheDatabaseStopsOrThePlatformRestarts() throws Exception {
		List<String> sent = new ArrayList<>();
		ConfigurableApplicationContext context = platform();
		try {
			int port = port(context);
			WebSession edu = WebSession.signedIn(port, "tianning.edu", PW);
			TestDevices.Registered device = TestDevices.register(edu, TestDevices.code("134"),
					TestDevices.qinglongSchool(port)[0], "ONE_KEY_ALARM", "门卫室");
			String topic = "hxay/v1/" + device.schoolCode() + "/" + device.code() + "/alarm";
			try (TestPublisher publisher = new TestPublisher("tcp://127.0.0.1:" + mqttPort)) {
				send(publisher, topic, device, sent, 10, 50);
				// PostgreSQL goes away for 10 s while the alarms keep coming
				Postgres pg = Postgres.of(context);
				assertThat(((HikariDataSource) context.getBean(DataSource.class)).getConnectionTimeout())
					.isEqualTo(2000);
				pg.stop();
				long stopped = System.currentTimeMillis();
				while (System.currentTimeMillis() - stopped < 10_000) {
					send(publisher, topic, device, sent, 1, 500);
				}
				int duringOutage = sent.size();
				pg.start();
				java.time.Instant back = java.time.Instant.now();
				send(publisher, topic, device, sent, 10, 50);
				awaitStored(context, device, sent.size());
				assertStoredOnce(context, device, sent);
				// the alarms sent while the database was away were taken in after it came
				// back, not before: the outage really hit the ingestion
				List<java.sql.Timestamp> received = context.getBean(JdbcClient.class)
					.sql("select received_at from alarm where device_id = ? and event_id = ?")
					.params(device.id(), sent.get(duringOutage - 1))
					.query(java.sql.Timestamp.class)
					.list();
				assertThat(received.get(0).toInstant()).isAfter(back.minusMillis(500));
			}

			// the platform goes down; the broker keeps what arrives for its persistent
			// session
			context.close();
			try (TestPublisher publisher = new TestPublisher("tcp://127.0.0.1:" + mqttPort)) {
				send(publisher, topic, device, sent, 20, 20);
			}
			context = platform();
			awaitStored(context, device, sent.size());
			assertStoredOnce(context, device, sent);

			// and every one of them is on the police console, once
			String queue = WebSession.signedIn(port(context), "qinglong.police", PW).get("/console/queue").body();
			for (String eventId : sent) {
				assertThat(count(queue, "\"eventId\":\"" + eventId + "\"")).as(eventId).isEqualTo(1);
			}
		}
		finally {
			context.close();
		}
	}

	private static void send(TestPublisher publisher, String topic, TestDevices.Registered device, List<String> sent,
			int count, long pauseMillis) throws Exception {
		for (int i = 0; i < count; i++) {
			String eventId = "rel-" + UUID.randomUUID().toString().substring(0, 13);
			publisher.publish(topic, "{\"eventId\":\"" + eventId + "\",\"token\":\"" + device.token()
					+ "\",\"code\":\"one_key\",\"detail\":\"可靠性测试\"}");
			sent.add(eventId);
			Thread.sleep(pauseMillis);
		}
	}

	private static void awaitStored(ConfigurableApplicationContext context, TestDevices.Registered device,
			int expected) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		// the connection pool refills a moment after the database is back
		long stored = await("alarms stored").atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptionsInstanceOf(org.springframework.dao.DataAccessException.class)
			.until(() -> jdbc.sql("select count(*) from alarm where device_id = ?")
				.param(device.id())
				.query(Long.class)
				.single(), n -> n >= expected);
		assertThat(stored).as("alarms stored").isEqualTo(expected);
	}

	private static void assertStoredOnce(ConfigurableApplicationContext context, TestDevices.Registered device,
			List<String> sent) {
		List<String> stored = context.getBean(JdbcClient.class)
			.sql("select event_id from alarm where device_id = ? order by id")
			.param(device.id())
			.query(String.class)
			.list();
		assertThat(stored).as("every alarm exactly once").containsExactlyInAnyOrderElementsOf(sent);
	}

	private static int count(String text, String needle) {
		Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	private static boolean accepts(int port) {
		return TestMosquitto.accepts(port);
	}

	/**
	 * The embedded PostgreSQL under the platform, stopped (fast shutdown, as an operator
	 * would) and started again by hand with its own binaries on the same port.
	 */
	record Postgres(Path postgres, Path dataDirectory, int port) {

		static Postgres of(ConfigurableApplicationContext context) throws IOException {
			String url = ((HikariDataSource) context.getBean(DataSource.class)).getJdbcUrl();
			Matcher m = Pattern.compile("localhost:(\\d+)/").matcher(url);
			assertThat(m.find()).as(url).isTrue();
			Path binaries = Path.of(context.getEnvironment().getProperty("hxay.embedded-database.working-directory"))
				.toAbsolutePath();
			try (Stream<Path> files = Files.walk(binaries)) {
				Path postgres = files.filter(p -> p.endsWith(Path.of("bin", "postgres"))).findFirst().orElseThrow();
				return new Postgres(postgres, WORK.resolve("pg"), Integer.parseInt(m.group(1)));
			}
		}

		void stop() throws Exception {
			long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
			assertThat(new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor()).isZero();
			await("PostgreSQL stopped").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !accepts(port));
		}

		void start() throws Exception {
			// as the embedded server itself is run: in a user namespace, so it is not
			// "root"
			new ProcessBuilder("unshare", "-U", postgres.toString(), "-D", dataDirectory.toString(), "-p",
					Integer.toString(port), "-F")
				.redirectErrorStream(true)
				.redirectOutput(WORK.resolve("pg-restart.log").toFile())
				.start();
			await("PostgreSQL back").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> accepts(port));
		}

		/**
		 * A server started by hand outlives the platform: stop whatever still runs on the
		 * directory.
		 */
		static void stopLeftover() throws Exception {
			Path pidFile = WORK.resolve("pg").resolve("postmaster.pid");
			if (Files.exists(pidFile)) {
				long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
				new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor();
			}
		}

	}

}
