package cn.hxay.alarm;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static cn.hxay.alarm.TestDevices.PW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The platform against an external Mosquitto (installed by {@code .ci/run}) given in
 * {@code hxay.mqtt.url}: no embedded broker starts, and an alarm published twice through
 * Mosquitto is stored once. Skipped where Mosquitto is not installed. Its own application
 * context (and database).
 */
@PlatformTest
class ExternalBrokerTests {

	static final File MOSQUITTO = new File("/usr/sbin/mosquitto");

	static Process mosquitto;

	static String url;

	@LocalServerPort
	int port;

	@Autowired
	MqttBroker broker;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void externalBroker(DynamicPropertyRegistry registry) throws Exception {
		if (MOSQUITTO.canExecute() && mosquitto == null) {
			int free;
			try (ServerSocket socket = new ServerSocket(0)) {
				free = socket.getLocalPort();
			}
			Path dir = Files.createDirectories(Path.of("target", "mosquitto").toAbsolutePath());
			Path conf = dir.resolve("mosquitto-" + free + ".conf");
			Files.writeString(conf, "listener " + free + " 127.0.0.1\nallow_anonymous true\npersistence false\n"
					+ ("root".equals(System.getProperty("user.name")) ? "user root\n" : ""));
			mosquitto = new ProcessBuilder(MOSQUITTO.getPath(), "-c", conf.toString()).redirectErrorStream(true)
				.redirectOutput(dir.resolve("mosquitto-" + free + ".log").toFile())
				.start();
			Process started = mosquitto;
			Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
			awaitPort(free);
			url = "tcp://127.0.0.1:" + free;
		}
		registry.add("hxay.mqtt.url", () -> url == null ? "" : url);
	}

	private static void awaitPort(int port) throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			try (Socket socket = new Socket("127.0.0.1", port)) {
				return;
			}
			catch (IOException ex) {
				Thread.sleep(50);
			}
		}
		throw new IllegalStateException("mosquitto did not start on port " + port);
	}

	@Test
	void alarmsThroughAnExternalMosquittoAreStoredOnce() throws Exception {
		assumeTrue(url != null, "mosquitto is not installed");
		assertThat(broker.embedded()).isFalse();
		assertThat(broker.url()).isEqualTo(url);
		TestDevices.Registered d = TestDevices.register(WebSession.signedIn(port, "tianning.edu", PW),
				TestDevices.code("134"), TestDevices.qinglongSchool(port)[0], "ONE_KEY_ALARM", "门卫室");
		String eventId = UUID.randomUUID().toString();
		String alarm = "{\"eventId\":\"" + eventId + "\",\"token\":\"" + d.token() + "\",\"code\":\"one_key\"}";
		try (TestPublisher device = new TestPublisher(url)) {
			device.publish("hxay/v1/" + d.schoolCode() + "/" + d.code() + "/alarm", alarm);
			device.publish("hxay/v1/" + d.schoolCode() + "/" + d.code() + "/alarm", alarm);
			device.publish("hxay/v1/" + d.schoolCode() + "/" + d.code() + "/heartbeat",
					"{\"token\":\"" + d.token() + "\"}");
		}
		IngestTests.await(() -> jdbc.sql("select count(*) from alarm where event_id = ?")
			.param(eventId)
			.query(Long.class)
			.single(), n -> n > 0);
		Thread.sleep(500);
		assertThat(jdbc.sql("select count(*) from alarm where event_id = ?").param(eventId).query(Long.class).single())
			.isEqualTo(1);
		IngestTests.await(() -> jdbc.sql("select heartbeats from device_status where device_id = ?")
			.param(d.id())
			.query(Long.class)
			.single(), n -> n > 0);
	}

}
