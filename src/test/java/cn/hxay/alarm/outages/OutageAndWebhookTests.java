package cn.hxay.alarm.outages;

import cn.hxay.alarm.Device;
import cn.hxay.alarm.TestDevices;
import cn.hxay.alarm.ingestion.IngestTests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import cn.hxay.support.PlatformTest;
import cn.hxay.support.Texts;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.support.Texts.find;
import static cn.hxay.alarm.TestDevices.PW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A silent device gets an outage that its next heartbeat closes; alarms reach a webhook
 * even when it fails the first time.
 */
@PlatformTest
class OutageAndWebhookTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OutageWatch outages;

	@Autowired
	Clock clock;

	private Page post(TestDevices.Registered d, String kind, String json) {
		return new WebSession(port).api("POST", "/api/v1/devices/" + d.code() + "/" + kind, null, null, json,
				Map.of("X-Device-Token", d.token()));
	}

	@Test
	void aDeviceThatFallsSilentHasAnOutageUntilItsNextHeartbeat() {
		TestDevices.Registered d = TestDevices.register(WebSession.signedIn(port, "tianning.edu", PW),
				TestDevices.code("132"), TestDevices.qinglongSchool(port)[0], "CAMERA", "校门");
		assertThat(post(d, "heartbeats", "{}").status()).isEqualTo(202);
		cn.hxay.alarm.ingestion.IngestTests
			.await(() -> jdbc.sql("select heartbeats from device_status where device_id = ?")
				.param(d.id())
				.query(Long.class)
				.single(), n -> n == 1);
		outages.detect(clock);
		assertThat(open(d)).isZero();

		outages.detect(Clock.offset(clock, Duration.ofSeconds(200)));
		assertThat(open(d)).isEqualTo(1);
		outages.detect(Clock.offset(clock, Duration.ofSeconds(400)));
		assertThat(open(d)).as("one outage at a time").isEqualTo(1);
		Page api = new WebSession(port).api("GET", "/api/v1/devices/outages", "tianning.edu", PW, null, Map.of());
		assertThat(api.body()).contains("\"deviceCode\":\"" + d.code() + "\"");
		// 500 a page; the total in a header equals the rows over the pages
		long total = Long.parseLong(api.headers().firstValue("X-Total-Count").orElseThrow());
		Page second = new WebSession(port).api("GET", "/api/v1/devices/outages?page=1", "tianning.edu", PW, null,
				Map.of());
		assertThat(Texts.json(api.body()).size() + Texts.json(second.body()).size()).isEqualTo(total);
		assertThat(new WebSession(port)
			.api("GET", "/api/v1/devices/outages?page=2147483647", "tianning.edu", PW, null, Map.of())
			.body()).isEqualTo("[]");
		// the dispatcher of the station sees the alert beside the alarm queue
		assertThat(WebSession.signedIn(port, "qinglong.police", PW).get("/console").body()).contains("offline-alert")
			.contains("台须联网设备离线");

		assertThat(post(d, "heartbeats", "{}").status()).isEqualTo(202);
		IngestTests.await(() -> open(d), n -> n == 0);
		assertThat(jdbc.sql("select count(*) from device_outage where device_id = ? and ended_at is not null")
			.param(d.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		Page page = WebSession.signedIn(port, "tianning.edu", PW).get("/devices/" + d.id());
		assertThat(page.body()).contains("离线记录").doesNotContain("仍离线");
	}

	@Test
	void theOutageWatchFollowsAVenuesOneKeyAlarmForItsStationOnly() {
		TestDevices.TestVenue venue = TestDevices.venue(port, "qinglong.police", "320402",
				"离线测试商店" + System.nanoTime() % 100000);
		TestDevices.Registered d = TestDevices.registerAtVenue(port, "qinglong.police", venue.id(), "收银台");
		outages.detect(clock);
		assertThat(open(d)).as("registered just now").isZero();
		outages.detect(Clock.offset(clock, Duration.ofSeconds(400)));
		assertThat(open(d)).isEqualTo(1);
		Page police = new WebSession(port).api("GET", "/api/v1/devices/outages", "qinglong.police", PW, null, Map.of());
		assertThat(police.body()).contains("\"deviceCode\":\"" + d.code() + "\"").contains("离线测试商店");
		Page education = new WebSession(port).api("GET", "/api/v1/devices/outages", "tianning.edu", PW, null, Map.of());
		assertThat(education.body()).doesNotContain(d.code());
		assertThat(post(d, "heartbeats", "{}").status()).isEqualTo(202);
		IngestTests.await(() -> open(d), n -> n == 0);
	}

	private long open(TestDevices.Registered d) {
		return jdbc.sql("select count(*) from device_outage where device_id = ? and ended_at is null")
			.param(d.id())
			.query(Long.class)
			.single();
	}

	@Test
	void theScheduledWatchTakesItsClusterLockInsideATransaction() {
		// the scheduler calls the watch from inside its own bean, past the transactional
		// proxy: the run must still hold its lock in a transaction instead of failing
		org.assertj.core.api.Assertions.assertThatCode(outages::scheduled).doesNotThrowAnyException();
	}

	@Test
	void anAlarmReachesTheWebhookAfterAFailedFirstAttempt() throws IOException {
		String eventId = "hook-" + UUID.randomUUID();
		List<String> received = new CopyOnWriteArrayList<>();
		AtomicInteger attempts = new AtomicInteger();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/hook", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			int status = 200;
			if (body.contains(eventId) && attempts.incrementAndGet() == 1) {
				status = 500;
			}
			else if (body.contains(eventId)) {
				received.add(exchange.getRequestHeaders().getFirst("X-Hxay-Event") + " " + body);
			}
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
		String targetId = null;
		try {
			Page added = new WebSession(port).api("POST", "/api/v1/webhooks", "admin", PW,
					"{\"url\":\"http://127.0.0.1:" + server.getAddress().getPort() + "/hook\"}", Map.of());
			assertThat(added.status()).as(added.body()).isEqualTo(201);
			targetId = find(added.body(), "\"id\":(\\d+)");
			assertThat(new WebSession(port).api("GET", "/api/v1/webhooks", "city.police", PW, null, Map.of()).status())
				.isEqualTo(403);

			TestDevices.Registered d = TestDevices.register(WebSession.signedIn(port, "tianning.edu", PW),
					TestDevices.code("134"), TestDevices.qinglongSchool(port)[0], "ONE_KEY_ALARM", "门卫室");
			assertThat(post(d, "alarms", "{\"eventId\":\"" + eventId + "\",\"code\":\"one_key\"}").status())
				.isEqualTo(201);
			IngestTests.await(received::size, n -> n >= 1, Duration.ofSeconds(30));
			assertThat(attempts.get()).isEqualTo(2);
			assertThat(received.get(0)).startsWith("alarm.raised ")
				.contains("\"typeLabel\":\"一键报警\"")
				.contains("\"title\":\"一键报警：");
			Page deliveries = new WebSession(port).api("GET", "/api/v1/webhooks/deliveries", "admin", PW, null,
					Map.of());
			assertThat(deliveries.body()).contains("\"attempts\":2").contains("\"lastError\":null");
		}
		finally {
			if (targetId != null) {
				new WebSession(port).api("DELETE", "/api/v1/webhooks/" + targetId, "admin", PW, null, Map.of());
			}
			server.stop(0);
		}
	}

}
