package cn.hxay.alarm.ingestion;

import cn.hxay.alarm.Device;
import cn.hxay.alarm.TestDevices;
import cn.hxay.alarm.TestPublisher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.support.Texts.find;
import static cn.hxay.alarm.TestDevices.PW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What testers and attackers found at the device doors and the console (issue 10, items
 * 7, 8, 11–14, 16, 17, 23), each through the real stack: the embedded MQTT broker, HTTP,
 * PostgreSQL.
 */
@PlatformTest
class DeviceSecurityTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MqttBroker broker;

	@Autowired
	BrokerAccess access;

	@Autowired
	IngestCounters counters;

	private TestDevices.Registered qinglongDevice() {
		return TestDevices.register(WebSession.signedIn(port, "tianning.edu", PW), TestDevices.code("134"),
				TestDevices.qinglongSchool(port)[0], "ONE_KEY_ALARM", "门卫室");
	}

	private TestDevices.Registered wujinDevice() {
		Page schools = new WebSession(port).api("GET", "/api/v1/schools?size=1", "wujin.edu", PW, null, Map.of());
		String school = find(schools.body(), "\"code\":\"(\\d+)\"");
		return TestDevices.register(WebSession.signedIn(port, "wujin.edu", PW), TestDevices.code("134"), school,
				"ONE_KEY_ALARM", "门卫室");
	}

	private Page post(String path, String token, String json) {
		return new WebSession(port).api("POST", path, null, null, json,
				token == null ? Map.of() : Map.of("X-Device-Token", token));
	}

	private Page postBytes(String path, String token, byte[] body) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Content-Type", "application/json")
				.header("X-Device-Token", token)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Page(response.statusCode(), response.body(), response.headers(), null);
	}

	private long alarms(String deviceCode) {
		return jdbc.sql("select count(*) from alarm where device_code = ?")
			.param(deviceCode)
			.query(Long.class)
			.single();
	}

	private long raise(TestDevices.Registered device) {
		Page page = post("/api/v1/devices/" + device.code() + "/alarms", device.token(),
				"{\"eventId\":\"" + UUID.randomUUID() + "\",\"code\":\"one_key\"}");
		assertThat(page.status()).as(page.body()).isEqualTo(201);
		return Long.parseLong(find(page.body(), "\"alarmId\":(\\d+)"));
	}

	// 7 — tokens readable by anyone on the network

	@Test
	void theEmbeddedBrokerRefusesAnonymousClientsAndDevicesPublishOnlyUnderTheirOwnTopic() throws Exception {
		TestDevices.Registered a = qinglongDevice();
		TestDevices.Registered b = qinglongDevice();
		assertThat(broker.url()).startsWith("tcp://127.0.0.1:");
		assertThatThrownBy(() -> new TestPublisher(broker.url()).close()).isInstanceOf(MqttException.class);
		assertThatThrownBy(() -> new TestPublisher(broker.url(), a.code(), "wrong").close())
			.isInstanceOf(MqttException.class);
		assertThatThrownBy(() -> new TestPublisher(broker.url(), "32040200011349999999", a.token()).close())
			.isInstanceOf(MqttException.class);

		List<String> overheard = new CopyOnWriteArrayList<>();
		String own = UUID.randomUUID().toString();
		String forged = UUID.randomUUID().toString();
		try (TestPublisher listener = new TestPublisher(broker.url(), a);
				TestPublisher sender = new TestPublisher(broker.url(), b)) {
			listener.client().setCallback(new MqttCallback() {

				@Override
				public void messageArrived(String topic, MqttMessage message) {
					overheard.add(new String(message.getPayload(), StandardCharsets.UTF_8));
				}

				@Override
				public void connectionLost(Throwable cause) {
				}

				@Override
				public void deliveryComplete(IMqttDeliveryToken token) {
				}

			});
			// a device may subscribe to nothing: the broker refuses (or grants nothing)
			try {
				int[] granted = listener.client().subscribeWithResponse("hxay/v1/#", 1).getGrantedQos();
				assertThat(granted[0]).isEqualTo(0x80);
			}
			catch (MqttException refused) {
				// refused outright: as good
			}
			// b cannot publish under a's code, even with a's token in the payload
			if (listener.client().isConnected()) {
				listener.publishRefusable("hxay/v1/" + b.schoolCode() + "/" + b.code() + "/alarm",
						"{\"eventId\":\"" + forged + "\",\"token\":\"" + b.token() + "\",\"code\":\"one_key\"}");
			}
			sender.publishRefusable("hxay/v1/" + a.schoolCode() + "/" + a.code() + "/alarm",
					"{\"eventId\":\"" + forged + "\",\"token\":\"" + a.token() + "\",\"code\":\"one_key\"}");
			sender.publish("hxay/v1/" + b.schoolCode() + "/" + b.code() + "/alarm",
					"{\"eventId\":\"" + own + "\",\"token\":\"" + b.token() + "\",\"code\":\"one_key\"}");
		}
		IngestTests.await(() -> alarms(b.code()), n -> n > 0);
		Thread.sleep(500);
		assertThat(jdbc.sql("select count(*) from alarm where event_id = ?").param(forged).query(Long.class).single())
			.isZero();
		assertThat(overheard).isEmpty();

		// the token is stripped from what is stored and shown
		String raw = jdbc.sql("select raw_payload from alarm where event_id = ?")
			.param(own)
			.query(String.class)
			.single();
		assertThat(raw).contains(own).contains("one_key").doesNotContain(b.token()).doesNotContain("token");
		long id = jdbc.sql("select id from alarm where event_id = ?").param(own).query(Long.class).single();
		Page api = new WebSession(port).api("GET", "/api/v1/alarms/" + id, "qinglong.police", PW, null, Map.of());
		assertThat(api.status()).isEqualTo(200);
		assertThat(api.body()).contains(own).doesNotContain(b.token());
		assertThat(WebSession.signedIn(port, "qinglong.police", PW).get("/console/alarms/" + id).body()).contains(own)
			.doesNotContain(b.token());
	}

	@Test
	void theEmbeddedBrokerListensOnTheLoopbackOnly() throws Exception {
		int mqttPort = URI.create(broker.url()).getPort();
		InetAddress outside = null;
		for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			for (InetAddress address : Collections.list(nic.getInetAddresses())) {
				if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
					outside = address;
				}
			}
		}
		org.junit.jupiter.api.Assumptions.assumeTrue(outside != null, "no network address besides the loopback");
		InetAddress address = outside;
		assertThatThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(address, mqttPort), 2000);
			}
		}).isInstanceOf(IOException.class);
	}

	@Test
	void externalBrokersAskTheSameRulesOverHttpWithTheirSharedSecret() {
		TestDevices.Registered d = qinglongDevice();
		String login = "{\"username\":\"" + d.code() + "\",\"password\":\"" + d.token() + "\"}";
		Map<String, String> broker = Map.of("X-Broker-Secret", "test-broker-secret");
		// without the secret the URL does not exist: no password oracle
		assertThat(new WebSession(port).api("POST", "/api/v1/mqtt/auth", null, null, login, Map.of()).status())
			.isEqualTo(404);
		assertThat(new WebSession(port)
			.api("POST", "/api/v1/mqtt/auth", null, null, login, Map.of("X-Broker-Secret", "guess"))
			.status()).isEqualTo(404);
		Page allowed = new WebSession(port).api("POST", "/api/v1/mqtt/auth", null, null, login, broker);
		assertThat(allowed.status()).isEqualTo(200);
		assertThat(allowed.body()).contains("\"result\":\"allow\"");
		assertThat(new WebSession(port)
			.api("POST", "/api/v1/mqtt/auth", null, null, "{\"username\":\"" + d.code() + "\",\"password\":\"wrong\"}",
					broker)
			.body()).contains("\"result\":\"deny\"");
		assertThat(new WebSession(port)
			.api("POST", "/api/v1/mqtt/auth", null, null, "{\"username\":\"\",\"password\":\"\"}", broker)
			.status()).isEqualTo(403);
		String own = "hxay/v1/" + d.schoolCode() + "/" + d.code() + "/alarm";
		assertThat(acl(d.code(), own, "publish")).isEqualTo(200);
		assertThat(acl(d.code(), "hxay/v1/" + d.schoolCode() + "/32040200011349999999/alarm", "publish"))
			.isEqualTo(403);
		assertThat(acl(d.code(), "hxay/v1/#", "subscribe")).isEqualTo(403);
		assertThat(acl(access.platformUser(), "hxay/v1/+/+/+", "subscribe")).isEqualTo(200);
		assertThat(acl(access.platformUser(), "#", "subscribe")).isEqualTo(403);
	}

	private int acl(String user, String topic, String action) {
		return new WebSession(port)
			.api("POST", "/api/v1/mqtt/acl", null, null,
					"{\"username\":\"" + user + "\",\"topic\":\"" + topic + "\",\"action\":\"" + action + "\"}",
					Map.of("X-Broker-Secret", "test-broker-secret"))
			.status();
	}

	// 13 — bodies refused on their declared length, reading stops at the limit

	@Test
	void deviceBodiesAreRefusedOnTheirDeclaredLengthAndReadingStopsAtTheLimit() throws Exception {
		TestDevices.Registered d = qinglongDevice();
		for (String kind : List.of("heartbeats", "alarms", "registrations")) {
			String path = "/api/v1/devices/" + d.code() + "/" + kind;
			// 256 MB declared, nothing sent: answered at once
			assertThat(rawStatus(path, "Content-Length: 268435456\r\n", false)).as(path).isEqualTo(413);
			// a chunked body that never ends: answered once the limit is passed
			assertThat(rawStatus(path, "Transfer-Encoding: chunked\r\n", true)).as(path).isEqualTo(413);
		}
		assertThat(alarms(d.code())).isZero();
	}

	/**
	 * Sends the headers (and, if asked, endless chunks) and returns the status line's
	 * code.
	 */
	private int rawStatus(String path, String lengthHeader, boolean endlessChunks) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "X-Device-Token: x\r\n" + lengthHeader + "\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			Thread writer = null;
			if (endlessChunks) {
				writer = new Thread(() -> {
					byte[] chunk = ("1000\r\n" + "x".repeat(4096) + "\r\n").getBytes(StandardCharsets.US_ASCII);
					long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
					try {
						while (System.nanoTime() < until) {
							out.write(chunk);
						}
					}
					catch (IOException ex) {
						// the server stopped reading and closed: expected
					}
				});
				writer.setDaemon(true);
				writer.start();
			}
			InputStream in = socket.getInputStream();
			StringBuilder line = new StringBuilder();
			int c;
			while ((c = in.read()) != -1 && c != '\n') {
				line.append((char) c);
			}
			if (writer != null) {
				writer.interrupt();
			}
			return Integer.parseInt(line.toString().split(" ")[1]);
		}
	}

	// 14 — far-future dates, UTF-16 and NUL: 400 in Chinese, nothing written, never 500

	@Test
	void badDeviceInputIsRefusedInChineseAndNothingIsWritten() throws Exception {
		TestDevices.Registered d = qinglongDevice();
		String path = "/api/v1/devices/" + d.code() + "/alarms";
		for (String time : List.of("9999-12-31T00:00:00+08:00", "+999999999-12-31T23:59:59+18:00",
				"1970-01-01T00:00:00Z")) {
			Page page = post(path, d.token(),
					"{\"eventId\":\"t-" + UUID.randomUUID() + "\",\"time\":\"" + time + "\"}");
			assertThat(page.status()).as(time + " " + page.body()).isEqualTo(400);
			assertThat(page.body()).contains("time 超出合理范围");
		}
		String json = "{\"eventId\":\"u16-1\",\"code\":\"one_key\"}";
		for (byte[] body : List.of(json.getBytes(StandardCharsets.UTF_16), json.getBytes(StandardCharsets.UTF_16LE),
				new byte[] { (byte) 0xff, (byte) 0xfe, 0, 0 })) {
			Page page = postBytes(path, d.token(), body);
			assertThat(page.status()).as(page.body()).isEqualTo(400);
			assertThat(page.body()).contains("UTF-8");
		}
		assertThat(alarms(d.code())).isZero();
		// NUL inside a JSON string: the alarm is kept (never lost for it), the NUL is not
		Page nul = post(path, d.token(),
				"{\"eventId\":\"nul-1\",\"code\":\"one\\u0000_key\",\"detail\":\"a\\u0000b\"}");
		assertThat(nul.status()).as(nul.body()).isEqualTo(201);
		assertThat(
				jdbc.sql("select detail from alarm where device_code = ?").param(d.code()).query(String.class).single())
			.isEqualTo("ab");
		// registration with an absurd number
		assertThat(post("/api/v1/devices/" + d.code() + "/registrations", d.token(),
				"{\"expires\":99999999999999999999999}")
			.status()).isEqualTo(400);

		// the console's forms: no 500 for a missing or bad version or outcome
		long id = raise(d);
		WebSession officer = WebSession.signedIn(port, "qinglong.police", PW);
		officer.get("/console/alarms/" + id);
		for (Map<String, String> form : List.of(Map.<String, String>of(), Map.of("version", "abc"),
				Map.of("version", "99999999999999999999"))) {
			assertThat(officer.postForm("/console/alarms/" + id + "/acknowledge", form).status()).as(form.toString())
				.isEqualTo(400);
		}
		assertThat(officer.postForm("/console/alarms/" + id + "/close", Map.of("version", "0", "outcome", "NOPE"))
			.status()).isEqualTo(400);
		assertThat(
				new WebSession(port).api("GET", "/api/v1/alarms/abc", "qinglong.police", PW, null, Map.of()).status())
			.isEqualTo(400);
		assertThat(jdbc.sql("select state from alarm where id = ?").param(id).query(String.class).single())
			.isEqualTo("NEW");
	}

	@Test
	void badInputToDeviceAndAlarmPagesNeverAnswers500() {
		WebSession edu = WebSession.signedIn(port, "tianning.edu", PW);
		for (String path : List.of("/devices?kind=NOPE", "/devices?online=maybe&page=-3&size=100000",
				"/devices/rates?level=NOPE", "/devices/99999999999999999999", "/devices/export?kind=X",
				"/alarms/statistics?days=99999999999", "/alarms/statistics?days=-1")) {
			assertThat(edu.get(path).status()).as(path).isBetween(200, 499);
		}
		edu.get("/devices/new");
		Page form = edu.postForm("/devices/new", Map.of("code", "3204\u0000" + "9".repeat(300), "schoolCode",
				"x".repeat(500), "kind", "NOPE", "place", "门".repeat(1000), "vendor", "v".repeat(500)));
		assertThat(form.status()).as(form.body()).isBetween(200, 499);
		assertThat(edu.postForm("/devices/import", Map.of("file", "not a file")).status()).isBetween(200, 499);
		for (String path : List.of("/api/v1/devices?kind=NOPE&page=-5&size=100000", "/api/v1/devices/rates?level=X",
				"/api/v1/devices/abc")) {
			assertThat(new WebSession(port).api("GET", path, "tianning.edu", PW, null, Map.of()).status()).as(path)
				.isBetween(200, 499);
		}
		for (String path : List.of("/api/v1/alarms/statistics?days=-1", "/api/v1/alarms/statistics?days=x",
				"/api/v1/alarms/log?actionable=perhaps&page=-1&size=0", "/api/v1/alarms/99999999999999999999")) {
			assertThat(new WebSession(port).api("GET", path, "qinglong.police", PW, null, Map.of()).status()).as(path)
				.isBetween(200, 499);
		}
	}

	// 16 — an unknown code and a wrong token answer the same

	@Test
	void anUnknownDeviceCodeAndAWrongTokenGetTheSameAnswer() {
		TestDevices.Registered d = qinglongDevice();
		String unknown = "32040200011349999998";
		for (String body : List.of("{}", "{not json", "{\"eventId\":\"x\"}")) {
			Page known = post("/api/v1/devices/" + d.code() + "/alarms", "wrong-token", body);
			Page missing = post("/api/v1/devices/" + unknown + "/alarms", "wrong-token", body);
			assertThat(known.status()).as(body).isEqualTo(401);
			assertThat(missing.status()).as(body).isEqualTo(401);
			assertThat(known.body().replace(d.code(), unknown)).isEqualTo(missing.body());
			assertThat(known.body()).contains("设备编码或设备令牌").doesNotContain("未登记");
		}
	}

	// 8 — rejection counters scoped and echoing nothing an anonymous sender chose

	@Test
	void rejectionCountersAreScopedAndEchoOnlyKnownCodes() {
		TestDevices.Registered wujin = wujinDevice();
		String evil = "%3Cimg%20src=x%20onerror=alert(1)%3E" + "x".repeat(400);
		assertThat(post("/api/v1/devices/" + evil + "/heartbeats", "t", "{}").status()).isEqualTo(401);
		long tianningBefore = unauthenticated("tianning.edu");
		long wujinBefore = unauthenticated("wujin.edu");
		assertThat(post("/api/v1/devices/" + wujin.code() + "/heartbeats", "forged", "{}").status()).isEqualTo(401);
		IngestTests.await(() -> unauthenticated("wujin.edu"), n -> n > wujinBefore);
		assertThat(unauthenticated("tianning.edu")).isEqualTo(tianningBefore);

		Page county = new WebSession(port).api("GET", "/api/v1/devices/rejections", "tianning.edu", PW, null, Map.of());
		assertThat(county.body()).doesNotContain(wujin.code())
			.doesNotContain("UNKNOWN_DEVICE")
			.doesNotContain("onerror");
		Page wujinPage = WebSession.signedIn(port, "wujin.edu", PW).get("/devices/rates");
		assertThat(wujinPage.body()).contains(wujin.code());
		assertThat(WebSession.signedIn(port, "tianning.edu", PW).get("/devices/rates").body())
			.doesNotContain(wujin.code());
		IngestTests.await(
				() -> new WebSession(port).api("GET", "/api/v1/devices/rejections", "admin", PW, null, Map.of()).body(),
				body -> body.contains("UNKNOWN_DEVICE"));
		Page admin = new WebSession(port).api("GET", "/api/v1/devices/rejections", "admin", PW, null, Map.of());
		assertThat(admin.body()).doesNotContain("onerror").doesNotContain("xxxxxxxx");
	}

	private long unauthenticated(String user) {
		Page page = new WebSession(port).api("GET", "/api/v1/devices/rejections", user, PW, null, Map.of());
		java.util.regex.Matcher m = java.util.regex.Pattern
			.compile("\"channel\":\"HTTP\",\"reason\":\"UNAUTHENTICATED\",[^}]*?\"count\":(\\d+)")
			.matcher(page.body());
		return m.find() ? Long.parseLong(m.group(1)) : 0;
	}

	// 11 — dispatch only to stations in the dispatcher's scope

	@Test
	void aDispatcherSendsAlarmsOnlyToStationsInTheirScope() {
		TestDevices.Registered d = qinglongDevice();
		long id = raise(d);
		WebSession officer = WebSession.signedIn(port, "qinglong.police", PW);
		officer.get("/console/alarms/" + id);
		assertThat(officer.postForm("/console/alarms/" + id + "/acknowledge", Map.of("version", "0")).status())
			.isEqualTo(200);
		long foreign = jdbc
			.sql("select id from organisation where kind = 'POLICE_STATION' and region_code <> '320402' limit 1")
			.query(Long.class)
			.single();
		Page refused = officer.postForm("/console/alarms/" + id + "/dispatch",
				Map.of("version", "1", "stationId", Long.toString(foreign), "officers", "张警官"));
		assertThat(refused.body()).contains("派出所不存在，或不在您的管辖范围内");
		assertThat(jdbc.sql("select state from alarm where id = ?").param(id).query(String.class).single())
			.isEqualTo("ACKNOWLEDGED");
		long own = jdbc.sql("select station_id from alarm where id = ?").param(id).query(Long.class).single();
		assertThat(officer
			.postForm("/console/alarms/" + id + "/dispatch",
					Map.of("version", "1", "stationId", Long.toString(own), "officers", "张警官"))
			.body()).contains("已派警");
	}

	// 12 — snapshot and clip links: http(s) to configured video hosts only

	@Test
	void onlyHttpLinksToConfiguredVideoHostsAreStoredAndShown() {
		TestDevices.Registered d = qinglongDevice();
		long before = counters.total(Ingest.HTTP, IngestCounters.Reason.LINK_REFUSED);
		Page bad = post("/api/v1/devices/" + d.code() + "/alarms", d.token(),
				"{\"eventId\":\"links-bad\",\"code\":\"one_key\",\"snapshotUrl\":\"javascript:alert(document.cookie)\","
						+ "\"clipUrl\":\"https://evil.example.com/clip.mp4\"}");
		assertThat(bad.status()).as(bad.body()).isEqualTo(201);
		long badId = Long.parseLong(find(bad.body(), "\"alarmId\":(\\d+)"));
		assertThat(jdbc.sql("select coalesce(snapshot_url, '') || coalesce(clip_url, '') from alarm where id = ?")
			.param(badId)
			.query(String.class)
			.single()).isEmpty();
		IngestTests.await(() -> counters.total(Ingest.HTTP, IngestCounters.Reason.LINK_REFUSED), n -> n >= before + 2);
		Page good = post("/api/v1/devices/" + d.code() + "/alarms", d.token(),
				"{\"eventId\":\"links-good\",\"code\":\"one_key\",\"snapshotUrl\":\"https://cam1.video.hxay.test/s.jpg\"}");
		long goodId = Long.parseLong(find(good.body(), "\"alarmId\":(\\d+)"));
		WebSession officer = WebSession.signedIn(port, "qinglong.police", PW);
		assertThat(officer.get("/console/alarms/" + goodId).body())
			.contains("href=\"https://cam1.video.hxay.test/s.jpg\"");
		// a link stored before this check (planted here directly) is never rendered as a
		// link
		jdbc.sql(
				"update alarm set snapshot_url = 'javascript:alert(1)', clip_url = 'https://evil.example.com/c' where id = ?")
			.param(badId)
			.update();
		String page = officer.get("/console/alarms/" + badId).body();
		assertThat(page).doesNotContain("href=\"javascript:").doesNotContain("href=\"https://evil.example.com");
		assertThat(officer.get("/console/queue").body()).doesNotContain("javascript:");
	}

	// 17 — opening alarm details leaves an audit row

	@Test
	void openingAnAlarmsDetailsIsAudited() {
		TestDevices.Registered d = qinglongDevice();
		long id = raise(d);
		WebSession.signedIn(port, "qinglong.police", PW).get("/console/alarms/" + id);
		new WebSession(port).api("GET", "/api/v1/alarms/" + id, "tianning.police", PW, null, Map.of());
		List<String> actors = jdbc
			.sql("select actor from audit_event where action = 'ALARM_VIEWED' and subject_id = ? order by id")
			.param(Long.toString(id))
			.query(String.class)
			.list();
		assertThat(actors).containsExactly("qinglong.police", "tianning.police");
	}

	// 23 — totals labelled with the user's own scope

	@Test
	void networkingRateTotalsAreLabelledWithTheUsersOwnScope() {
		String county = WebSession.signedIn(port, "tianning.edu", PW).get("/devices/rates").body();
		assertThat(county).contains("天宁区（合计）").doesNotContain("常州市（合计）").doesNotContain("返回 常州市");
		assertThat(WebSession.signedIn(port, "city.edu", PW).get("/devices/rates").body()).contains("常州市（合计）");
		assertThat(WebSession.signedIn(port, "qinglong.police", PW).get("/devices/rates").body()).contains("青龙派出所（合计）");
	}

}
