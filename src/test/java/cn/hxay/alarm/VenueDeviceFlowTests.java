package cn.hxay.alarm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;

import cn.hxay.demo.DemoUsers;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.alarm.TestDevices.PW;
import static cn.hxay.support.Texts.find;
import static cn.hxay.support.Texts.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One-key alarms at venues near schools (护校联防) through the real stack: police register
 * them (schools and education refused, another county's venue not found), an alarm over
 * HTTP reaches the console of the venue's station with the venue's name and the school it
 * protects (and not the other county's console), is worked like any alarm and counted
 * apart in the statistics; schools and education bureaus never see the device.
 */
@PlatformTest
class VenueDeviceFlowTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Page api(String method, String path, String user, String json) {
		return new WebSession(port).api(method, path, user, PW, json, Map.of());
	}

	private long raise(TestDevices.Registered device) {
		Page page = new WebSession(port).api("POST", "/api/v1/devices/" + device.code() + "/alarms", null, null,
				"{\"eventId\":\"" + UUID.randomUUID() + "\",\"code\":\"one_key\"}",
				Map.of("X-Device-Token", device.token()));
		assertThat(page.status()).as(page.body()).isEqualTo(201);
		return Long.parseLong(find(page.body(), "\"alarmId\":(\\d+)"));
	}

	private long devices() {
		return jdbc.sql("select count(*) from device").query(Long.class).single();
	}

	@Test
	void onlyPoliceRegisterAVenueDeviceAndOnlyAtAVenueOfTheirOwn() {
		String name = "护校文具店" + System.nanoTime() % 100000;
		TestDevices.TestVenue venue = TestDevices.venue(port, DemoUsers.STATION_OFFICER, "320402", name);
		TestDevices.TestVenue wujin = TestDevices.venue(port, DemoUsers.CITY_POLICE, "320412", "武进" + name);
		String body = "{\"code\":\"" + TestDevices.code("134") + "\",\"venueId\":" + venue.id() + ",\"place\":\"收银台\"}";
		long before = devices();
		// schools and education bureaus never register a venue's device
		assertThat(api("POST", "/api/v1/devices/venue", DemoUsers.SCHOOL_LEAD, body).status()).isEqualTo(403);
		assertThat(api("POST", "/api/v1/devices/venue", DemoUsers.COUNTY_EDUCATION, body).status()).isEqualTo(403);
		assertThat(api("POST", "/api/v1/devices/venue", DemoUsers.INSPECTOR, body).status()).isEqualTo(403);
		assertThat(WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, PW).get("/devices/venue/new").status())
			.isEqualTo(403);
		// another county's venue does not exist for 天宁区 police
		String other = body.replace("\"venueId\":" + venue.id(), "\"venueId\":" + wujin.id());
		assertThat(api("POST", "/api/v1/devices/venue", DemoUsers.STATION_OFFICER, other).status()).isEqualTo(404);
		assertThat(api("POST", "/api/v1/devices/venue", DemoUsers.COUNTY_POLICE, other).status()).isEqualTo(404);
		// bad input: 400 by field, nothing written
		Page bad = api("POST", "/api/v1/devices/venue", DemoUsers.STATION_OFFICER,
				"{\"code\":\"123\",\"venueId\":" + venue.id() + ",\"schoolId\":1,\"place\":\"\"}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("所护学校须为该场所");
		assertThat(devices()).isEqualTo(before);

		Page created = api("POST", "/api/v1/devices/venue", DemoUsers.STATION_OFFICER, body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode device = json(created.body());
		assertThat(device.get("owner").asString()).isEqualTo("VENUE");
		assertThat(device.get("venueName").asString()).isEqualTo(name);
		assertThat(device.get("schoolId").asLong()).as("the nearest school protected").isEqualTo(venue.schoolId());
		assertThat(device.get("stationId").asLong()).isEqualTo(venue.stationId());
		assertThat(device.get("token").asString()).isNotBlank();
		long id = device.get("id").asLong();

		// the station and the county police see it with its owner; schools and education
		// do not
		Page list = WebSession.signedIn(port, DemoUsers.STATION_OFFICER, PW).get("/devices?owner=VENUE&q=" + name);
		assertThat(list.body()).contains("周边场所").contains(name);
		assertThat(api("GET", "/api/v1/devices/" + id, DemoUsers.COUNTY_POLICE, null).body())
			.contains("\"owner\":\"VENUE\"")
			.contains("\"ownerName\":\"" + name + "（周边，护 ");
		assertThat(api("GET", "/api/v1/devices/" + id, DemoUsers.COUNTY_EDUCATION, null).status()).isEqualTo(404);
		assertThat(api("GET", "/api/v1/devices/" + id, DemoUsers.SCHOOL_LEAD, null).status()).isEqualTo(404);
		assertThat(api("GET", "/api/v1/devices?owner=VENUE", DemoUsers.COUNTY_EDUCATION, null).body())
			.doesNotContain(name);
		// the city police registers one at the 武进区 venue
		assertThat(api("POST", "/api/v1/devices/venue", DemoUsers.CITY_POLICE,
				other.replaceAll("\\d{20}", TestDevices.code("134")))
			.status()).isEqualTo(201);
		// a venue's device is not edited into a school's
		WebSession officer = WebSession.signedIn(port, DemoUsers.COUNTY_POLICE, PW);
		assertThat(officer.get("/devices/" + id).body()).contains("所护学校").doesNotContain("id=\"edit-device\"");
	}

	@Test
	void theRegistrationPageKeepsWhatWasTypedAndOffersTheSchoolsNearTheVenue() {
		String name = "护校便利店" + System.nanoTime() % 100000;
		TestDevices.TestVenue venue = TestDevices.venue(port, DemoUsers.STATION_OFFICER, "320402", name);
		WebSession officer = WebSession.signedIn(port, DemoUsers.STATION_OFFICER, PW);
		assertThat(officer.get("/devices").body()).contains("登记周边一键报警");
		Page form = officer.get("/devices/venue/new?venueId=" + venue.id() + "&place=" + "柜台");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains(name).contains("<option value=\"" + venue.schoolId() + "\"").contains("柜台");
		long before = devices();
		Page refused = officer.postForm("/devices/venue/new",
				Map.of("code", "12345", "venueId", venue.id(), "schoolId", "", "place", "收银台旁", "vendor", "海康"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("设备编码须为 20 位数字").contains("收银台旁").contains("海康");
		assertThat(devices()).isEqualTo(before);
		String code = TestDevices.code("134");
		Page issued = officer.postForm("/devices/venue/new", Map.of("code", code, "venueId", venue.id(), "schoolId",
				venue.schoolId(), "place", "收银台", "mustBeNetworked", "true"));
		assertThat(issued.status()).isEqualTo(200);
		assertThat(issued.body()).contains("设备接入令牌").contains(code).contains(name + "（周边，护 ");
	}

	@Test
	void anAlarmFromAVenueReachesTheStationsConsoleWithTheVenueAndIsWorkedLikeAnyAlarm() throws Exception {
		String name = "护校小卖部" + System.nanoTime() % 100000;
		TestDevices.TestVenue venue = TestDevices.venue(port, DemoUsers.STATION_OFFICER, "320402", name);
		TestDevices.Registered device = TestDevices.registerAtVenue(port, DemoUsers.STATION_OFFICER, venue.id(), "收银台");
		TestDevices.TestVenue wujin = TestDevices.venue(port, DemoUsers.CITY_POLICE, "320412", "武进" + name);
		TestDevices.Registered wujinDevice = TestDevices.registerAtVenue(port, DemoUsers.CITY_POLICE, wujin.id(), "客厅");

		WebSession officer = WebSession.signedIn(port, DemoUsers.STATION_OFFICER, PW);
		String cookie = officer.cookie("HXAYSESSION").orElseThrow().getValue();
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		HttpResponse<Stream<String>> stream = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/stream"))
				.header("Cookie", "HXAYSESSION=" + cookie)
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofLines());
		assertThat(stream.statusCode()).isEqualTo(200);
		Thread reader = new Thread(() -> {
			try {
				stream.body().forEach(lines::add);
			}
			catch (RuntimeException ex) {
				// closed at the end of the test
			}
		});
		reader.setDaemon(true);
		reader.start();
		long venueAlarmsBefore = venueAlarms();
		long other = raise(wujinDevice);
		long id = raise(device);
		String event = ConsoleTests.next(lines, "\"id\":" + id + ",");
		assertThat(event).as("the station's live feed").isNotNull();
		assertThat(event).contains("\"owner\":\"VENUE\"")
			.contains("\"venueName\":\"" + name + "\"")
			.contains("\"siteName\":\"" + name + "（周边一键报警，护 ");
		stream.body().close();
		reader.interrupt();
		assertThat(lines).noneMatch(line -> line.contains("\"id\":" + other + ","));

		// the queue of the station and of the county police, not of the other county
		assertThat(officer.get("/console/queue").body()).contains("\"id\":" + id + ",")
			.doesNotContain("\"id\":" + other + ",");
		assertThat(api("GET", "/api/v1/alarms", DemoUsers.COUNTY_POLICE, null).body()).contains("\"id\":" + id + ",")
			.doesNotContain("\"id\":" + other + ",");
		assertThat(api("GET", "/api/v1/alarms/" + other, DemoUsers.COUNTY_POLICE, null).status()).isEqualTo(404);
		assertThat(api("GET", "/api/v1/alarms", DemoUsers.CITY_POLICE, null).body()).contains("\"id\":" + other + ",");

		// worked like any alarm: 接警 → 派警 → 到场 → 处置完毕
		Page detail = officer.get("/console/alarms/" + id);
		assertThat(detail.body()).contains(name).contains("周边场所").contains("所护学校").contains("测试路 8 号");
		Page acknowledged = officer.postForm("/console/alarms/" + id + "/acknowledge",
				Map.of("version", version(detail)));
		assertThat(acknowledged.body()).contains("已接警");
		Page dispatched = officer.postForm("/console/alarms/" + id + "/dispatch",
				Map.of("version", version(acknowledged), "stationId", venue.stationId(), "officers", "张警官"));
		assertThat(dispatched.body()).contains("已派警");
		assertThat(officer.get("/console/on-site").body()).contains(name);
		Page arrived = officer.postForm("/console/alarms/" + id + "/arrive", Map.of("version", version(dispatched)));
		assertThat(arrived.body()).contains("已到场");
		Page closed = officer.postForm("/console/alarms/" + id + "/close",
				Map.of("version", version(arrived), "outcome", "REAL", "note", "店主报警，已处置"));
		assertThat(closed.body()).contains("处置完毕");
		assertThat(officer.get("/console/queue").body()).doesNotContain("\"id\":" + id + ",");

		// counted apart in the statistics: one more 周边一键报警 for the station
		assertThat(venueAlarms()).isEqualTo(venueAlarmsBefore + 1);
		assertThat(officer.get("/alarms/statistics").body()).contains("周边一键报警");
		assertThat(officer.get("/console/log").body()).contains(name + "（周边一键报警，护 ");
	}

	private long venueAlarms() {
		return json(api("GET", "/api/v1/alarms/statistics?days=2", DemoUsers.STATION_OFFICER, null).body())
			.get("byOwner")
			.path("周边一键报警")
			.asLong(0);
	}

	private static int version(Page detail) {
		return Integer.parseInt(find(detail.body(), "data-version=\"(\\d+)\""));
	}

}
