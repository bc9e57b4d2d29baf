package cn.hxay.surroundings;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Set;

import cn.hxay.demo.DemoUsers;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Venues and the violation ledger through the real stack (HTTP + PostgreSQL): distances
 * at the limit, GCJ-02 entry, 销号 and re-check, scope, refused input and refused writers.
 */
@PlatformTest
class VenueFlowTests {

	private static final String PW = DemoUsers.PASSWORD;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Venues venues;

	private Page api(String method, String path, String user, String json) {
		return api(method, path, user, json, Map.of());
	}

	private Page api(String method, String path, String user, String json, Map<String, String> headers) {
		return new WebSession(port).api(method, path, user, PW, json, headers);
	}

	private static JsonNode json(Page page) {
		return JSON.readTree(page.body());
	}

	/** A primary or middle school of 青龙派出所 with coordinates. */
	private JsonNode school() {
		for (JsonNode s : json(api("GET", "/api/v1/schools?size=200", DemoUsers.STATION_OFFICER, null)).get("items")) {
			if (!s.get("latitude").isNull()
					&& Set.of("PRIMARY", "JUNIOR_SECONDARY", "NINE_YEAR").contains(s.get("kind").asString())) {
				return s;
			}
		}
		throw new IllegalStateException("no primary or middle school for 青龙派出所");
	}

	private static String venue(String type, String name, String system, double latitude, double longitude,
			long station) {
		return """
				{"type":"%s","name":"%s","address":"测试路 1 号","coordinateSystem":"%s","longitude":%s,"latitude":%s,
				 "stationId":%d}""".formatted(type, name, system, longitude, latitude, station);
	}

	private Page create(String type, String name, double metresNorth, JsonNode school) {
		double lat = Distance.northOf(school.get("latitude").asDouble(), metresNorth);
		return api("POST", "/api/v1/venues", DemoUsers.STATION_OFFICER, venue(type, name, "WGS84", lat,
				school.get("longitude").asDouble(), school.get("policeStationId").asLong()));
	}

	private JsonNode violationsOf(long venue) {
		return json(api("GET", "/api/v1/venue-violations?venueId=" + venue, DemoUsers.STATION_OFFICER, null))
			.get("items");
	}

	private JsonNode violationFor(long venue, long school) {
		for (JsonNode w : violationsOf(venue)) {
			if (w.get("schoolId").asLong() == school && !w.get("status").asString().equals("CLOSED")) {
				return w;
			}
		}
		return null;
	}

	@Test
	void internetCafesAt199And200MetresAreFlaggedAt201NotAndNotAGuangxiFoodStallRuleInChangzhou() {
		JsonNode school = school();
		long schoolId = school.get("id").asLong();
		for (int metres : new int[] { 199, 200, 201 }) {
			Page created = create("INTERNET_CAFE", "测试网吧" + metres + "米" + System.nanoTime() % 10000, metres, school);
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			long id = json(created).get("id").asLong();
			JsonNode w = violationFor(id, schoolId);
			if (metres <= 200) {
				assertThat(w).as(metres + " m").isNotNull();
				assertThat(w.get("distanceMetres").asInt()).isEqualTo(metres);
				assertThat(w.get("limitMetres").asInt()).isEqualTo(200);
				assertThat(w.get("citation").asString()).contains("第九条");
				assertThat(w.get("status").asString()).isEqualTo("FOUND");
			}
			else {
				assertThat(w).as(metres + " m").isNull();
			}
		}
		// the food-stall rule is Guangxi's (桂政办发〔2018〕113号): not applied in 常州
		long stall = json(create("FOOD_STALL", "测试小吃摊" + System.nanoTime() % 10000, 50, school)).get("id").asLong();
		assertThat(violationsOf(stall)).isEmpty();
	}

	@Test
	void gcj02CoordinatesAreConvertedOnEntry() {
		JsonNode school = school();
		double lat = Distance.northOf(school.get("latitude").asDouble(), 150);
		double lon = school.get("longitude").asDouble();
		double[] gcj = Gcj02.fromWgs84(lat, lon);
		Page created = api("POST", "/api/v1/venues", DemoUsers.STATION_OFFICER, venue("INTERNET_CAFE",
				"高德坐标网吧" + System.nanoTime() % 10000, "GCJ02", gcj[0], gcj[1], school.get("policeStationId").asLong()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode v = json(created);
		assertThat(v.get("inputSystem").asString()).isEqualTo("GCJ02");
		assertThat(v.get("latitude").asDouble()).isCloseTo(lat, org.assertj.core.data.Offset.offset(1.1e-6));
		assertThat(v.get("longitude").asDouble()).isCloseTo(lon, org.assertj.core.data.Offset.offset(1.1e-6));
		// flagged at the true (WGS-84) distance, not the several hundred metres of the
		// GCJ-02 shift
		JsonNode w = violationFor(v.get("id").asLong(), school.get("id").asLong());
		assertThat(w.get("distanceMetres").asInt()).isEqualTo(150);
	}

	@Test
	void closedThenRecheckedFlagsAgainAndTheLedgerExports() throws Exception {
		JsonNode school = school();
		long schoolId = school.get("id").asLong();
		long id = json(create("INTERNET_CAFE", "复查网吧" + System.nanoTime() % 10000, 120, school)).get("id").asLong();
		JsonNode w = violationFor(id, schoolId);
		String path = "/api/v1/venue-violations/" + w.get("id").asLong() + "/moves";
		// 整改中 needs a department and deadline: refused, nothing changes
		Page refused = api("POST", path, DemoUsers.STATION_OFFICER,
				"{\"target\":\"RECTIFYING\",\"version\":%d}".formatted(w.get("version").asInt()));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("责任部门").contains("整改期限");
		assertThat(violationFor(id, schoolId).get("status").asString()).isEqualTo("FOUND");
		Page rectifying = api("POST", path, DemoUsers.STATION_OFFICER,
				"{\"target\":\"RECTIFYING\",\"version\":%d,\"department\":\"区文化市场综合执法大队\",\"deadline\":\"%s\"}"
					.formatted(w.get("version").asInt(),
							java.time.LocalDate.now(java.time.ZoneId.of("UTC")).plusDays(20)));
		assertThat(rectifying.status()).as(rectifying.body()).isEqualTo(200);
		int version = json(rectifying).get("version").asInt();
		Page closed = api("POST", path, DemoUsers.STATION_OFFICER,
				"{\"target\":\"CLOSED\",\"version\":%d,\"note\":\"已停业\"}".formatted(version));
		assertThat(json(closed).get("status").asString()).isEqualTo("CLOSED");
		assertThat(json(closed).get("closedOn").isNull()).isFalse();
		assertThat(violationFor(id, schoolId)).isNull();
		// a closed violation does not reopen
		assertThat(api("POST", path, DemoUsers.STATION_OFFICER,
				"{\"target\":\"RECTIFYING\",\"version\":%d,\"department\":\"x\",\"deadline\":\"2099-01-01\"}"
					.formatted(version + 1))
			.status()).isEqualTo(400);
		// the venue reopened where it was: 复查 puts it on the ledger again
		Page recheck = api("POST", "/api/v1/venues/" + id + "/recheck", DemoUsers.STATION_OFFICER, null);
		assertThat(json(recheck).get("breaches").asInt()).isPositive();
		JsonNode again = violationFor(id, schoolId);
		assertThat(again.get("status").asString()).isEqualTo("FOUND");
		assertThat(again.get("id").asLong()).isNotEqualTo(w.get("id").asLong());
		// the daily job re-checks every venue the same way, without doubling the open one
		venues.recheckAll();
		assertThat(violationsOf(id)).hasSize(2);

		Page xlsx = api("GET", "/api/v1/venue-violations/ledger.xlsx", DemoUsers.STATION_OFFICER, null);
		assertThat(xlsx.status()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
			assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
			assertThat(book.getSheetAt(0).getLastRowNum()).isGreaterThanOrEqualTo(2);
		}
	}

	@Test
	void scopeRefusedWritersAndBadInput() {
		JsonNode school = school();
		long station = school.get("policeStationId").asLong();
		Page created = create("INTERNET_CAFE", "范围网吧" + System.nanoTime() % 10000, 80, school);
		long id = json(created).get("id").asLong();
		long violation = violationFor(id, school.get("id").asLong()).get("id").asLong();
		// the county of the school sees it; another county does not
		assertThat(api("GET", "/api/v1/venues/" + id, DemoUsers.COUNTY_EDUCATION, null).status()).isEqualTo(200);
		assertThat(api("GET", "/api/v1/venues/" + id, DemoUsers.OTHER_COUNTY_EDUCATION, null).status()).isEqualTo(404);
		assertThat(api("GET", "/api/v1/venue-violations/" + violation, DemoUsers.OTHER_COUNTY_EDUCATION, null).status())
			.isEqualTo(404);
		assertThat(api("PUT", "/api/v1/venues/" + id, DemoUsers.OTHER_COUNTY_EDUCATION, "{}", Map.of("If-Match", "0"))
			.status()).isIn(403, 404);
		// only police write
		String body = venue("SHOP", "不该写入的商店", "WGS84", 31.78, 119.95, station);
		long before = jdbc.sql("select count(*) from venue").query(Long.class).single();
		assertThat(api("POST", "/api/v1/venues", DemoUsers.INSPECTOR, body).status()).isEqualTo(403);
		assertThat(api("POST", "/api/v1/venues", DemoUsers.COUNTY_EDUCATION, body).status()).isEqualTo(403);
		assertThat(api("POST", "/api/v1/venues", DemoUsers.SCHOOL_LEAD, body).status()).isEqualTo(403);
		// bad input: 400 by field, nothing written
		Page bad = api("POST", "/api/v1/venues", DemoUsers.STATION_OFFICER,
				"{\"type\":\"网吧吧\",\"name\":\"x\",\"coordinateSystem\":\"BD09\",\"longitude\":\"东经\",\"latitude\":200,"
						+ "\"stationId\":\"" + station + "\"}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("场所类型").contains("坐标系").contains("经度").contains("纬度");
		assertThat(jdbc.sql("select count(*) from venue").query(Long.class).single()).isEqualTo(before);
		// a stale If-Match is a conflict, a missing one refused
		String change = venue("INTERNET_CAFE", "范围网吧改名", "WGS84", 31.78, 119.95, station);
		assertThat(api("PUT", "/api/v1/venues/" + id, DemoUsers.STATION_OFFICER, change, Map.of("If-Match", "\"7\""))
			.status()).isEqualTo(409);
		assertThat(api("PUT", "/api/v1/venues/" + id, DemoUsers.STATION_OFFICER, change).status()).isEqualTo(400);
		Page changed = api("PUT", "/api/v1/venues/" + id, DemoUsers.STATION_OFFICER, change,
				Map.of("If-Match", "\"0\""));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(json(changed).get("version").asInt()).isEqualTo(1);
	}

	@Test
	void pagesListTheFormKeepsWhatWasTypedAndTheLedgerMoves() {
		JsonNode school = school();
		String station = school.get("policeStationId").asString();
		WebSession officer = WebSession.signedIn(port, DemoUsers.STATION_OFFICER, PW);
		assertThat(officer.get("/venues").body()).contains("周边场所").contains("登记周边场所");
		Page form = officer.get("/venues/new");
		assertThat(form.body()).contains("GCJ-02").contains("换算为 WGS-84");
		long before = jdbc.sql("select count(*) from venue").query(Long.class).single();
		Page refused = officer.postForm("/venues",
				Map.of("type", "INTERNET_CAFE", "name", "页面网吧保留名", "address", "页面路 9 号", "coordinateSystem", "WGS84",
						"longitude", "东经一百二十", "latitude", "31.7", "stationId", station));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("页面网吧保留名").contains("东经一百二十").contains("请填写经度");
		assertThat(jdbc.sql("select count(*) from venue").query(Long.class).single()).isEqualTo(before);
		double lat = Distance.northOf(school.get("latitude").asDouble(), 60);
		String name = "页面网吧" + System.nanoTime() % 10000;
		Page saved = officer.follow(officer.postForm("/venues",
				Map.of("type", "INTERNET_CAFE", "name", name, "address", "页面路 9 号", "coordinateSystem", "WGS84",
						"longitude", school.get("longitude").asString(), "latitude", Double.toString(lat), "stationId",
						station)));
		assertThat(saved.body()).contains(name).contains("60 米").contains("第九条");
		long venue = jdbc.sql("select id from venue where name = ?").param(name).query(Long.class).single();
		JsonNode w = violationFor(venue, school.get("id").asLong());
		Page noDepartment = officer.postForm("/venue-violations/" + w.get("id").asLong() + "/moves",
				Map.of("target", "RECTIFYING", "version", w.get("version").asString(), "deadline", "2099-01-01"));
		assertThat(noDepartment.status()).isEqualTo(400);
		assertThat(noDepartment.body()).contains("请填写责任部门");
		Page closed = officer.follow(officer.postForm("/venue-violations/" + w.get("id").asLong() + "/moves",
				Map.of("target", "CLOSED", "version", w.get("version").asString(), "note", "已关停")));
		assertThat(closed.body()).contains("已转为“已销号”");
		// the inspector reads but never writes
		WebSession inspector = WebSession.signedIn(port, DemoUsers.INSPECTOR, PW);
		assertThat(inspector.get("/venue-violations").status()).isEqualTo(200);
		assertThat(inspector.postForm("/venues/" + venue + "/recheck", Map.of()).status()).isEqualTo(403);
	}

}
