package cn.hxay.drill;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import cn.hxay.demo.DemoUsers;
import cn.hxay.identity.NewUserAccount;
import cn.hxay.identity.Role;
import cn.hxay.identity.UserAccounts;
import cn.hxay.shared.PlatformTime;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.support.Texts.find;
import static cn.hxay.support.Texts.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 应急演练 through HTTP and PostgreSQL, on a 天宁区 school of its own (not the demo lead's): a
 * drill held today is done, due within the window, scheduled once planned, and overdue
 * with the clock moved past its interval; bad input writes nothing and pages keep what
 * was typed; photos are checked like hazard photos; lessons become a hazard once; another
 * county, the police and the 督导员 are refused; the board's figures equal the lists they
 * open; Annex 1's rows are counted from sessions and activities.
 */
@PlatformTest
class DrillFlowTests {

	static final String PW = DemoUsers.PASSWORD;

	/** A 1×1 PNG. */
	static final byte[] PNG = java.util.Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAccounts accounts;

	long school;

	String lead;

	@BeforeEach
	void aSchoolOfItsOwn() {
		school = jdbc.sql("""
				select s.id from school s where s.region_code = '320402' and s.kind <> 'KINDERGARTEN'
				  and s.organisation_id not in (select organisation_id from user_account where username = 'school.lead')
				order by s.id desc limit 1""").query(Long.class).single();
		lead = "drill.lead." + school;
		if (jdbc.sql("select count(*) from user_account where username = ?")
			.param(lead)
			.query(Long.class)
			.single() == 0) {
			long unit = jdbc.sql("select organisation_id from school where id = ?")
				.param(school)
				.query(Long.class)
				.single();
			accounts.open(new NewUserAccount(lead, "演练测试学校安全负责人", PW, unit, Set.of(Role.SCHOOL_SAFETY_LEAD), null));
		}
	}

	Page api(String method, String path, String user, String body) {
		return new WebSession(port).api(method, path, user, PW, body, Map.of());
	}

	LocalDate today() {
		return PlatformTime.today(clock);
	}

	long drills() {
		return jdbc.sql("select count(*) from drill").query(Long.class).single();
	}

	JsonNode typeStatus(String user, LocalDate on, String type) {
		JsonNode status = json(api("GET", "/api/v1/drills/status?region=320402&on=" + on, user, null).body());
		for (JsonNode s : status.get("items")) {
			if (s.get("schoolId").asLong() == school) {
				for (JsonNode t : s.get("types")) {
					if (t.get("type").asString().equals(type)) {
						return t;
					}
				}
			}
		}
		throw new AssertionError("school " + school + " not on the board");
	}

	@Test
	void aDrillHeldTodayIsDoneThenDueThenScheduledAndOverdueWithAShiftedClock() {
		long before = drills();
		// bad input: 400 by field, nothing written
		Page bad = api("POST", "/api/v1/drills", lead, """
				{"schoolId":%d,"type":"EARTHQUAKE","day":"%s"}""".formatted(school, today()));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("参演人数").contains("用时");
		assertThat(api("POST", "/api/v1/drills", lead, """
				{"schoolId":%d,"type":"TSUNAMI","day":"%s","participants":1,"durationMinutes":1}""".formatted(school,
				today()))
			.status()).isEqualTo(400);
		assertThat(api("POST", "/api/v1/drills", lead, """
				{"schoolId":%d,"type":"FIRE","day":"%s","participants":1,"durationMinutes":1}""".formatted(school,
				today().minusYears(3)))
			.status()).isEqualTo(400);
		WebSession page = WebSession.signedIn(port, lead, PW);
		page.get("/drills/new?schoolId=" + school);
		Page badForm = page.postForm("/drills", Map.of("schoolId", school, "type", "EARTHQUAKE", "day", "明天",
				"participants", "三百", "durationMinutes", "8", "lessons", "我写下的问题"));
		assertThat(badForm.status()).isEqualTo(400);
		assertThat(badForm.body()).contains("value=\"明天\"")
			.contains("value=\"三百\"")
			.contains("我写下的问题")
			.contains("id=\"form-errors\"");
		assertThat(drills()).isEqualTo(before);

		// held today: done
		Page held = api("POST", "/api/v1/drills", lead, """
				{"schoolId":%d,"type":"EARTHQUAKE","day":"%s","participants":640,"durationMinutes":7,
				 "scenario":"课堂上发生地震，就地避险后疏散至操场","lessons":"北楼二层楼梯口堆放体育器材，疏散时拥堵"}""".formatted(school, today()));
		assertThat(held.status()).as(held.body()).isEqualTo(201);
		assertThat(json(held.body()).get("held").asBoolean()).isTrue();
		int interval = typeStatus(lead, today(), "EARTHQUAKE").get("intervalDays").asInt();
		assertThat(interval).isEqualTo(DrillRules.TERM_DAYS);
		assertThat(typeStatus(lead, today(), "EARTHQUAKE").get("status").asString()).isEqualTo("DONE");
		assertThat(typeStatus(lead, today(), "EARTHQUAKE").get("dueOn").asString())
			.isEqualTo(today().plusDays(interval).toString());

		// with the clock moved: due within the window, scheduled once planned, overdue
		// after
		LocalDate dueSoon = PlatformTime.today(Clock.offset(clock, Duration.ofDays(interval - 5)));
		assertThat(typeStatus(lead, dueSoon, "EARTHQUAKE").get("status").asString()).isEqualTo("DUE");
		Page planned = api("POST", "/api/v1/drills", lead, """
				{"schoolId":%d,"type":"EARTHQUAKE","day":"%s","scenario":"防震疏散演练"}""".formatted(school,
				today().plusDays(interval - 2)));
		assertThat(planned.status()).as(planned.body()).isEqualTo(201);
		assertThat(json(planned.body()).get("held").asBoolean()).isFalse();
		assertThat(typeStatus(lead, dueSoon, "EARTHQUAKE").get("status").asString()).isEqualTo("SCHEDULED");
		LocalDate later = PlatformTime.today(Clock.offset(clock, Duration.ofDays(interval + 1)));
		JsonNode overdue = typeStatus(DemoUsers.COUNTY_EDUCATION, later, "EARTHQUAKE");
		assertThat(overdue.get("status").asString()).as("a plan never cures an overdue drill").isEqualTo("OVERDUE");
		JsonNode board = json(api("GET", "/api/v1/drills/status?status=OVERDUE&region=320402&on=" + later,
				DemoUsers.COUNTY_EDUCATION, null)
			.body());
		assertThat(board.get("items").toString()).contains("\"schoolId\":" + school + ",");
		assertThat(board.get("items").size()).isEqualTo(board.get("overdue").asInt());

		// the planned drill is recorded as held: the plan is no longer pending
		long plannedId = json(planned.body()).get("id").asLong();
		assertThat(api("POST", "/api/v1/drills/" + plannedId + "/hold", lead, """
				{"day":"%s","participants":600,"durationMinutes":6}""".formatted(today().plusDays(1))).status())
			.as("not in the future")
			.isEqualTo(400);
		Page done = api("POST", "/api/v1/drills/" + plannedId + "/hold", lead, """
				{"day":"%s","participants":600,"durationMinutes":6}""".formatted(today()));
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(json(done.body()).get("heldOn").asString()).isEqualTo(today().toString());
		assertThat(api("POST", "/api/v1/drills/" + plannedId + "/hold", lead, """
				{"day":"%s","participants":600,"durationMinutes":6}""".formatted(today())).status()).isEqualTo(400);
	}

	@Test
	void photosAreCheckedAndLessonsBecomeOneHazard() {
		Page held = api("POST", "/api/v1/drills", lead, """
				{"schoolId":%d,"type":"FIRE","day":"%s","participants":500,"durationMinutes":9,
				 "lessons":"实验楼东侧楼梯疏散指示灯不亮"}""".formatted(school, today()));
		assertThat(held.status()).as(held.body()).isEqualTo(201);
		long id = json(held.body()).get("id").asLong();
		WebSession page = WebSession.signedIn(port, lead, PW);
		assertThat(page.get("/drills/" + id).body()).contains("实验楼东侧楼梯疏散指示灯不亮").contains("id=\"photo-form\"");
		Page text = page.upload("/drills/" + id + "/photos", "photo", "x.jpg", "不是图片".getBytes());
		assertThat(text.status()).isEqualTo(400);
		assertThat(text.body()).contains("只接受 JPEG、PNG 或 WebP");
		page.get("/drills/" + id);
		Page photo = page.upload("/drills/" + id + "/photos", "photo", "scene.png", PNG);
		assertThat(photo.status()).as(photo.body()).isEqualTo(302);
		String src = find(page.get("/drills/" + id).body(), "src=\"(/drills/" + id + "/photos/\\d+)\"");
		Page image = page.get(src);
		assertThat(image.status()).isEqualTo(200);
		assertThat(image.header("Content-Type")).isEqualTo("image/png");
		assertThat(WebSession.signedIn(port, DemoUsers.OTHER_COUNTY_EDUCATION, PW).get(src).status()).isEqualTo(404);

		// the lessons go on the hazard ledger through the page form, once
		page.get("/drills/" + id);
		Page refused = page.postForm("/drills/" + id + "/hazard",
				Map.of("schoolId", school, "place", "实验楼东侧楼梯", "category", "FIRE", "grade", "GENERAL", "description",
						"实验楼东侧楼梯疏散指示灯不亮", "requirements", "", "responsibleUnit", "总务处", "responsiblePerson", "王主任",
						"deadline", ""));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("请填写整改要求").contains("value=\"王主任\"");
		assertThat(jdbc.sql("select hazard_id from drill where id = ?").param(id).query(Long.class).optional())
			.isEmpty();
		Page raised = page.postForm("/drills/" + id + "/hazard",
				Map.of("schoolId", school, "place", "实验楼东侧楼梯", "category", "FIRE", "grade", "GENERAL", "description",
						"实验楼东侧楼梯疏散指示灯不亮", "requirements", "更换疏散指示灯并每月检查", "responsibleUnit", "总务处", "responsiblePerson",
						"王主任", "deadline", ""));
		assertThat(raised.status()).as(raised.body()).isEqualTo(302);
		JsonNode drill = json(api("GET", "/api/v1/drills/" + id, lead, null).body());
		long hazard = drill.get("hazardId").asLong();
		JsonNode onLedger = json(api("GET", "/api/v1/hazards/" + hazard, DemoUsers.COUNTY_EDUCATION, null).body());
		assertThat(onLedger.toString()).contains("实验楼东侧楼梯疏散指示灯不亮").contains("\"schoolId\":" + school);
		assertThat(api("POST", "/api/v1/drills/" + id + "/hazard", lead, """
				{"schoolId":%d,"place":"x","category":"FIRE","grade":"GENERAL","description":"x","requirements":"x",
				 "responsibleUnit":"x","responsiblePerson":"x"}""".formatted(school)).status()).as("once per drill")
			.isEqualTo(400);
	}

	@Test
	void anotherCountyThePoliceAndTheInspectorAreRefused() {
		Page held = api("POST", "/api/v1/drills", lead, """
				{"schoolId":%d,"type":"ANTI_INTRUSION","day":"%s","participants":80,"durationMinutes":12}"""
			.formatted(school, today()));
		long id = json(held.body()).get("id").asLong();
		long before = drills();
		String body = """
				{"schoolId":%d,"type":"FIRE","day":"%s","participants":10,"durationMinutes":5}""".formatted(school,
				today());
		assertThat(api("GET", "/api/v1/drills/" + id, DemoUsers.OTHER_COUNTY_EDUCATION, null).status()).isEqualTo(404);
		assertThat(api("POST", "/api/v1/drills", DemoUsers.OTHER_COUNTY_EDUCATION, body).status()).isEqualTo(404);
		assertThat(api("POST", "/api/v1/drills", DemoUsers.SCHOOL_LEAD, body).status()).as("another school")
			.isEqualTo(404);
		assertThat(api("POST", "/api/v1/drills", DemoUsers.STATION_OFFICER, body).status()).isEqualTo(403);
		assertThat(api("POST", "/api/v1/drills", DemoUsers.INSPECTOR, body).status()).isEqualTo(403);
		assertThat(drills()).isEqualTo(before);
		assertThat(api("GET", "/api/v1/drills?schoolId=" + school, DemoUsers.OTHER_COUNTY_EDUCATION, null).body())
			.isEqualTo("[]");
		assertThat(api("GET", "/api/v1/drills/" + id, DemoUsers.COUNTY_POLICE, null).status())
			.as("the county police read their schools")
			.isEqualTo(200);
		WebSession otherSchool = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, PW);
		assertThat(otherSchool.get("/drills/schools/" + school).status()).isEqualTo(404);
		assertThat(otherSchool.get("/drills/" + id).status()).isEqualTo(404);
		String inspector = WebSession.signedIn(port, DemoUsers.INSPECTOR, PW).get("/drills/schools/" + school).body();
		assertThat(inspector).contains("type-status").doesNotContain("id=\"record-drill\"");
	}

	@Test
	void theBoardsFiguresEqualTheListsTheyOpenAndExport() throws Exception {
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		Page all = county.get("/drills");
		long total = Long.parseLong(find(all.body(), "id=\"n-total\">(\\d+)<"));
		long sum = 0;
		for (DrillStatus status : DrillStatus.values()) {
			long figure = Long.parseLong(find(all.body(), "id=\"n-" + status.name() + "\">(\\d+)<"));
			Page list = county.get("/drills?status=" + status.name());
			assertThat(Long.parseLong(find(list.body(), "共 (\\d+) 条"))).as(status.name()).isEqualTo(figure);
			JsonNode api = json(
					api("GET", "/api/v1/drills/status?status=" + status.name(), DemoUsers.COUNTY_EDUCATION, null)
						.body());
			assertThat(api.get("items").size()).isEqualTo(figure);
			sum += figure;
		}
		// every school of 天宁区 (other tests may have registered more than the demo's 70)
		long schools = jdbc.sql("select count(*) from school where region_code = '320402'").query(Long.class).single();
		assertThat(sum).isEqualTo(total).isEqualTo(schools);
		assertThat(Long.parseLong(find(all.body(), "id=\"n-OVERDUE\">(\\d+)<"))).as("demo data has overdue schools")
			.isPositive();

		Page excel = county.get("/drills/export.xlsx?status=OVERDUE");
		assertThat(excel.status()).isEqualTo(200);
		assertThat(excel.header("Content-Disposition")).contains("filename*=UTF-8''");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(excel.bytes()))) {
			long overdue = Long.parseLong(find(all.body(), "id=\"n-OVERDUE\">(\\d+)<"));
			assertThat(book.getSheetAt(0).getLastRowNum() - 1).isEqualTo(overdue * DrillType.values().length);
		}

		// the demo lead's school: its evacuation drill was never held
		WebSession school = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, PW);
		Page own = school.follow(school.get("/drills?status=OVERDUE"));
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.body()).contains("data-type=\"EVACUATION\" data-status=\"OVERDUE\"")
			.doesNotContain("data-status=\"DONE\"");
	}

	@Test
	void annexRowsAreCountedFromSessionsAndActivities() {
		WebSession page = WebSession.signedIn(port, lead, PW);
		page.get("/drills/activities/new?schoolId=" + school);
		Page missingLeader = page.postForm("/drills/activities", Map.of("schoolId", school, "heldOn",
				today().toString(), "title", "寒假研学（南京博物院）", "people", "45", "leaderResponsible", "true"));
		assertThat(missingLeader.status()).isEqualTo(400);
		assertThat(missingLeader.body()).contains("请填写负责校领导姓名").contains("value=\"寒假研学（南京博物院）\"");
		Page badPeople = page.postForm("/drills/activities",
				Map.of("schoolId", school, "heldOn", "昨天", "title", "研学", "people", "很多"));
		assertThat(badPeople.status()).isEqualTo(400);
		assertThat(badPeople.body()).contains("value=\"很多\"").contains("value=\"昨天\"");
		JsonNode before = annexOf(json(
				api("GET", "/api/v1/drills/annex?from=" + today() + "&to=" + today(), DemoUsers.COUNTY_EDUCATION, null)
					.body()));
		int activities = before == null ? 0 : before.get("activities").asInt();
		int people = before == null ? 0 : before.get("people").asInt();
		assertThat(page
			.postForm("/drills/activities", Map.of("schoolId", school, "heldOn", today().toString(), "title",
					"寒假研学（南京博物院）", "people", "45", "leaderResponsible", "true", "leaderName", "李副校长"))
			.status()).isEqualTo(302);
		page.get("/drills/sessions/new?schoolId=" + school);
		assertThat(page
			.postForm("/drills/sessions", Map.of("schoolId", school, "kind", "LEGAL_LECTURE", "heldOn",
					today().toString(), "topic", "预防校园欺凌", "speaker", "青龙派出所法治副校长", "audience", "320"))
			.status()).isEqualTo(302);
		assertThat(page
			.postForm("/drills/activities",
					Map.of("schoolId", school, "heldOn", today().toString(), "title", "合唱比赛", "people", "30",
							"leaderName", ""))
			.status()).isEqualTo(302);
		JsonNode annex = json(
				api("GET", "/api/v1/drills/annex?from=" + today() + "&to=" + today(), DemoUsers.COUNTY_EDUCATION, null)
					.body());
		JsonNode row = annexOf(annex);
		assertThat(row.get("activities").asInt()).isEqualTo(activities + 2);
		assertThat(row.get("people").asInt()).isEqualTo(people + 75);
		assertThat(row.get("ledBySchoolLeader").asBoolean()).as("one activity had no school leader").isFalse();
		assertThat(row.get("legalLectures").asInt()).isPositive();
		long countyActivities = 0;
		for (JsonNode s : annex.get("schools")) {
			countyActivities += s.get("activities").asLong();
		}
		assertThat(annex.get("counties").get(0).get("regionCode").asString()).isEqualTo("320402");
		assertThat(annex.get("counties").get(0).get("activities").asLong()).isEqualTo(countyActivities);
		assertThat(api("GET", "/api/v1/drills/annex?from=" + today() + "&to=" + today(),
				DemoUsers.OTHER_COUNTY_EDUCATION, null)
			.body()).doesNotContain("\"schoolId\":" + school + ",");
		assertThat(page.get("/drills/schools/" + school).body()).contains("预防校园欺凌").contains("李副校长");
		assertThat(WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW)
			.get("/drills/annex?from=" + today() + "&to=" + today())
			.body()).contains("id=\"annex-schools\"").contains("法治辅导员讲座 1 次");
	}

	private JsonNode annexOf(JsonNode annex) {
		for (JsonNode s : annex.get("schools")) {
			if (s.get("schoolId").asLong() == school) {
				return s;
			}
		}
		return null;
	}

}
