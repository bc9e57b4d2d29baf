package cn.hxay.keyperson;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.crypto.KeyRing;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key persons through the real stack (HTTP + PostgreSQL): police only, each police user
 * within their scope, numbers encrypted at rest and masked in every answer, every read
 * audited, visits overdue by the clock, transfers, nearby schools, conflicts and refused
 * input.
 */
@PlatformTest
class KeyPersonFlowTests {

	private static final String PW = "Demo@2026";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 900);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KeyPersons keyPersons;

	@Autowired
	Clock clock;

	@Autowired
	NearbySchools nearbySchools;

	@Autowired
	cn.hxay.organisation.Organisations organisations;

	@Autowired
	KeyPersonAudit audit;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	jakarta.validation.Validator validator;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Autowired
	KeyRing keyRing;

	private Page api(String method, String path, String user, String json) {
		return api(method, path, user, json, Map.of());
	}

	private Page api(String method, String path, String user, String json, Map<String, String> headers) {
		return new WebSession(port).api(method, path, user, PW, json, headers);
	}

	private static JsonNode json(Page page) {
		return JSON.readTree(page.body());
	}

	/** A fresh, valid 18-digit ID number (a correct GB 11643 check character). */
	private static String newIdNumber() {
		long n = SERIAL.incrementAndGet();
		String first17 = "320402" + "1985" + String.format("%02d", 1 + n % 12) + String.format("%02d", 1 + n % 28)
				+ String.format("%03d", (System.nanoTime() / 1000) % 1000);
		return first17 + PersonalNumbers.checkCharacter(first17);
	}

	private long unitOf(String user) {
		return json(api("GET", "/api/v1/me", user, null)).get("organisationId").asLong();
	}

	/** A school of the user's area with coordinates: id, station, latitude, longitude. */
	private JsonNode schoolOf(String user, java.util.function.Predicate<JsonNode> which) {
		JsonNode items = json(api("GET", "/api/v1/schools?size=200", user, null)).get("items");
		for (JsonNode school : items) {
			if (!school.get("latitude").isNull() && which.test(school)) {
				return school;
			}
		}
		throw new IllegalStateException("no school for " + user);
	}

	private String body(String name, String idNumber, long station, double latitude, double longitude, String category,
			String risk, String controlledSince) {
		return """
				{"name":"%s","idNumber":"%s","phone":"13912345678","address":"测试路 %d 号","longitude":%.6f,
				 "latitude":%.6f,"stationId":%d,"officer":"测试民警","risk":"%s","category":"%s",
				 "measures":"监护人每日看护","guardians":"父亲 张某","communityContacts":"网格员 李某",
				 "controlledSince":%s}""".formatted(name, idNumber, SERIAL.get(), longitude, latitude, station, risk,
				category, controlledSince == null ? "null" : "\"" + controlledSince + "\"");
	}

	private JsonNode create(String user, String name, String idNumber, long station, double latitude,
			double longitude) {
		Page created = api("POST", "/api/v1/key-persons", user,
				body(name, idNumber, station, latitude, longitude, "MENTAL_DISORDER", "HIGH", null));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return json(created);
	}

	private long audits(String actor, String action, Object subject) {
		return jdbc
			.sql("select count(*) from audit_event where actor = ? and action = ?"
					+ (subject == null ? "" : " and subject_id = '" + subject + "'"))
			.params(actor, action)
			.query(Long.class)
			.single();
	}

	@Test
	void educationSchoolInspectorAndAdministratorUsersAreRefusedEverywhereAndTheRefusalIsAudited() {
		JsonNode school = schoolOf("qinglong.police", s -> true);
		long station = unitOf("qinglong.police");
		long id = create("qinglong.police", "拒看测试", newIdNumber(), station, school.get("latitude").asDouble(),
				school.get("longitude").asDouble())
			.get("id")
			.asLong();
		for (String user : List.of("tianning.edu", "city.edu", "wujin.edu", "inspector", "school.lead", "admin")) {
			// a read-only role's writes are refused (and audited) by the one read-only
			// rule
			// before the key-person rule sees them
			long refusedBefore = audits(user, KeyPersonAudit.REFUSED, null)
					+ audits(user, "READ_ONLY_WRITE_REFUSED", null);
			assertThat(api("GET", "/api/v1/key-persons", user, null).status()).as(user).isEqualTo(403);
			assertThat(api("GET", "/api/v1/key-persons/" + id, user, null).status()).as(user).isEqualTo(403);
			assertThat(api("POST", "/api/v1/key-persons/" + id + "/reveal", user, "{\"reason\":\"想看看这个人\"}").status())
				.as(user)
				.isEqualTo(403);
			assertThat(api("POST", "/api/v1/key-persons", user,
					body("越权登记", newIdNumber(), station, 31.8, 119.9, "DRUG_USER", "LOW", null))
				.status()).as(user).isEqualTo(403);
			WebSession web = WebSession.signedIn(port, user, PW);
			Page home = web.get("/");
			assertThat(home.status()).isEqualTo(200);
			assertThat(home.body()).as(user).doesNotContain("重点人员").doesNotContain("key-persons");
			for (String path : List.of("/key-persons", "/key-persons/" + id, "/key-persons/new",
					"/key-persons/export.xlsx", "/key-persons/" + id + "/print",
					"/key-persons/" + id + "/visits/new")) {
				Page page = web.get(path);
				assertThat(page.status()).as(user + " " + path).isEqualTo(403);
				assertThat(page.body()).doesNotContain("拒看测试");
			}
			assertThat(web.postForm("/key-persons/search", Map.of("idNumber", "320402198001011234")).status())
				.isEqualTo(403);
			assertThat(audits(user, KeyPersonAudit.REFUSED, null) + audits(user, "READ_ONLY_WRITE_REFUSED", null))
				.as(user)
				.isGreaterThanOrEqualTo(refusedBefore + 10);
		}
		String detail = jdbc
			.sql("select detail from audit_event where actor = 'tianning.edu' and action = ? order by id desc limit 1")
			.param(KeyPersonAudit.REFUSED)
			.query(String.class)
			.single();
		assertThat(detail).contains("拒绝").contains("县(区)教育局管理员").contains("/key-persons");
		String ip = jdbc.sql(
				"select client_ip from audit_event where actor = 'tianning.edu' and action = ? order by id desc limit 1")
			.param(KeyPersonAudit.REFUSED)
			.query(String.class)
			.single();
		assertThat(ip).isNotBlank();
	}

	@Test
	void aStationSeesItsOwnAndTheCountyItsStationsAndAnotherStationsRecordIsNotFound() {
		long qinglong = unitOf("qinglong.police");
		JsonNode mine = schoolOf("qinglong.police", s -> true);
		JsonNode other = schoolOf("tianning.police", s -> s.get("policeStationId").asLong() != qinglong);
		long otherStation = other.get("policeStationId").asLong();
		long a = create("qinglong.police", "青龙甲", newIdNumber(), qinglong, mine.get("latitude").asDouble(),
				mine.get("longitude").asDouble())
			.get("id")
			.asLong();
		// a station cannot register for another station
		Page foreign = api("POST", "/api/v1/key-persons", "qinglong.police",
				body("他所人员", newIdNumber(), otherStation, 31.8, 119.9, "DRUG_USER", "LOW", null));
		assertThat(foreign.status()).isEqualTo(400);
		assertThat(foreign.body()).contains("stationId").contains("管辖范围");
		long b = create("tianning.police", "天宁乙", newIdNumber(), otherStation, other.get("latitude").asDouble(),
				other.get("longitude").asDouble())
			.get("id")
			.asLong();

		JsonNode qinglongList = json(api("GET", "/api/v1/key-persons?size=200", "qinglong.police", null));
		assertThat(qinglongList.get("items").size()).isPositive();
		for (JsonNode p : qinglongList.get("items")) {
			assertThat(p.get("stationId").asLong()).isEqualTo(qinglong);
			assertThat(p.get("idNumber").asString()).matches("\\d{4}\\*{10}[\\dX]{4}");
		}
		assertThat(ids(qinglongList)).contains(a).doesNotContain(b);
		assertThat(ids(json(api("GET", "/api/v1/key-persons?size=200", "tianning.police", null)))).contains(a, b);
		assertThat(ids(json(api("GET", "/api/v1/key-persons?size=200", "city.police", null)))).contains(a, b);

		long refused = audits("qinglong.police", KeyPersonAudit.REFUSED, null);
		assertThat(api("GET", "/api/v1/key-persons/" + b, "qinglong.police", null).status()).isEqualTo(404);
		assertThat(api("POST", "/api/v1/key-persons/" + b + "/reveal", "qinglong.police", "{\"reason\":\"核查身份信息\"}")
			.status()).isEqualTo(404);
		WebSession web = WebSession.signedIn(port, "qinglong.police", PW);
		assertThat(web.get("/key-persons/" + b).status()).isEqualTo(404);
		assertThat(web.get("/").body()).contains("重点人员");
		assertThat(audits("qinglong.police", KeyPersonAudit.REFUSED, null)).isGreaterThanOrEqualTo(refused + 3);
		assertThat(api("GET", "/api/v1/key-persons/" + b, "tianning.police", null).status()).isEqualTo(200);
	}

	private static List<Long> ids(JsonNode paged) {
		List<Long> ids = new java.util.ArrayList<>();
		paged.get("items").forEach(p -> ids.add(p.get("id").asLong()));
		return ids;
	}

	@Test
	void numbersAreEncryptedAtRestMaskedInAnswersAndRevealedOnlyWithAReasonThatIsAudited() throws Exception {
		long station = unitOf("qinglong.police");
		JsonNode school = schoolOf("qinglong.police", s -> true);
		String idNumber = newIdNumber();
		JsonNode created = create("qinglong.police", "加密测试", idNumber, station, school.get("latitude").asDouble(),
				school.get("longitude").asDouble());
		long id = created.get("id").asLong();
		assertThat(created.toString()).doesNotContain(idNumber).doesNotContain("13912345678");
		assertThat(created.get("idNumber").asString())
			.isEqualTo(idNumber.substring(0, 4) + "**********" + idNumber.substring(14));
		assertThat(created.get("phone").asString()).isEqualTo("139****5678");

		String row = jdbc.sql("select row_to_json(p)::text from key_person p where id = ?")
			.param(id)
			.query(String.class)
			.single();
		assertThat(row).doesNotContain(idNumber)
			.doesNotContain(idNumber.substring(6, 14))
			.doesNotContain("13912345678")
			.contains("加密测试");
		String cipher = jdbc.sql("select id_number_cipher from key_person where id = ?")
			.param(id)
			.query(String.class)
			.single();
		assertThat(cipher).matches("[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+");

		// exact search by the keyed hash, the number in the body, not the URL
		JsonNode found = json(api("POST", "/api/v1/key-persons/search", "qinglong.police",
				"{\"idNumber\":\"" + idNumber.toLowerCase() + "\"}"));
		assertThat(ids(found)).containsExactly(id);
		// registering the same number twice is refused
		Page twice = api("POST", "/api/v1/key-persons", "tianning.police",
				body("重复", idNumber, station, 31.8, 119.9, "DRUG_USER", "LOW", null));
		assertThat(twice.status()).isEqualTo(400);
		assertThat(twice.body()).contains("已登记");

		Page noReason = api("POST", "/api/v1/key-persons/" + id + "/reveal", "qinglong.police", "{}");
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.body()).contains("须说明理由").doesNotContain(idNumber);
		Page shortReason = api("POST", "/api/v1/key-persons/" + id + "/reveal", "qinglong.police",
				"{\"reason\":\"看看\"}");
		assertThat(shortReason.status()).isEqualTo(400);
		long revealsBefore = audits("qinglong.police", "KEY_PERSON_REVEAL", id);
		Page revealed = api("POST", "/api/v1/key-persons/" + id + "/reveal", "qinglong.police",
				"{\"reason\":\"上门核查身份，需核对证件\"}");
		assertThat(revealed.status()).isEqualTo(200);
		assertThat(revealed.header("Cache-Control")).contains("no-store");
		assertThat(json(revealed).get("idNumber").asString()).isEqualTo(idNumber);
		assertThat(json(revealed).get("phone").asString()).isEqualTo("13912345678");
		assertThat(audits("qinglong.police", "KEY_PERSON_REVEAL", id)).isEqualTo(revealsBefore + 1);
		String detail = jdbc.sql(
				"select detail from audit_event where action = 'KEY_PERSON_REVEAL' and subject_id = ? order by id desc limit 1")
			.param(Long.toString(id))
			.query(String.class)
			.single();
		assertThat(detail).contains("上门核查身份").contains("派出所民警").doesNotContain(idNumber);

		// on the page: masked, and revealed after a reason
		WebSession web = WebSession.signedIn(port, "qinglong.police", PW);
		Page page = web.get("/key-persons/" + id);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(created.get("idNumber").asString()).doesNotContain(idNumber);
		Page refusedReveal = web.postForm("/key-persons/" + id + "/reveal", Map.of("reason", "看"));
		assertThat(refusedReveal.status()).isEqualTo(400);
		assertThat(refusedReveal.body()).doesNotContain(idNumber).contains("须说明理由");
		Page shown = web.postForm("/key-persons/" + id + "/reveal", Map.of("reason", "走访前核对身份证件"));
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.body()).contains(idNumber);
	}

	@Test
	void everyViewSearchExportAndPrintIsAudited() throws Exception {
		long station = unitOf("qinglong.police");
		JsonNode school = schoolOf("qinglong.police", s -> true);
		String idNumber = newIdNumber();
		long id = create("qinglong.police", "审计测试", idNumber, station, school.get("latitude").asDouble(),
				school.get("longitude").asDouble())
			.get("id")
			.asLong();
		long views = audits("qinglong.police", "KEY_PERSON_VIEW", id);
		long searches = audits("qinglong.police", "KEY_PERSON_SEARCH", null);
		long exports = audits("qinglong.police", "KEY_PERSON_EXPORT", null);
		long prints = audits("qinglong.police", "KEY_PERSON_PRINT", id);

		assertThat(api("GET", "/api/v1/key-persons/" + id, "qinglong.police", null).status()).isEqualTo(200);
		WebSession web = WebSession.signedIn(port, "qinglong.police", PW);
		assertThat(web.get("/key-persons/" + id).status()).isEqualTo(200);
		assertThat(audits("qinglong.police", "KEY_PERSON_VIEW", id)).isEqualTo(views + 2);

		Page list = web.get("/key-persons?risk=HIGH");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("审计测试").doesNotContain(idNumber);
		assertThat(audits("qinglong.police", "KEY_PERSON_SEARCH", null)).isEqualTo(searches + 1);

		Page print = web.get("/key-persons/" + id + "/print");
		assertThat(print.status()).isEqualTo(200);
		assertThat(print.body()).contains("审计测试").doesNotContain(idNumber);
		assertThat(audits("qinglong.police", "KEY_PERSON_PRINT", id)).isEqualTo(prints + 1);

		Page xlsx = web.get("/key-persons/export.xlsx?risk=HIGH");
		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(audits("qinglong.police", "KEY_PERSON_EXPORT", null)).isEqualTo(exports + 1);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
			Sheet sheet = book.getSheet(KeyPersonWorkbook.SHEET);
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("身份证号（脱敏）");
			boolean found = false;
			for (int r = 2; r <= sheet.getLastRowNum(); r++) {
				String name = sheet.getRow(r).getCell(1).getStringCellValue();
				String number = sheet.getRow(r).getCell(2).getStringCellValue();
				assertThat(number).contains("**********");
				assertThat(sheet.getRow(r).getCell(5).getStringCellValue()).isEqualTo("高");
				found |= name.equals("审计测试");
			}
			assertThat(found).isTrue();
		}
	}

	@Test
	void aVisitFallsOverdueByThePlatformClockAndAVisitMovesTheDueDate() {
		long station = unitOf("qinglong.police");
		JsonNode school = schoolOf("qinglong.police", s -> true);
		LocalDate today = PlatformTime.today(clock);
		// 易肇事肇祸精神障碍患者, high risk: every 7 days; under control since 5 days ago
		Page posted = api("POST", "/api/v1/key-persons", "qinglong.police",
				body("逾期测试", newIdNumber(), station, school.get("latitude").asDouble(),
						school.get("longitude").asDouble(), "MENTAL_DISORDER", "HIGH", today.minusDays(5).toString()));
		assertThat(posted.status()).as(posted.body()).isEqualTo(201);
		JsonNode created = json(posted);
		long id = created.get("id").asLong();
		assertThat(created.get("nextVisitDue").asString()).isEqualTo(today.plusDays(2).toString());
		assertThat(created.get("visitOverdue").asBoolean()).isFalse();

		CurrentUser officer = new CurrentUser(0, "qinglong.police", "青龙派出所社区民警", station, Set.of(Role.STATION_OFFICER));
		DataScope scope = DataScope.of(List.of(station), true);
		KeyPersonFilter overdue = new KeyPersonFilter(null, null, null, true, "逾期测试", null);
		assertThat(overdueIds(officer, scope, overdue, 2)).doesNotContain(id);
		assertThat(overdueIds(officer, scope, overdue, 3)).contains(id);

		// a visit today moves the next one a week on
		Page visit = api("POST", "/api/v1/key-persons/" + id + "/visits", "qinglong.police",
				"{\"visitedOn\":\"" + today + "\",\"officer\":\"测试民警\",\"findings\":\"在家，情绪稳定\"}");
		assertThat(visit.status()).as(visit.body()).isEqualTo(201);
		assertThat(json(visit).get("lastVisitDate").asString()).isEqualTo(today.toString());
		assertThat(json(visit).get("nextVisitDue").asString()).isEqualTo(today.plusDays(7).toString());
		assertThat(overdueIds(officer, scope, overdue, 3)).doesNotContain(id);
		assertThat(overdueIds(officer, scope, overdue, 7)).doesNotContain(id);
		assertThat(overdueIds(officer, scope, overdue, 8)).contains(id);
		// a visit in the future is refused, nothing written
		Page future = api("POST", "/api/v1/key-persons/" + id + "/visits", "qinglong.police",
				"{\"visitedOn\":\"" + today.plusDays(1) + "\",\"officer\":\"测试民警\",\"findings\":\"未来\"}");
		assertThat(future.status()).isEqualTo(400);
		assertThat(future.body()).contains("不能晚于今天");
		assertThat(jdbc.sql("select count(*) from key_person_visit where key_person_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);

		// a record kept on paper since 30 days ago is overdue today, in the list page's
		// filter too
		JsonNode old = json(api("POST", "/api/v1/key-persons", "qinglong.police",
				body("纸档逾期", newIdNumber(), station, school.get("latitude").asDouble(),
						school.get("longitude").asDouble(), "MENTAL_DISORDER", "HIGH",
						today.minusDays(30).toString())));
		assertThat(old.get("visitOverdue").asBoolean()).isTrue();
		WebSession web = WebSession.signedIn(port, "qinglong.police", PW);
		Page overdueList = web.get("/key-persons?overdue=true");
		assertThat(overdueList.body()).contains("纸档逾期").doesNotContain("逾期测试");

		// the visit form works on the page, and a refused one keeps what was typed
		assertThat(web.get("/key-persons/" + old.get("id").asLong() + "/visits/new").body()).contains("登记走访");
		Page bad = web.postForm("/key-persons/" + old.get("id").asLong() + "/visits",
				Map.of("visitedOn", today.plusDays(3).toString(), "officer", "测试民警", "findings", "本人在家，门口交谈十分钟"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("本人在家，门口交谈十分钟").contains("不能晚于今天");
		Page good = web.postForm("/key-persons/" + old.get("id").asLong() + "/visits",
				Map.of("visitedOn", today.toString(), "officer", "测试民警", "findings", "本人在家，门口交谈十分钟"));
		assertThat(good.status()).isEqualTo(302);
	}

	private List<Long> overdueIds(CurrentUser officer, DataScope scope, KeyPersonFilter filter, int daysLater) {
		return keyPersons
			.search(officer, scope, filter, PageRequest.of(0, 50), Clock.offset(clock, Duration.ofDays(daysLater)))
			.items()
			.stream()
			.map(KeyPerson::id)
			.toList();
	}

	@Test
	void aTransferToAnotherStationTakesAccessAwayFromTheOldOne() {
		long qinglong = unitOf("qinglong.police");
		JsonNode mine = schoolOf("qinglong.police", s -> true);
		JsonNode other = schoolOf("tianning.police", s -> s.get("policeStationId").asLong() != qinglong);
		JsonNode created = create("qinglong.police", "迁居测试", newIdNumber(), qinglong, mine.get("latitude").asDouble(),
				mine.get("longitude").asDouble());
		long id = created.get("id").asLong();
		String transfer = """
				{"stationId":%d,"address":"新家 8 号","longitude":%s,"latitude":%s,"officer":"接收民警",
				 "reason":"本人搬家到新辖区居住"}""".formatted(other.get("policeStationId").asLong(),
				other.get("longitude").asString(), other.get("latitude").asString());
		Page withoutVersion = api("POST", "/api/v1/key-persons/" + id + "/transfer", "qinglong.police", transfer);
		assertThat(withoutVersion.status()).isEqualTo(400);
		Page moved = api("POST", "/api/v1/key-persons/" + id + "/transfer", "qinglong.police", transfer,
				Map.of("If-Match", "\"0\""));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(json(moved).get("stillVisible").asBoolean()).isFalse();

		assertThat(api("GET", "/api/v1/key-persons/" + id, "qinglong.police", null).status()).isEqualTo(404);
		assertThat(ids(json(api("GET", "/api/v1/key-persons?size=200", "qinglong.police", null)))).doesNotContain(id);
		JsonNode now = json(api("GET", "/api/v1/key-persons/" + id, "tianning.police", null));
		assertThat(now.get("stationId").asLong()).isEqualTo(other.get("policeStationId").asLong());
		assertThat(now.get("address").asString()).isEqualTo("新家 8 号");
		assertThat(now.get("history").toString()).contains("移交").contains("本人搬家到新辖区居住");
		// the nearby schools follow the new address
		assertThat(now.get("nearbySchools").toString()).contains("\"schoolId\":" + other.get("id").asLong());
	}

	@Test
	void schoolsAt499And500MetresAreNearbyAndAt501AreNot() {
		long station = unitOf("qinglong.police");
		JsonNode school = schoolOf("qinglong.police", s -> true);
		long schoolId = school.get("id").asLong();
		double lat = school.get("latitude").asDouble();
		double lon = school.get("longitude").asDouble();
		assertThat(keyPersons.nearbyRadiusMetres()).isEqualTo(500);
		for (int d : new int[] { 499, 500, 501 }) {
			double north = lat + Math.toDegrees(d / Distance.EARTH_RADIUS_METRES);
			JsonNode p = create("qinglong.police", "距离" + d, newIdNumber(), station, north, lon);
			JsonNode near = null;
			for (JsonNode s : p.get("nearbySchools")) {
				if (s.get("schoolId").asLong() == schoolId) {
					near = s;
				}
			}
			if (d <= 500) {
				assertThat(near).as(d + " m").isNotNull();
				assertThat(near.get("distanceMetres").asInt()).isEqualTo(d);
			}
			else {
				assertThat(near).as(d + " m").isNull();
			}
		}
	}

	@Test
	void whenASchoolMovesTheNearbySchoolsOfKeyPersonsFollow() throws Exception {
		long station = unitOf("qinglong.police");
		JsonNode items = json(api("GET", "/api/v1/schools?size=200", "qinglong.police", null)).get("items");
		JsonNode school = items.get(items.size() - 1);
		long schoolId = school.get("id").asLong();
		double lat = school.get("latitude").asDouble();
		double lon = school.get("longitude").asDouble();
		long person = create("qinglong.police", "学校搬迁测试", newIdNumber(), station,
				lat + Math.toDegrees(300 / Distance.EARTH_RADIUS_METRES), lon)
			.get("id")
			.asLong();
		assertThat(nearbyIds(person)).contains(schoolId);

		moveSchool(schoolId, lat + 0.02);
		awaitNearby(person, schoolId, false);
		moveSchool(schoolId, lat);
		awaitNearby(person, schoolId, true);
	}

	private List<Long> nearbyIds(long person) {
		List<Long> ids = new java.util.ArrayList<>();
		json(api("GET", "/api/v1/key-persons/" + person, "qinglong.police", null)).get("nearbySchools")
			.forEach(s -> ids.add(s.get("schoolId").asLong()));
		return ids;
	}

	private void moveSchool(long schoolId, double latitude) {
		Page read = api("GET", "/api/v1/schools/" + schoolId, "tianning.edu", null);
		assertThat(read.status()).isEqualTo(200);
		tools.jackson.databind.node.ObjectNode details = (tools.jackson.databind.node.ObjectNode) json(read);
		details.put("latitude", new java.math.BigDecimal(String.format("%.6f", latitude)));
		Page changed = api("PUT", "/api/v1/schools/" + schoolId, "tianning.edu", details.toString(),
				Map.of("If-Match", read.header("ETag")));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
	}

	private void awaitNearby(long person, long schoolId, boolean expected) throws InterruptedException {
		for (int i = 0; i < 100 && nearbyIds(person).contains(schoolId) != expected; i++) {
			Thread.sleep(200);
		}
		assertThat(nearbyIds(person).contains(schoolId)).isEqualTo(expected);
	}

	@Test
	void afterANewKeyIsPutInFrontEveryNumberIsReEncryptedAndStillFound() throws Exception {
		long station = unitOf("qinglong.police");
		JsonNode school = schoolOf("qinglong.police", s -> true);
		String idNumber = newIdNumber();
		long id = create("qinglong.police", "轮换测试", idNumber, station, school.get("latitude").asDouble(),
				school.get("longitude").asDouble())
			.get("id")
			.asLong();
		// the ring after rotation: a new current key in front of the key file's key
		KeyRing rotated = keyRing.withCurrentKey(KeyRing.generate("k2"));
		KeyPersonStore store = new KeyPersonStore(jdbc, rotated);
		KeyPersons afterRotation = new KeyPersons(store, rotated, nearbySchools, organisations, audit, events, clock,
				validator);
		CurrentUser officer = new CurrentUser(0, "qinglong.police", "青龙派出所社区民警", station, Set.of(Role.STATION_OFFICER));
		// inside a transaction that is rolled back: the rest of the suite keeps the key
		// file's ring
		transactions.executeWithoutResult(tx -> {
			assertThat(afterRotation.reencryptAll()).isGreaterThanOrEqualTo(1);
			assertThat(jdbc.sql("select count(*) from key_person where id_number_cipher not like 'k2:%'")
				.query(Long.class)
				.single()).isZero();
			assertThat(afterRotation.reencryptAll()).isZero();
			Revealed revealed = afterRotation.reveal(officer, DataScope.of(List.of(station), true), id, "核对轮换后的号码");
			assertThat(revealed.idNumber()).isEqualTo(idNumber);
			assertThat(afterRotation
				.search(officer, DataScope.of(List.of(station), true),
						new KeyPersonFilter(null, null, null, null, null, idNumber), PageRequest.of(0, 5))
				.items()).extracting(KeyPerson::id).containsExactly(id);
			tx.setRollbackOnly();
		});
		assertThat(api("GET", "/api/v1/key-persons/" + id, "qinglong.police", null).body()).contains("**********");
	}

	@Test
	void theDemoCityHasKeyPersonsForQinglongSomeOverdue() {
		JsonNode all = json(api("GET", "/api/v1/key-persons?size=1", "city.police", null));
		assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(30);
		JsonNode qinglong = json(api("GET", "/api/v1/key-persons?size=200&name=", "qinglong.police", null));
		assertThat(qinglong.get("total").asLong()).isGreaterThanOrEqualTo(12);
		JsonNode overdue = json(api("GET", "/api/v1/key-persons?overdue=true&size=200", "qinglong.police", null));
		assertThat(overdue.get("total").asLong()).isPositive();
		JsonNode released = json(api("GET", "/api/v1/key-persons?status=RELEASED&size=200", "city.police", null));
		assertThat(released.get("total").asLong()).isPositive();
	}

	@Test
	void theSecondOfTwoEditorsGetsAConflictAndNothingIsOverwritten() {
		long station = unitOf("qinglong.police");
		JsonNode school = schoolOf("qinglong.police", s -> true);
		JsonNode created = create("qinglong.police", "并发测试", newIdNumber(), station, school.get("latitude").asDouble(),
				school.get("longitude").asDouble());
		long id = created.get("id").asLong();
		Page read = api("GET", "/api/v1/key-persons/" + id, "qinglong.police", null);
		assertThat(read.header("ETag")).isEqualTo("\"0\"");
		String change = """
				{"name":"并发测试","idNumber":"%s","phone":"%s","address":"%s","longitude":%s,"latitude":%s,
				 "officer":"%s","category":"MENTAL_DISORDER","measures":"%s","visitIntervalDays":5}""";
		Page first = api("PUT", "/api/v1/key-persons/" + id, "qinglong.police",
				change.formatted(created.get("idNumber").asString(), created.get("phone").asString(), "原址",
						created.get("longitude").asString(), created.get("latitude").asString(), "甲民警", "第一人的措施"),
				Map.of("If-Match", "\"0\""));
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.header("ETag")).isEqualTo("\"1\"");
		assertThat(json(first).get("visitIntervalDays").asInt()).isEqualTo(5);
		Page second = api("PUT", "/api/v1/key-persons/" + id, "tianning.police",
				change.formatted(created.get("idNumber").asString(), created.get("phone").asString(), "原址",
						created.get("longitude").asString(), created.get("latitude").asString(), "乙民警", "第二人的措施"),
				Map.of("If-Match", "\"0\""));
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.body()).contains("已被他人修改");
		JsonNode now = json(api("GET", "/api/v1/key-persons/" + id, "qinglong.police", null));
		assertThat(now.get("officer").asString()).isEqualTo("甲民警");
		assertThat(now.get("plan").get("measures").asString()).isEqualTo("第一人的措施");
		// the masked numbers sent back left the stored ones alone
		Page revealed = api("POST", "/api/v1/key-persons/" + id + "/reveal", "qinglong.police",
				"{\"reason\":\"核对修改后的号码\"}");
		assertThat(json(revealed).get("phone").asString()).isEqualTo("13912345678");

		// a status move with a stale version is a conflict too
		Page stale = api("POST", "/api/v1/key-persons/" + id + "/status", "qinglong.police",
				"{\"move\":\"DOWNGRADE\",\"reason\":\"情绪稳定按时服药\",\"reviewDate\":\""
						+ PlatformTime.today(clock).plusDays(30) + "\"}",
				Map.of("If-Match", "\"0\""));
		assertThat(stale.status()).isEqualTo(409);
		Page downgraded = api("POST", "/api/v1/key-persons/" + id + "/status", "qinglong.police",
				"{\"move\":\"DOWNGRADE\",\"reason\":\"情绪稳定按时服药\",\"reviewDate\":\""
						+ PlatformTime.today(clock).plusDays(30) + "\"}",
				Map.of("If-Match", "\"1\""));
		assertThat(downgraded.status()).as(downgraded.body()).isEqualTo(200);
		assertThat(json(downgraded).get("riskLabel").asString()).isEqualTo("中");
		assertThat(json(downgraded).get("history").toString()).contains("降级").contains("情绪稳定按时服药");
	}

	@Test
	void badInputIsRefusedWithChineseMessagesByFieldAndNothingIsWritten() {
		long station = unitOf("qinglong.police");
		long before = jdbc.sql("select count(*) from key_person").query(Long.class).single();
		Page bad = api("POST", "/api/v1/key-persons", "qinglong.police", """
				{"name":"","idNumber":"320402198001011235","phone":"123","address":"某路 1 号","longitude":200,
				 "latitude":31.8,"stationId":%d,"officer":"民警","risk":"HIGH","category":"NO_SUCH"}"""
			.formatted(station));
		assertThat(bad.status()).isEqualTo(400);
		JsonNode problem = json(bad);
		String violations = problem.get("violations").toString();
		assertThat(violations).contains("\"field\":\"name\"")
			.contains("请填写姓名")
			.contains("\"field\":\"idNumber\"")
			.contains("校验位")
			.contains("\"field\":\"phone\"")
			.contains("\"field\":\"longitude\"")
			.contains("经度")
			.contains("\"field\":\"category\"");
		assertThat(jdbc.sql("select count(*) from key_person").query(Long.class).single()).isEqualTo(before);

		WebSession web = WebSession.signedIn(port, "qinglong.police", PW);
		assertThat(web.get("/key-persons/new").status()).isEqualTo(200);
		Page form = web.postForm("/key-persons", Map.ofEntries(Map.entry("name", "表单测试<b>"),
				Map.entry("idNumber", "320402198001011235"), Map.entry("phone", "13912345678"),
				Map.entry("address", "红梅路 9 号"), Map.entry("longitude", "一百一十九"), Map.entry("latitude", "31.8"),
				Map.entry("stationId", Long.toString(station)), Map.entry("officer", "民警"), Map.entry("risk", "HIGH"),
				Map.entry("category", "DRUG_USER"), Map.entry("measures", "每周走访一次"), Map.entry("guardians", ""),
				Map.entry("communityContacts", ""), Map.entry("visitIntervalDays", ""), Map.entry("version", ""),
				Map.entry("controlledSince", "")));
		assertThat(form.status()).isEqualTo(400);
		assertThat(form.body()).contains("经度应为数字")
			.contains("一百一十九")
			.contains("表单测试&lt;b&gt;")
			.contains("红梅路 9 号")
			.contains("每周走访一次");
		Page checksum = web.postForm("/key-persons",
				Map.ofEntries(Map.entry("name", "表单测试"), Map.entry("idNumber", "320402198001011235"),
						Map.entry("phone", "13912345678"), Map.entry("address", "红梅路 9 号"),
						Map.entry("longitude", "119.95"), Map.entry("latitude", "31.8"),
						Map.entry("stationId", Long.toString(station)), Map.entry("officer", "民警"),
						Map.entry("risk", "HIGH"), Map.entry("category", "DRUG_USER"), Map.entry("measures", "")));
		assertThat(checksum.status()).isEqualTo(400);
		assertThat(checksum.body()).contains("校验位").contains("320402198001011235");
		assertThat(jdbc.sql("select count(*) from key_person").query(Long.class).single()).isEqualTo(before);

		String good = newIdNumber();
		Page created = web.postForm("/key-persons",
				Map.ofEntries(Map.entry("name", "表单登记"), Map.entry("idNumber", good), Map.entry("phone", "13912345678"),
						Map.entry("address", "红梅路 9 号"), Map.entry("longitude", "119.95"),
						Map.entry("latitude", "31.8"), Map.entry("stationId", Long.toString(station)),
						Map.entry("officer", "民警"), Map.entry("risk", "HIGH"), Map.entry("category", "DRUG_USER"),
						Map.entry("measures", "")));
		assertThat(created.status()).isEqualTo(302);
		Page shown = web.follow(created);
		assertThat(shown.body()).contains("表单登记").doesNotContain(good);
	}

}
