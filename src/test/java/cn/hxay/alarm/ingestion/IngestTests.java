package cn.hxay.alarm.ingestion;

import cn.hxay.alarm.Device;
import cn.hxay.alarm.Devices;
import cn.hxay.alarm.OnlineRule;
import cn.hxay.alarm.TestDevices;
import cn.hxay.alarm.TestPublisher;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import cn.hxay.organisation.DataScope;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.support.Texts.find;
import static cn.hxay.alarm.TestDevices.PW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heartbeats and alarms through the real doors: HTTP with the device token, and MQTT
 * through the embedded broker the platform subscribes to.
 */
@PlatformTest
public class IngestTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MqttBroker broker;

	@Autowired
	Devices devices;

	@Autowired
	IngestCounters counters;

	@Autowired
	Clock clock;

	private TestDevices.Registered device(String kind, String type) {
		WebSession edu = WebSession.signedIn(port, "tianning.edu", PW);
		return TestDevices.register(edu, TestDevices.code(type), TestDevices.qinglongSchool(port)[0], kind, "门卫室");
	}

	private Page post(String path, String token, String json) {
		return new WebSession(port).api("POST", path, null, null, json,
				token == null ? Map.of() : Map.of("X-Device-Token", token));
	}

	@Test
	void httpHeartbeatsNeedTheDeviceTokenAndMakeTheDeviceOnlineUntilTheyAreTooOld() {
		TestDevices.Registered d = device("ONE_KEY_ALARM", "134");
		String path = "/api/v1/devices/" + d.code() + "/heartbeats";
		assertThat(post(path, null, "{}").status()).isEqualTo(401);
		assertThat(post(path, "wrong-token", "{}").status()).isEqualTo(401);
		assertThat(new WebSession(port).api("POST", path, "admin", PW, "{}", Map.of()).status()).isEqualTo(401);
		assertThat(post(path, d.token(), "{\"eventId\":\"hb-1\"}").status()).isEqualTo(202);

		Device stored = await(() -> devices.get(DataScope.everything(false), d.id()),
				dev -> dev.lastHeartbeatAt() != null);
		assertThat(stored.heartbeats()).isEqualTo(1);
		assertThat(devices.status(stored).online()).isTrue();
		assertThat(devices.status(stored, Clock.offset(clock, Duration.ofSeconds(170))).online()).isTrue();
		OnlineRule.Verdict later = devices.status(stored, Clock.offset(clock, Duration.ofSeconds(181)));
		assertThat(later.online()).isFalse();
		assertThat(later.reason()).contains("已超过 180 秒");

		Page page = WebSession.signedIn(port, "tianning.edu", PW).get("/devices/" + d.id());
		assertThat(page.body()).contains("在线").contains("未超过 180 秒");
	}

	@Test
	void anHttpAlarmIsStoredOnceWithItsRawPayloadAndAnUnknownCodeIsUnclassified() {
		TestDevices.Registered d = device("ONE_KEY_ALARM", "134");
		String path = "/api/v1/devices/" + d.code() + "/alarms";
		String json = "{\"eventId\":\"e-1\",\"code\":\"vendor-x-77\",\"time\":\"2026-11-25T08:00:00+08:00\"}";
		assertThat(post(path, null, json).status()).isEqualTo(401);
		Page first = post(path, d.token(), json);
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		Page again = post(path, d.token(), json);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).contains("\"duplicate\":true");
		var row = jdbc.sql("select type, code, raw_payload, state from alarm where device_code = ?")
			.param(d.code())
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
			.list();
		assertThat(row).hasSize(1);
		assertThat(row.get(0)).containsExactly("UNCLASSIFIED", "vendor-x-77", json, "NEW");
		assertThat(post(path, d.token(), "{\"code\":\"one_key\"}").status()).isEqualTo(400);
	}

	@Test
	void aVenuesOneKeyAlarmArrivesOverMqttUnderTheProtectedSchoolsTopicAndReachesItsStation() throws Exception {
		TestDevices.TestVenue venue = TestDevices.venue(port, "qinglong.police", "320402",
				"MQTT测试商店" + System.nanoTime() % 100000);
		TestDevices.Registered d = TestDevices.registerAtVenue(port, "qinglong.police", venue.id(), "收银台");
		assertThat(d.schoolCode()).isEqualTo(venue.schoolCode());
		String eventId = UUID.randomUUID().toString();
		try (TestPublisher device = new TestPublisher(broker.url(), d)) {
			device.publish("hxay/v1/" + d.schoolCode() + "/" + d.code() + "/heartbeat",
					"{\"token\":\"" + d.token() + "\"}");
			device.publish("hxay/v1/" + d.schoolCode() + "/" + d.code() + "/alarm",
					"{\"eventId\":\"" + eventId + "\",\"token\":\"" + d.token() + "\",\"code\":\"one_key\"}");
		}
		long id = await(() -> jdbc.sql("select id from alarm where device_code = ? and event_id = ?")
			.params(d.code(), eventId)
			.query(Long.class)
			.optional()
			.orElse(0L), n -> n > 0);
		assertThat(jdbc.sql("select owner_kind || ' ' || venue_name || ' ' || station_id from alarm where id = ?")
			.param(id)
			.query(String.class)
			.single()).startsWith("VENUE MQTT测试商店").endsWith(" " + venue.stationId());
		assertThat(WebSession.signedIn(port, "qinglong.police", PW).get("/console/queue").body())
			.contains("\"id\":" + id + ",")
			.contains("MQTT测试商店");
		assertThat(await(() -> devices.get(DataScope.everything(false), d.id()), dev -> dev.heartbeats() > 0).owner())
			.isEqualTo(cn.hxay.alarm.DeviceOwner.VENUE);
	}

	@Test
	void anMqttAlarmPublishedTwiceIsStoredOnceAndBadMessagesAreCountedWithoutBlockingGoodOnes() throws Exception {
		TestDevices.Registered d = device("ONE_KEY_ALARM", "134");
		String topic = "hxay/v1/" + d.schoolCode() + "/" + d.code() + "/alarm";
		long malformedBefore = counters.total(Ingest.MQTT, IngestCounters.Reason.MALFORMED);
		long unauthenticatedBefore = counters.total(Ingest.MQTT, IngestCounters.Reason.UNAUTHENTICATED);
		long oversizedBefore = counters.total(Ingest.MQTT, IngestCounters.Reason.OVERSIZED);
		String eventId = UUID.randomUUID().toString();
		String good = "{\"eventId\":\"" + eventId + "\",\"token\":\"" + d.token() + "\",\"code\":\"one_key\"}";
		try (TestPublisher device = new TestPublisher(broker.url(), d)) {
			device.publish(topic, "{not json");
			device.publish(topic, "{\"eventId\":\"x\",\"token\":\"forged\",\"code\":\"one_key\"}");
			device.publish(topic, "{\"eventId\":\"y\",\"pad\":\"" + "x".repeat(5000) + "\"}");
			device.publish(topic, good);
			device.publish(topic, good);
			device.publish("hxay/v1/" + d.schoolCode() + "/" + d.code() + "/heartbeat",
					"{\"token\":\"" + d.token() + "\"}");
		}
		long stored = await(() -> jdbc.sql("select count(*) from alarm where device_code = ?")
			.param(d.code())
			.query(Long.class)
			.single(), n -> n > 0);
		Thread.sleep(500);
		assertThat(jdbc.sql("select count(*) from alarm where device_code = ? and event_id = ?")
			.params(d.code(), eventId)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(stored).isEqualTo(1);
		assertThat(jdbc.sql("select type from alarm where event_id = ?").param(eventId).query(String.class).single())
			.isEqualTo("ONE_KEY");
		await(() -> counters.total(Ingest.MQTT, IngestCounters.Reason.MALFORMED), n -> n > malformedBefore);
		await(() -> counters.total(Ingest.MQTT, IngestCounters.Reason.UNAUTHENTICATED), n -> n > unauthenticatedBefore);
		await(() -> counters.total(Ingest.MQTT, IngestCounters.Reason.OVERSIZED), n -> n > oversizedBefore);
		await(() -> devices.get(DataScope.everything(false), d.id()), dev -> dev.lastHeartbeatAt() != null);

		Page rejections = new WebSession(port).api("GET", "/api/v1/devices/rejections", "city.police", PW, null,
				Map.of());
		assertThat(rejections.body()).contains("\"reason\":\"MALFORMED\"").contains("\"reasonLabel\":\"令牌缺失或错误\"");
	}

	@Test
	void anAlarmTheDatabaseRefusesIsRedeliveredByTheBrokerAndStoredOnceItRecovers() throws Exception {
		TestDevices.Registered d = device("ONE_KEY_ALARM", "134");
		String eventId = "refused-" + UUID.randomUUID();
		// a real database failure for this one event, lifted a few seconds later
		jdbc.sql("""
				create or replace function refuse_test_alarm() returns trigger language plpgsql as $$
				begin
				  if new.event_id like 'refused-%' then raise exception 'database unavailable (test)'; end if;
				  return new;
				end $$""").update();
		jdbc.sql(
				"create trigger refuse_test_alarm before insert on alarm for each row execute function refuse_test_alarm()")
			.update();
		try {
			try (TestPublisher device = new TestPublisher(broker.url(), d)) {
				device.publish("hxay/v1/" + d.schoolCode() + "/" + d.code() + "/alarm",
						"{\"eventId\":\"" + eventId + "\",\"token\":\"" + d.token() + "\",\"code\":\"one_key\"}");
			}
			Thread.sleep(3000);
			assertThat(count(eventId)).isZero();
		}
		finally {
			jdbc.sql("drop trigger refuse_test_alarm on alarm").update();
			jdbc.sql("drop function refuse_test_alarm()").update();
		}
		await(() -> count(eventId), n -> n > 0, Duration.ofSeconds(60));
		Thread.sleep(500);
		assertThat(count(eventId)).isEqualTo(1);
	}

	private long count(String eventId) {
		return jdbc.sql("select count(*) from alarm where event_id = ?").param(eventId).query(Long.class).single();
	}

	public static <T> T await(Supplier<T> value, java.util.function.Predicate<T> done) {
		return await(value, done, Duration.ofSeconds(10));
	}

	public static <T> T await(Supplier<T> value, java.util.function.Predicate<T> done, Duration timeout) {
		return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(value::get, done);
	}

	@Test
	void aRegisteredDeviceIsOnlineOnlyWhileItsRegistrationIsValid() {
		TestDevices.Registered d = device("CAMERA", "131");
		String base = "/api/v1/devices/" + d.code();
		assertThat(post(base + "/registrations", null, "{\"expires\":600}").status()).isEqualTo(401);
		assertThat(post(base + "/registrations", d.token(), "{\"expires\":-5}").status()).isEqualTo(400);
		assertThat(post(base + "/registrations", d.token(), "{\"expires\":600}").status()).isEqualTo(202);
		Device registered = await(() -> devices.get(DataScope.everything(false), d.id()),
				dev -> dev.lastHeartbeatAt() != null && dev.registeredUntil() != null);
		assertThat(devices.status(registered).online()).isTrue();
		assertThat(devices.status(registered).rule()).contains("注册在有效期内");
		// fresh heartbeat and a valid registration
		assertThat(devices.status(registered, Clock.offset(clock, Duration.ofSeconds(170))).online()).isTrue();
		WebSession county = WebSession.signedIn(port, "tianning.edu", PW);
		long onlineBefore = Long.parseLong(find(county.get("/").body(), "在线 (\\d+) / 须联网"));
		// Expires 0 unregisters at once, however fresh the heartbeats
		assertThat(post(base + "/registrations", d.token(), "{\"expires\":0}").status()).isEqualTo(202);
		// and the county's networking rate on the start page moves
		long onlineAfter = Long.parseLong(find(county.get("/").body(), "在线 (\\d+) / 须联网"));
		assertThat(onlineAfter).isLessThan(onlineBefore);
		Device unregistered = devices.get(DataScope.everything(false), d.id());
		OnlineRule.Verdict verdict = devices.status(unregistered, Clock.offset(clock, Duration.ofSeconds(1)));
		assertThat(verdict.online()).isFalse();
		assertThat(verdict.reason()).contains("过期或已注销，须重新注册");
		Page page = WebSession.signedIn(port, "tianning.edu", PW).get("/devices?online=false&q=" + d.code());
		assertThat(page.body()).contains(d.code());
	}

	@Test
	void devicesRegisterOverMqttToo() throws Exception {
		TestDevices.Registered d = device("NVR", "118");
		try (TestPublisher device = new TestPublisher(broker.url(), d)) {
			device.publish("hxay/v1/" + d.schoolCode() + "/" + d.code() + "/register",
					"{\"token\":\"" + d.token() + "\",\"expires\":120}");
		}
		Device registered = await(() -> devices.get(DataScope.everything(false), d.id()),
				dev -> dev.registeredUntil() != null && dev.lastHeartbeatAt() != null);
		assertThat(devices.status(registered).online()).isTrue();
		// 120 s later the registration has lapsed, though heartbeats would still count
		OnlineRule.Verdict lapsed = devices.status(registered, Clock.offset(clock, Duration.ofSeconds(121)));
		assertThat(lapsed.online()).isFalse();
		assertThat(lapsed.reason()).contains("过期或已注销");
	}

}
