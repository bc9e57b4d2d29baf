package cn.hxay.alarm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.support.Texts.find;
import static cn.hxay.alarm.TestDevices.PW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The police console over real HTTP: the live feed pushes a new alarm, the workflow 接警 →
 * 派警 → 到场 → 处置完毕 with optimistic locking, escalation, statistics, and who may see which
 * alarms.
 */
@PlatformTest
class ConsoleTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Alarms alarms;

	@Autowired
	Clock clock;

	private TestDevices.Registered qinglongDevice() {
		return TestDevices.register(WebSession.signedIn(port, "tianning.edu", PW), TestDevices.code("134"),
				TestDevices.qinglongSchool(port)[0], "ONE_KEY_ALARM", "门卫室");
	}

	private long raise(TestDevices.Registered device, String code) {
		Page page = new WebSession(port).api("POST", "/api/v1/devices/" + device.code() + "/alarms", null, null,
				"{\"eventId\":\"" + UUID.randomUUID() + "\",\"code\":\"" + code + "\"}",
				Map.of("X-Device-Token", device.token()));
		assertThat(page.status()).as(page.body()).isEqualTo(201);
		return Long.parseLong(find(page.body(), "\"alarmId\":(\\d+)"));
	}

	private static int version(Page detail) {
		return Integer.parseInt(find(detail.body(), "data-version=\"(\\d+)\""));
	}

	@Test
	void theLiveFeedPushesANewAlarmToAPoliceConsoleWithinASecond() throws Exception {
		TestDevices.Registered device = qinglongDevice();
		WebSession officer = WebSession.signedIn(port, "qinglong.police", PW);
		String cookie = officer.cookie("HXAYSESSION").orElseThrow().getValue();
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		HttpClient client = HttpClient.newHttpClient();
		{
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/stream"))
				.header("Cookie", "HXAYSESSION=" + cookie)
				.header("Accept", "text/event-stream")
				.build();
			HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
			assertThat(response.statusCode()).isEqualTo(200);
			Thread reader = startDaemon(() -> {
				try {
					response.body().forEach(lines::add);
				}
				catch (RuntimeException ex) {
					// the stream is closed at the end of the test
				}
			});
			assertThat(next(lines, "event:hello")).isNotNull();
			long sent = System.nanoTime();
			long id = raise(device, "one_key");
			String data = next(lines, "\"id\":" + id + ",");
			long millis = Duration.ofNanos(System.nanoTime() - sent).toMillis();
			assertThat(data).as("no event for alarm %s", id).isNotNull();
			assertThat(data).contains("\"typeLabel\":\"一键报警\"").contains("\"state\":\"NEW\"");
			assertThat(millis).as("device → console latency").isLessThan(1000);
			response.body().close();
			reader.interrupt();
		}
		Page queue = officer.get("/console/queue");
		assertThat(queue.body()).contains("\"schoolName\"");
		Page page = officer.get("/console");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("110 接处警台").contains("initial-queue");
	}

	/**
	 * The next line of a live feed that contains the wanted text, within 5 s; null if
	 * none.
	 */
	static String next(BlockingQueue<String> lines, String wanted) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (System.nanoTime() < deadline) {
			String line = lines.poll(100, TimeUnit.MILLISECONDS);
			if (line != null && line.contains(wanted)) {
				return line;
			}
		}
		return null;
	}

	@Test
	void anAlarmIsWorkedFromAcknowledgementToClosureWithEveryStepRecorded() {
		TestDevices.Registered device = qinglongDevice();
		long id = raise(device, "intrusion");
		WebSession officer = WebSession.signedIn(port, "qinglong.police", PW);
		officer.get("/console");
		Page detail = officer.get("/console/alarms/" + id);
		assertThat(detail.body()).contains("入侵").contains("待接警").contains("调取防区视频复核");
		int v0 = version(detail);

		Page tooEarly = officer.postForm("/console/alarms/" + id + "/close",
				Map.of("version", v0, "outcome", "FALSE_ALARM"));
		assertThat(tooEarly.body()).contains("不能处置完毕");

		Page acknowledged = officer.postForm("/console/alarms/" + id + "/acknowledge", Map.of("version", v0));
		assertThat(acknowledged.body()).contains("已接警");
		Page stale = officer.postForm("/console/alarms/" + id + "/acknowledge", Map.of("version", v0));
		assertThat(stale.body()).contains("不能接警");

		String station = find(
				new WebSession(port).api("GET", "/api/v1/schools", "school.lead", PW, null, Map.of()).body(),
				"\"policeStationId\":(\\d+)");
		Page staleDispatch = officer.postForm("/console/alarms/" + id + "/dispatch",
				Map.of("version", v0, "stationId", station, "officers", "张警官"));
		assertThat(staleDispatch.body()).contains("已被他人处理");
		Page dispatched = officer.postForm("/console/alarms/" + id + "/dispatch",
				Map.of("version", version(acknowledged), "stationId", station, "officers", "张警官、李警官"));
		assertThat(dispatched.body()).contains("已派警").contains("张警官、李警官");
		Page arrived = officer.postForm("/console/alarms/" + id + "/arrive", Map.of("version", version(dispatched)));
		assertThat(arrived.body()).contains("已到场");
		assertThat(officer.get("/console/queue").body()).contains("\"id\":" + id + ",");
		Page closed = officer.postForm("/console/alarms/" + id + "/close",
				Map.of("version", version(arrived), "outcome", "FALSE_ALARM", "note", "学生误触"));
		assertThat(closed.body()).contains("处置完毕").contains("误报：学生误触");
		assertThat(officer.get("/console/queue").body()).doesNotContain("\"id\":" + id + ",");

		var steps = jdbc.sql("select step || '/' || actor from alarm_step where alarm_id = ? order by id")
			.param(id)
			.query(String.class)
			.list();
		assertThat(steps).hasSize(5);
		assertThat(steps.get(0)).startsWith("RECEIVED/");
		assertThat(steps.subList(1, 5)).allMatch(s -> s.contains("(qinglong.police)"))
			.extracting(s -> s.substring(0, s.indexOf('/')))
			.containsExactly("ACKNOWLEDGE", "DISPATCH", "ARRIVE", "CLOSE");

		Page statistics = officer.get("/alarms/statistics");
		assertThat(statistics.body()).contains("误报").contains("入侵").contains("误报率").contains("平均接警用时");
	}

	@Test
	void dispatchPicksFromTheStationsOfficerAccounts() {
		long id = raise(qinglongDevice(), "one_key");
		WebSession officer = WebSession.signedIn(port, "qinglong.police", PW);
		Page acknowledged = officer.postForm("/console/alarms/" + id + "/acknowledge",
				Map.of("version", version(officer.get("/console/alarms/" + id))));
		String station = find(acknowledged.body(), "<option value=\"(\\d+)\" selected");
		String group = find(acknowledged.body(), "(?s)(<select[^>]*name=\"officerIds\".*?</select>)");
		String picked = find(group, "<optgroup label=\"青龙派出所\">\\s*<option value=\"(\\d+)\"");
		String name = find(group, "<option value=\"" + picked + "\">([^< ]+)");
		String foreign = jdbc.sql("select min(id) from user_account where organisation_id <> ?")
			.param(Long.parseLong(station))
			.query(String.class)
			.single();

		Page refused = officer.postForm("/console/alarms/" + id + "/dispatch",
				Map.of("version", version(acknowledged), "stationId", station, "officerIds", foreign));
		assertThat(refused.body()).contains("所选民警不是该派出所的民警").contains("已接警");
		Page dispatched = officer.postForm("/console/alarms/" + id + "/dispatch",
				Map.of("version", version(acknowledged), "stationId", station, "officerIds", picked));
		assertThat(dispatched.body()).contains("已派警").contains("青龙派出所：" + name);
	}

	@Test
	void anUnacknowledgedAlarmEscalatesAfterTheConfiguredTime() {
		long id = raise(qinglongDevice(), "duress");
		alarms.escalate(clock);
		assertThat(level(id)).isZero();
		alarms.escalate(Clock.offset(clock, Duration.ofMinutes(3)));
		assertThat(level(id)).isEqualTo(1);
		Page detail = WebSession.signedIn(port, "qinglong.police", PW).get("/console/alarms/" + id);
		assertThat(detail.body()).contains("已升级 1 次").contains("不要回拨");
	}

	private int level(long id) {
		return jdbc.sql("select escalation_level from alarm where id = ?").param(id).query(Integer.class).single();
	}

	@Test
	void aStationSeesOnlyItsSchoolsAlarmsAndEducationUsersAreRefusedTheConsole() {
		String qinglong = find(
				new WebSession(port).api("GET", "/api/v1/schools", "school.lead", PW, null, Map.of()).body(),
				"\"policeStationId\":(\\d+)");
		String otherSchool = TestDevices.otherTianningSchool(port, qinglong);
		TestDevices.Registered elsewhere = TestDevices.register(WebSession.signedIn(port, "tianning.edu", PW),
				TestDevices.code("134"), otherSchool, "ONE_KEY_ALARM", "宿舍值班室");
		long foreign = raise(elsewhere, "one_key");
		long own = raise(qinglongDevice(), "one_key");

		WebSession station = WebSession.signedIn(port, "qinglong.police", PW);
		String queue = station.get("/console/queue").body();
		assertThat(queue).contains("\"id\":" + own + ",").doesNotContain("\"id\":" + foreign + ",");
		assertThat(station.get("/console/alarms/" + foreign).status()).isEqualTo(404);

		String county = WebSession.signedIn(port, "tianning.police", PW).get("/console/queue").body();
		assertThat(county).contains("\"id\":" + own + ",").contains("\"id\":" + foreign + ",");

		assertThat(new WebSession(port).api("GET", "/api/v1/alarms", "qinglong.police", PW, null, Map.of()).body())
			.contains("\"id\":" + own + ",")
			.doesNotContain("\"id\":" + foreign + ",");
		assertThat(
				new WebSession(port).api("GET", "/api/v1/alarms/" + own, "qinglong.police", PW, null, Map.of()).body())
			.contains("\"rawPayload\"")
			.contains("\"steps\"");
		assertThat(new WebSession(port).api("GET", "/api/v1/alarms", "tianning.edu", PW, null, Map.of()).status())
			.isEqualTo(403);
		assertThat(WebSession.signedIn(port, "tianning.edu", PW).get("/console").status()).isEqualTo(403);
		assertThat(WebSession.signedIn(port, "school.lead", PW).get("/console/stream").status()).isEqualTo(403);
	}

	private static Thread startDaemon(Runnable task) {
		Thread thread = new Thread(task);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

}
