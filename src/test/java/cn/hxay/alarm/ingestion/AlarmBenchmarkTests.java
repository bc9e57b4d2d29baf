package cn.hxay.alarm.ingestion;

import cn.hxay.alarm.Alarm;
import cn.hxay.alarm.DeviceSimulator;
import cn.hxay.alarm.DeviceTokens;
import cn.hxay.alarm.TestDevices;
import cn.hxay.alarm.TestPublisher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's benchmark: heartbeats per second taken in by the platform through the
 * embedded broker (parsed, authenticated, written to {@code device_status}), beside the
 * broker's delivery rate in the same run to a second subscriber that does nothing (the
 * floor); and alarm latency from a device's publish to the event on a real console
 * connection (SSE), p50 and p99. Not part of {@code mvn verify}; run with
 * {@code mvn -Pbenchmark test -Dtest=AlarmBenchmarkTests}. Results go to
 * {@code target/benchmarks/alarm.txt}.
 * <p>
 * The broker refuses anonymous clients and lets a device publish only under its own code,
 * so each publishing device has its own session signed in with its code and token:
 * {@code bench.sessions} (default 500) of the {@value #DEVICES} registered devices
 * publish, in turn. A session costs a connection and three Paho threads, which bounds how
 * many one test JVM can hold beside the platform.
 */
@PlatformTest
@Tag("benchmark")
class AlarmBenchmarkTests {

	static final int DEVICES = 20_000;

	static final int MESSAGES = Integer.getInteger("bench.messages", 200_000);

	static final int ALARMS = 200;

	static final int SESSIONS = Integer.getInteger("bench.sessions", 500);

	static final String TOKEN = "bench-token";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MqttBroker broker;

	@Autowired
	Ingest ingest;

	@Autowired
	BrokerAccess access;

	@Test
	void heartbeatsPerSecondAndAlarmLatencyToTheConsole() throws Exception {
		String school = createDevices();
		List<String> codes = jdbc.sql("select code from device where code like '32040299001340%' order by code")
			.query(String.class)
			.list();
		StringBuilder report = new StringBuilder("Alarm benchmark (" + Runtime.getRuntime().availableProcessors()
				+ " cores, " + brokerLabel() + ", embedded PostgreSQL)\n");

		Map<String, MqttAsyncClient> sessions = connect(codes.subList(0, Math.min(SESSIONS, codes.size())));

		// warm-up, then the measured run, with a subscriber that does nothing beside
		AtomicLong received = new AtomicLong();
		MqttClient sink = sink("hxay/v1/" + school + "/+/heartbeat", received);
		heartbeats(sessions, school, Math.min(20_000, MESSAGES), received, new double[1]);
		double[] floor = new double[1];
		double rate = heartbeats(sessions, school, MESSAGES, received, floor);
		sink.disconnect();
		sink.close();
		report.append(String.format(
				"broker floor (QoS 1 to a second subscriber that does nothing, same run): %,.0f messages/s%n",
				floor[0]));
		report.append(String.format(
				"platform: %,d heartbeats from %,d devices (one signed-in session each; %,d registered): %,.0f heartbeats/s%n",
				MESSAGES, sessions.size(), DEVICES, rate));

		double direct = direct(codes, school, MESSAGES);
		report.append(String.format(
				"platform ingest path without the broker (Ingest.receive in-process, 1 thread, batched writes): %,.0f heartbeats/s%n",
				direct));

		for (MqttAsyncClient client : sessions.values()) {
			client.disconnect().waitForCompletion();
			client.close();
		}

		long[] latencies = alarmLatencies(codes.get(0), school);
		report.append(String.format("alarm device → console (SSE) over %d alarms: p50 %d ms, p99 %d ms, max %d ms%n",
				latencies.length, latencies[latencies.length / 2], latencies[(int) (latencies.length * 0.99) - 1],
				latencies[latencies.length - 1]));
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(Path.of("target/benchmarks/alarm.txt"), report);
		System.out.println(report);
		assertThat(rate).isPositive();
	}

	private String createDevices() {
		var place = jdbc.sql("select * from device where kind = 'ONE_KEY_ALARM' order by id limit 1")
			.query((rs,
					i) -> new Object[] { rs.getLong("school_id"), rs.getString("school_code"),
							rs.getString("school_name"), rs.getLong("school_org_id"), rs.getLong("bureau_id"),
							rs.getLong("station_id"), rs.getString("region_code") })
			.single();
		jdbc.sql("""
				insert into device (code, school_id, school_code, school_name, school_org_id, bureau_id, station_id,
				  region_code, kind, place, must_be_networked, token_hash)
				select '32040299001340' || lpad(g::text, 6, '0'), ?, ?, ?, ?, ?, ?, ?, 'ONE_KEY_ALARM', '压测', true, ?
				from generate_series(1, ?) g on conflict (code) do nothing""")
			.params(place[0], place[1], place[2], place[3], place[4], place[5], place[6], DeviceTokens.hash(TOKEN),
					DEVICES)
			.update();
		jdbc.sql("insert into device_status (device_id) select id from device where code like '32040299001340%'"
				+ " on conflict do nothing")
			.update();
		return (String) place[1];
	}

	/**
	 * One session per device, signed in with its code and the benchmark token, all
	 * connecting at once.
	 */
	private Map<String, MqttAsyncClient> connect(List<String> codes) throws Exception {
		Map<String, MqttAsyncClient> sessions = new java.util.LinkedHashMap<>();
		List<org.eclipse.paho.client.mqttv3.IMqttToken> connecting = new ArrayList<>();
		for (String code : codes) {
			MqttAsyncClient client = new MqttAsyncClient(broker.url(), "bench-" + code, new MemoryPersistence());
			MqttConnectOptions options = DeviceSimulator.options(code, TOKEN);
			options.setMaxInflight(Integer.getInteger("bench.inflight", 200));
			options.setAutomaticReconnect(false);
			connecting.add(client.connect(options));
			sessions.put(code, client);
		}
		for (var token : connecting) {
			token.waitForCompletion(60_000);
		}
		return sessions;
	}

	/**
	 * A subscriber that only counts, signed in as the platform (the only user the broker
	 * lets subscribe).
	 */
	private MqttClient sink(String filter, AtomicLong received) throws Exception {
		MqttClient sink = new MqttClient(broker.url(), "floor-" + UUID.randomUUID(), new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
		options.setMaxInflight(10_000);
		options.setUserName(access.platformUser());
		options.setPassword(access.platformPassword().toCharArray());
		sink.setCallback(new MqttCallback() {
			@Override
			public void connectionLost(Throwable cause) {
			}

			@Override
			public void messageArrived(String topic, MqttMessage message) {
				received.incrementAndGet();
			}

			@Override
			public void deliveryComplete(IMqttDeliveryToken token) {
			}
		});
		sink.connect(options);
		sink.subscribe(filter, 1);
		return sink;
	}

	/**
	 * Heartbeats per second stored by the platform; {@code floor[0]} gets the rate at
	 * which the do-nothing subscriber received them.
	 */
	private double heartbeats(Map<String, MqttAsyncClient> sessions, String school, int messages, AtomicLong received,
			double[] floor) throws Exception {
		long before = total();
		long receivedBefore = received.get();
		long started = System.nanoTime();
		long[] floorDone = new long[1];
		publishAll(sessions, school, messages, i -> "{\"token\":\"" + TOKEN + "\"}");
		await(() -> {
			if (floorDone[0] == 0 && received.get() - receivedBefore >= messages) {
				floorDone[0] = System.nanoTime();
			}
			long done = total() - before;
			System.out
				.println("platform stored " + done + ", subscriber received " + (received.get() - receivedBefore));
			return done >= messages && floorDone[0] != 0;
		});
		floor[0] = messages / ((floorDone[0] - started) / 1e9);
		return messages / ((System.nanoTime() - started) / 1e9);
	}

	/**
	 * The platform's own path, parse + token + buffer + batched update, with no broker in
	 * front.
	 */
	private double direct(List<String> codes, String school, int messages) throws InterruptedException {
		long before = total();
		byte[] payload = ("{\"token\":\"" + TOKEN + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		long started = System.nanoTime();
		for (int i = 0; i < messages; i++) {
			ingest.receive(Ingest.MQTT, Ingest.Kind.HEARTBEAT, codes.get(i % codes.size()), school, null, payload);
		}
		await(() -> total() >= before + messages);
		return messages / ((System.nanoTime() - started) / 1e9);
	}

	private long total() {
		return jdbc
			.sql("select coalesce(sum(s.heartbeats), 0) from device_status s join device d on d.id = s.device_id"
					+ " where d.code like '32040299001340%'")
			.query(Long.class)
			.single();
	}

	/**
	 * Publishes heartbeats from every session in turn, two threads each taking half of
	 * the sessions, as fast as the broker acknowledges.
	 */
	private void publishAll(Map<String, MqttAsyncClient> sessions, String school, int messages,
			java.util.function.IntFunction<String> payload) throws Exception {
		List<Map.Entry<String, MqttAsyncClient>> devices = new ArrayList<>(sessions.entrySet());
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < 2; t++) {
			int first = t;
			threads.add(startDaemon(() -> {
				try {
					for (int i = first; i < messages; i += 2) {
						Map.Entry<String, MqttAsyncClient> device = devices.get(i % devices.size());
						DeviceSimulator.publish(device.getValue(),
								"hxay/v1/" + school + "/" + device.getKey() + "/heartbeat", payload.apply(i));
					}
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
	}

	private long[] alarmLatencies(String code, String school) throws Exception {
		WebSession console = WebSession.signedIn(port, "city.police", TestDevices.PW);
		String cookie = console.cookie("HXAYSESSION").orElseThrow().getValue();
		Map<String, Long> arrived = new ConcurrentHashMap<>();
		Map<String, Long> sent = new ConcurrentHashMap<>();
		HttpClient http = HttpClient.newHttpClient();
		try (TestPublisher device = new TestPublisher(broker.url(), code, TOKEN)) {
			HttpResponse<Stream<String>> response = http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/stream"))
					.header("Cookie", "HXAYSESSION=" + cookie)
					.build(), HttpResponse.BodyHandlers.ofLines());
			java.util.regex.Pattern eventId = java.util.regex.Pattern.compile("\"eventId\":\"(bench-[^\"]+)\"");
			Thread reader = startDaemon(() -> {
				try {
					response.body().forEach(line -> {
						var m = eventId.matcher(line);
						if (m.find()) {
							arrived.putIfAbsent(m.group(1), System.nanoTime());
						}
					});
				}
				catch (RuntimeException ex) {
					// closed at the end
				}
			});
			Thread.sleep(500);
			for (int i = 0; i < ALARMS; i++) {
				String id = "bench-" + UUID.randomUUID();
				sent.put(id, System.nanoTime());
				device.publish("hxay/v1/" + school + "/" + code + "/alarm",
						"{\"eventId\":\"" + id + "\",\"token\":\"" + TOKEN + "\",\"code\":\"test-unknown\"}");
				Thread.sleep(25);
			}
			await(() -> arrived.size() >= ALARMS);
			response.body().close();
			reader.interrupt();
		}
		return sent.entrySet()
			.stream()
			.mapToLong(e -> (arrived.get(e.getKey()) - e.getValue()) / 1_000_000)
			.sorted()
			.toArray();
	}

	private static void await(java.util.concurrent.Callable<Boolean> done) {
		org.awaitility.Awaitility.await("benchmark step")
			.atMost(java.time.Duration.ofSeconds(180))
			.pollInSameThread()
			.pollInterval(java.time.Duration.ofMillis(100))
			.until(done);
	}

	private static String brokerLabel() {
		String url = System.getProperty("hxay.mqtt.url", "");
		return url.isBlank() ? "embedded moquette" : "external broker " + url;
	}

	private static Thread startDaemon(Runnable task) {
		Thread thread = new Thread(task);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

}
