package cn.hxay.alarm.console;

import cn.hxay.alarm.ConsoleStream;
import cn.hxay.alarm.TestDevices;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.hxay.alarm.TestDevices.PW;
import static cn.hxay.support.Texts.find;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Device → console latency with the push over PostgreSQL LISTEN/NOTIFY: 200 alarms posted
 * over HTTP one after the other, each timed from the moment its POST is sent to the
 * moment its event arrives on a police console's SSE stream. Every alarm arrives exactly
 * once; p50/p99 are printed. The fallback poll runs every 5 s, so a median far below it
 * shows the push at work.
 */
@PlatformTest
class ConsolePushLatencyTests {

	static final int ALARMS = 200;

	@LocalServerPort
	int port;

	@Autowired
	AlarmChangeListener listener;

	@Test
	void everyAlarmReachesTheConsoleOnceAndFast() throws Exception {
		TestDevices.Registered device = TestDevices.register(WebSession.signedIn(port, "tianning.edu", PW),
				TestDevices.code("134"), TestDevices.qinglongSchool(port)[0], "ONE_KEY_ALARM", "门卫室");
		await("listening").atMost(Duration.ofSeconds(10)).until(listener::listening);
		WebSession deviceHttp = new WebSession(port);
		List<Long> millis = new ArrayList<>();
		List<Long> ids = new ArrayList<>();
		try (ConsoleStream console = ConsoleStream.open(port, WebSession.signedIn(port, "qinglong.police", PW))) {
			for (int i = 0; i < ALARMS; i++) {
				long sent = System.nanoTime();
				Page page = deviceHttp.api("POST", "/api/v1/devices/" + device.code() + "/alarms", null, null,
						"{\"eventId\":\"lat-" + UUID.randomUUID() + "\",\"code\":\"one_key\"}",
						Map.of("X-Device-Token", device.token()));
				assertThat(page.status()).as(page.body()).isEqualTo(201);
				long id = Long.parseLong(find(page.body(), "\"alarmId\":(\\d+)"));
				ids.add(id);
				Long arrived = await("alarm " + id + " on the console").atMost(Duration.ofSeconds(10))
					.pollDelay(Duration.ZERO)
					.pollInterval(Duration.ofMillis(1))
					.until(() -> console.arrival(id), a -> a != null);
				millis.add(Duration.ofNanos(arrived - sent).toMillis());
			}
			// a moment for any second copy to show up (the fallback poll runs every 5 s)
			Thread.sleep(6000);
			for (long id : ids) {
				assertThat(console.newEvents(id)).as("events announcing alarm %s", id).isEqualTo(1);
			}
		}
		Collections.sort(millis);
		long p50 = millis.get(ALARMS / 2 - 1);
		long p99 = millis.get(ALARMS * 99 / 100 - 1);
		System.out.printf("device → console latency over %d alarms (HTTP POST → SSE event): p50 %d ms, p99 %d ms,"
				+ " max %d ms%n", ALARMS, p50, p99, millis.get(ALARMS - 1));
		// the poll alone would give a median of seconds; the push gives milliseconds
		assertThat(p50).as("median latency (ms)").isLessThan(500);
	}

}
