package cn.hxay.alarm.ingestion;

import cn.hxay.alarm.DeviceTokens;
import cn.hxay.alarm.TestDevices;
import cn.hxay.alarm.TestPublisher;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static cn.hxay.alarm.TestDevices.PW;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The platform against an external Mosquitto (installed by {@code .ci/run}) given in
 * {@code hxay.mqtt.url}: no embedded broker starts, and an alarm published twice through
 * Mosquitto is stored once. Mosquitto runs with the password and ACL files the platform
 * generates: anonymous clients are refused, a device signs in with its code and token
 * (within seconds of its registration) and publishes only under its own topic. Skipped
 * where Mosquitto is not installed: the condition is on the class, so that no application
 * context (and no demo city) starts for nothing. Its own application context (and
 * database) when it runs. The system property {@code hxay.test.mosquitto} names another
 * Mosquitto binary.
 */
@PlatformTest
@EnabledIf(value = "mosquittoInstalled", disabledReason = "mosquitto is not installed")
class ExternalBrokerTests {

	static final File MOSQUITTO = new File(System.getProperty("hxay.test.mosquitto", "/usr/sbin/mosquitto"));

	static boolean mosquittoInstalled() {
		return MOSQUITTO.canExecute();
	}

	static Process mosquitto;

	static String url;

	@LocalServerPort
	int port;

	@Autowired
	MqttBroker broker;

	@Autowired
	JdbcClient jdbc;

	static final String PLATFORM_PASSWORD = "platform-" + UUID.randomUUID();

	@DynamicPropertySource
	static void externalBroker(DynamicPropertyRegistry registry) throws Exception {
		Path dir = Files.createDirectories(Path.of("target", "mosquitto").toAbsolutePath());
		if (MOSQUITTO.canExecute() && mosquitto == null) {
			int free;
			try (ServerSocket socket = new ServerSocket(0)) {
				free = socket.getLocalPort();
			}
			// Mosquitto as Debian ships it, without plugins: the password and ACL files
			// the
			// platform generates (here seeded with the platform's own user), no anonymous
			// clients
			Path passwords = dir.resolve("passwd-" + free);
			Path acl = dir.resolve("acl-" + free);
			Files.writeString(passwords, "hxay-platform:" + DeviceTokens.brokerHash(PLATFORM_PASSWORD) + "\n");
			Files.writeString(acl, "user hxay-platform\ntopic read hxay/v1/#\n");
			Path conf = dir.resolve("mosquitto-" + free + ".conf");
			Files.writeString(conf,
					"listener " + free + " 127.0.0.1\nallow_anonymous false\npersistence false\n" + "password_file "
							+ passwords + "\nacl_file " + acl + "\n"
							+ ("root".equals(System.getProperty("user.name")) ? "user root\n" : ""));
			mosquitto = new ProcessBuilder(MOSQUITTO.getPath(), "-c", conf.toString()).redirectErrorStream(true)
				.redirectOutput(dir.resolve("mosquitto-" + free + ".log").toFile())
				.start();
			Process started = mosquitto;
			Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
			awaitPort(free);
			url = "tcp://127.0.0.1:" + free;
			files = new Path[] { passwords, acl };
		}
		registry.add("hxay.mqtt.url", () -> url == null ? "" : url);
		if (url != null) {
			registry.add("hxay.mqtt.username", () -> "hxay-platform");
			registry.add("hxay.mqtt.password", () -> PLATFORM_PASSWORD);
			registry.add("hxay.mqtt.mosquitto.password-file", () -> files[0].toString());
			registry.add("hxay.mqtt.mosquitto.acl-file", () -> files[1].toString());
			registry.add("hxay.mqtt.mosquitto.reload-command", () -> "kill -HUP " + mosquitto.pid());
			registry.add("hxay.mqtt.mosquitto.refresh", () -> "500ms");
		}
	}

	static Path[] files;

	/**
	 * Connects as the device once Mosquitto has read the password file written for it.
	 */
	static TestPublisher connect(TestDevices.Registered device) {
		return await("connected as " + device.code()).atMost(Duration.ofSeconds(15))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptionsInstanceOf(MqttException.class)
			.until(() -> new TestPublisher(url, device), publisher -> publisher != null);
	}

	private static void awaitPort(int port) {
		await("mosquitto listening on " + port).atMost(Duration.ofSeconds(5))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> {
				try (Socket socket = new Socket("127.0.0.1", port)) {
					return true;
				}
				catch (IOException ex) {
					return false;
				}
			});
	}

	@Test
	void alarmsThroughAnExternalMosquittoAreStoredOnce() throws Exception {
		assertThat(broker.embedded()).isFalse();
		assertThat(broker.url()).isEqualTo(url);
		TestDevices.Registered d = TestDevices.register(WebSession.signedIn(port, "tianning.edu", PW),
				TestDevices.code("134"), TestDevices.qinglongSchool(port)[0], "ONE_KEY_ALARM", "门卫室");
		String eventId = UUID.randomUUID().toString();
		String alarm = "{\"eventId\":\"" + eventId + "\",\"token\":\"" + d.token() + "\",\"code\":\"one_key\"}";
		try (TestPublisher device = connect(d)) {
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

	@Test
	void mosquittoAppliesTheSameRulesThroughTheGeneratedFiles() throws Exception {
		WebSession edu = WebSession.signedIn(port, "tianning.edu", PW);
		String school = TestDevices.qinglongSchool(port)[0];
		TestDevices.Registered a = TestDevices.register(edu, TestDevices.code("134"), school, "ONE_KEY_ALARM", "门卫室");
		TestDevices.Registered b = TestDevices.register(edu, TestDevices.code("134"), school, "ONE_KEY_ALARM", "宿舍");
		assertThatThrownBy(() -> new TestPublisher(url).close()).isInstanceOf(MqttException.class);
		String forged = UUID.randomUUID().toString();
		String own = UUID.randomUUID().toString();
		List<String> overheard = new CopyOnWriteArrayList<>();
		try (TestPublisher listener = connect(a); TestPublisher sender = connect(b)) {
			assertThatThrownBy(() -> new TestPublisher(url, a.code(), "wrong").close())
				.isInstanceOf(MqttException.class);
			listener.client().setCallback(new MqttCallback() {

				@Override
				public void messageArrived(String topic, MqttMessage message) {
					overheard.add(topic);
				}

				@Override
				public void connectionLost(Throwable cause) {
				}

				@Override
				public void deliveryComplete(IMqttDeliveryToken token) {
				}

			});
			try {
				listener.client().subscribe("hxay/v1/#", 1);
			}
			catch (MqttException refused) {
				// refused outright: as good as receiving nothing
			}
			sender.publishRefusable("hxay/v1/" + a.schoolCode() + "/" + a.code() + "/alarm",
					"{\"eventId\":\"" + forged + "\",\"token\":\"" + a.token() + "\",\"code\":\"one_key\"}");
			sender.publish("hxay/v1/" + b.schoolCode() + "/" + b.code() + "/alarm",
					"{\"eventId\":\"" + own + "\",\"token\":\"" + b.token() + "\",\"code\":\"one_key\"}");
		}
		IngestTests.await(
				() -> jdbc.sql("select count(*) from alarm where event_id = ?").param(own).query(Long.class).single(),
				n -> n > 0);
		Thread.sleep(500);
		assertThat(jdbc.sql("select count(*) from alarm where event_id = ?").param(forged).query(Long.class).single())
			.isZero();
		assertThat(overheard).isEmpty();
		assertThat(jdbc.sql("select raw_payload from alarm where event_id = ?").param(own).query(String.class).single())
			.doesNotContain(b.token());
		assertThat(Files.readString(files[0])).contains(a.code() + ":$7$101$").doesNotContain(a.token());
	}

}
