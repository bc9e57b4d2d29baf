package cn.hxay.schoolbus;

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
 * 校车 through HTTP and PostgreSQL, on a 天宁区 school without a demo bus: a driver whose
 * licence lapsed is flagged at once and one lapsing soon is flagged before and after
 * (with the clock moved); registering again renews; bad input writes nothing and keeps
 * what was typed; another county, the police and the 督导员 are refused; the figures equal
 * the lists they open; Annex 1's 校车等安全隐患情况 names what lapsed.
 */
@PlatformTest
class SchoolBusFlowTests {

	static final String PW = DemoUsers.PASSWORD;

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
	void aSchoolWithoutBuses() {
		school = jdbc.sql("""
				select s.id from school s where s.region_code = '320402'
				  and s.id not in (select school_id from school_bus)
				  and s.id <> (select max(id) from school where region_code = '320402')
				  and s.organisation_id not in (select organisation_id from user_account where username = 'school.lead')
				order by s.id desc limit 1""").query(Long.class).single();
		lead = "bus.lead." + school;
		if (jdbc.sql("select count(*) from user_account where username = ?")
			.param(lead)
			.query(Long.class)
			.single() == 0) {
			long unit = jdbc.sql("select organisation_id from school where id = ?")
				.param(school)
				.query(Long.class)
				.single();
			accounts.open(new NewUserAccount(lead, "校车测试学校安全负责人", PW, unit, Set.of(Role.SCHOOL_SAFETY_LEAD), null));
		}
	}

	Page api(String method, String path, String user, String body) {
		return new WebSession(port).api(method, path, user, PW, body, Map.of());
	}

	LocalDate today() {
		return PlatformTime.today(clock);
	}

	long rows() {
		return jdbc.sql("""
				select (select count(*) from school_bus) + (select count(*) from school_bus_driver)
				  + (select count(*) from school_bus_route)""").query(Long.class).single();
	}

	JsonNode item(String user, LocalDate on, String kind, String subject) {
		JsonNode all = json(
				api("GET", "/api/v1/school-buses/expiries?schoolId=" + school + "&on=" + on, user, null).body());
		for (JsonNode i : all.get("items")) {
			if (i.get("kind").asString().equals(kind) && i.get("subject").asString().equals(subject)) {
				return i;
			}
		}
		throw new AssertionError(kind + " " + subject + " not listed");
	}

	@Test
	void anExpiredDriverLicenceIsFlaggedAndOneLapsingSoonBeforeAndAfter() throws Exception {
		long before = rows();
		WebSession page = WebSession.signedIn(port, lead, PW);
		page.get("/school-buses/new?schoolId=" + school);
		Page bad = page.postForm("/school-buses", Map.of("schoolId", school, "plate", "苏D 1", "seats", "九十",
				"signNumber", "苏教校车001", "signValidUntil", "下个月", "inspectionValidUntil", today().plusDays(100)));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("value=\"九十\"")
			.contains("value=\"下个月\"")
			.contains("value=\"苏教校车001\"")
			.contains("id=\"form-errors\"");
		Page badPlate = page.postForm("/school-buses",
				Map.of("schoolId", school, "plate", "苏D 1", "seats", "19", "signNumber", "苏教校车001", "signValidUntil",
						today().plusDays(300), "inspectionValidUntil", today().plusDays(100)));
		assertThat(badPlate.status()).isEqualTo(400);
		assertThat(badPlate.body()).contains("车牌号格式").contains("value=\"苏D 1\"");
		assertThat(rows()).isEqualTo(before);

		String plate = "苏D" + (70000 + school % 9999);
		Page bus = page.postForm("/school-buses",
				Map.of("schoolId", school, "plate", plate, "seats", "19", "signNumber", "苏教校车001", "signValidUntil",
						today().plusDays(300), "inspectionValidUntil", today().plusDays(100)));
		assertThat(bus.status()).as(bus.body()).isEqualTo(302);
		Page lapsed = api("POST", "/api/v1/school-buses/drivers", lead, """
				{"schoolId":%d,"name":"赵师傅","licenceClass":"A1","licenceValidUntil":"%s","lastTrainingOn":"%s"}"""
			.formatted(school, today().minusDays(1), today().minusDays(20)));
		assertThat(lapsed.status()).as(lapsed.body()).isEqualTo(201);
		Page soon = api("POST", "/api/v1/school-buses/drivers", lead, """
				{"schoolId":%d,"name":"钱师傅","licenceClass":"B1","licenceValidUntil":"%s","lastTrainingOn":"%s"}"""
			.formatted(school, today().plusDays(10), today().minusDays(20)));
		assertThat(soon.status()).as(soon.body()).isEqualTo(201);

		// lapsed yesterday: flagged at once, on the school's page and the county's list
		assertThat(item(lead, today(), "DRIVER_LICENCE", "赵师傅").get("status").asString()).isEqualTo("EXPIRED");
		assertThat(page.get("/school-buses/schools/" + school).body())
			.contains("data-kind=\"DRIVER_LICENCE\" data-status=\"EXPIRED\"");
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		assertThat(county.get("/school-buses?status=EXPIRED").body()).contains("赵师傅 · 驾驶证");
		// lapsing in 10 days: flagged before, and expired once the clock passes it
		assertThat(item(lead, today(), "DRIVER_LICENCE", "钱师傅").get("status").asString()).isEqualTo("EXPIRING");
		LocalDate later = PlatformTime.today(Clock.offset(clock, Duration.ofDays(11)));
		assertThat(item(lead, later, "DRIVER_LICENCE", "钱师傅").get("status").asString()).isEqualTo("EXPIRED");
		assertThat(item(lead, today(), "BUS_INSPECTION", plate).get("status").asString()).isEqualTo("VALID");
		assertThat(item(lead, today().plusDays(80), "BUS_INSPECTION", plate).get("status").asString())
			.isEqualTo("EXPIRING");

		// Annex 1 names what lapsed
		JsonNode annex = null;
		for (JsonNode row : json(api("GET", "/api/v1/school-buses/annex", DemoUsers.COUNTY_EDUCATION, null).body())) {
			if (row.get("schoolId").asLong() == school) {
				annex = row;
			}
		}
		assertThat(annex).isNotNull();
		assertThat(annex.get("buses").asInt()).isEqualTo(1);
		assertThat(annex.get("drivers").asInt()).isEqualTo(2);
		assertThat(annex.get("text").asString()).contains("赵师傅 驾驶证").contains("1 项将在 30 天内到期");

		// registering again renews
		assertThat(api("POST", "/api/v1/school-buses/drivers", lead, """
				{"schoolId":%d,"name":"赵师傅","licenceClass":"A1","licenceValidUntil":"%s","lastTrainingOn":"%s"}"""
			.formatted(school, today().plusYears(6), today().minusDays(20))).status()).isEqualTo(201);
		assertThat(item(lead, today(), "DRIVER_LICENCE", "赵师傅").get("status").asString()).isEqualTo("VALID");
		assertThat(api("POST", "/api/v1/school-buses/routes", lead, """
				{"schoolId":%d,"name":"二号线","stops":"学校—东村—学校","plate":"苏D99999","approvalNumber":"常教安〔2026〕1号",
				 "approvedOn":"%s"}""".formatted(school, today())).status()).as("not this school's bus").isEqualTo(400);
		assertThat(api("POST", "/api/v1/school-buses/routes", lead, """
				{"schoolId":%d,"name":"二号线","stops":"学校—东村—学校","plate":"%s","approvalNumber":"常教安〔2026〕1号",
				 "approvedOn":"%s"}""".formatted(school, plate, today())).status()).isEqualTo(201);
	}

	@Test
	void anotherCountyThePoliceAndTheInspectorAreRefused() {
		String body = """
				{"schoolId":%d,"plate":"苏D8%04d","seats":19,"signNumber":"x","signValidUntil":"%s",
				 "inspectionValidUntil":"%s"}""".formatted(school, school % 10000, today().plusDays(100),
				today().plusDays(100));
		long before = rows();
		assertThat(api("POST", "/api/v1/school-buses", DemoUsers.OTHER_COUNTY_EDUCATION, body).status()).isEqualTo(404);
		assertThat(api("POST", "/api/v1/school-buses", DemoUsers.SCHOOL_LEAD, body).status()).isEqualTo(404);
		assertThat(api("POST", "/api/v1/school-buses", DemoUsers.COUNTY_POLICE, body).status()).isEqualTo(403);
		assertThat(api("POST", "/api/v1/school-buses", DemoUsers.INSPECTOR, body).status()).isEqualTo(403);
		assertThat(rows()).isEqualTo(before);
		assertThat(WebSession.signedIn(port, DemoUsers.OTHER_COUNTY_EDUCATION, PW)
			.get("/school-buses/schools/" + school)
			.status()).isEqualTo(404);
		String demoPlate = jdbc.sql("select plate from school_bus where region_code = '320402' limit 1")
			.query(String.class)
			.single();
		Page taken = api("POST", "/api/v1/school-buses", lead, body.replaceFirst("苏D8\\d{4}", demoPlate));
		assertThat(taken.status()).isEqualTo(400);
		assertThat(taken.body()).contains("已登记在其他学校");
		assertThat(api("GET", "/api/v1/school-buses/drivers", DemoUsers.OTHER_COUNTY_EDUCATION, null).body())
			.doesNotContain("\"regionCode\":\"320402\"");
	}

	@Test
	void theFiguresEqualTheListsTheyOpenAndExport() throws Exception {
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		Page all = county.get("/school-buses");
		JsonNode api = json(api("GET", "/api/v1/school-buses/expiries", DemoUsers.COUNTY_EDUCATION, null).body());
		for (ExpiryStatus status : ExpiryStatus.values()) {
			long figure = Long.parseLong(find(all.body(), "id=\"n-" + status.name() + "\">(\\d+)<"));
			Page list = county.get("/school-buses?status=" + status.name());
			assertThat(Long.parseLong(find(list.body(), "共 (\\d+) 条"))).as(status.name()).isEqualTo(figure);
			assertThat(api.get(status.name().toLowerCase()).asLong()).isEqualTo(figure);
		}
		assertThat(Long.parseLong(find(all.body(), "id=\"n-EXPIRED\">(\\d+)<"))).as("demo data").isPositive();
		Page excel = county.get("/school-buses/export.xlsx?status=EXPIRED");
		assertThat(excel.status()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(excel.bytes()))) {
			assertThat((long) book.getSheetAt(0).getLastRowNum() - 1)
				.isEqualTo(Long.parseLong(find(all.body(), "id=\"n-EXPIRED\">(\\d+)<")));
		}
		// the demo lead's school: its bus sign lapses soon, its driver's licence has
		// lapsed (other tests may add lapsed items here: the list equals its figure)
		WebSession lead = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, PW);
		long ownFigure = Long.parseLong(find(lead.get("/school-buses").body(), "id=\"n-EXPIRED\">(\\d+)<"));
		String own = lead.get("/school-buses?status=EXPIRED").body();
		assertThat(ownFigure).isPositive();
		assertThat(own).contains("驾驶证").contains("共 " + ownFigure + " 条");
	}

}
