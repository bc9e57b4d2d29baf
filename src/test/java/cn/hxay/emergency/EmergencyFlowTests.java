package cn.hxay.emergency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * 应急预案与事故 through HTTP and PostgreSQL, on a 天宁区 school without demo plans: a plan due for
 * review is flagged before and overdue after (with the clock moved), a new version takes
 * over; an accident is reported with its insurance claim and mediation; bad input writes
 * nothing and keeps what was typed; another county, the police and the 督导员 are refused;
 * the figures equal the lists they open.
 */
@PlatformTest
class EmergencyFlowTests {

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
	void aSchoolWithoutPlans() {
		school = jdbc.sql("""
				select s.id from school s where s.region_code = '320402'
				  and s.id not in (select school_id from emergency_plan)
				  and s.organisation_id not in (select organisation_id from user_account where username = 'school.lead')
				order by s.id limit 1""").query(Long.class).single();
		lead = "plan.lead." + school;
		if (jdbc.sql("select count(*) from user_account where username = ?")
			.param(lead)
			.query(Long.class)
			.single() == 0) {
			long unit = jdbc.sql("select organisation_id from school where id = ?")
				.param(school)
				.query(Long.class)
				.single();
			accounts.open(new NewUserAccount(lead, "预案测试学校安全负责人", PW, unit, Set.of(Role.SCHOOL_SAFETY_LEAD), null));
		}
	}

	Page api(String method, String path, String user, String body) {
		return new WebSession(port).api(method, path, user, PW, body, Map.of());
	}

	LocalDate today() {
		return PlatformTime.today(clock);
	}

	long rows() {
		return jdbc.sql("select (select count(*) from emergency_plan) + (select count(*) from accident)")
			.query(Long.class)
			.single();
	}

	JsonNode current(LocalDate on, String type) {
		for (JsonNode p : json(
				api("GET", "/api/v1/emergency-plans?schoolId=" + school + "&on=" + on, lead, null).body())) {
			if (p.get("type").asString().equals(type)) {
				return p;
			}
		}
		throw new AssertionError(type + " not listed");
	}

	@Test
	void aPlanDueForReviewIsFlaggedThenOverdueAndANewVersionTakesOver() {
		long before = rows();
		WebSession page = WebSession.signedIn(port, lead, PW);
		page.get("/emergency/plans/new?schoolId=" + school);
		Page bad = page.postForm("/emergency/plans", Map.of("schoolId", school, "type", "OVERALL", "title",
				"我校突发事件总体应急预案", "approvedOn", today().minusDays(10), "reviewDue", "明年"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("value=\"明年\"").contains("value=\"我校突发事件总体应急预案\"");
		assertThat(api("POST", "/api/v1/emergency-plans", lead, """
				{"schoolId":%d,"type":"OVERALL","title":"x","approvedOn":"%s","reviewDue":"%s"}""".formatted(school,
				today(), today().minusDays(1)))
			.status()).isEqualTo(400);
		assertThat(rows()).isEqualTo(before);

		Page filed = page.postForm("/emergency/plans", Map.of("schoolId", school, "type", "OVERALL", "title",
				"我校突发事件总体应急预案", "approvedOn", today().minusDays(340), "reviewDue", today().plusDays(20)));
		assertThat(filed.status()).as(filed.body()).isEqualTo(302);
		assertThat(current(today(), "OVERALL").get("status").asString()).isEqualTo("DUE");
		assertThat(current(today(), "OVERALL").get("version").asInt()).isEqualTo(1);
		LocalDate later = PlatformTime.today(Clock.offset(clock, Duration.ofDays(21)));
		assertThat(current(later, "OVERALL").get("status").asString()).isEqualTo("OVERDUE");
		assertThat(api("GET", "/api/v1/emergency-plans?status=OVERDUE&on=" + later, DemoUsers.COUNTY_EDUCATION, null)
			.body()).contains("\"schoolId\":" + school + ",");

		Page again = api("POST", "/api/v1/emergency-plans", lead, """
				{"schoolId":%d,"type":"OVERALL","title":"我校突发事件总体应急预案（修订）","approvedOn":"%s","reviewDue":"%s"}"""
			.formatted(school, today(), today().plusYears(1)));
		assertThat(again.status()).as(again.body()).isEqualTo(201);
		assertThat(current(later, "OVERALL").get("version").asInt()).isEqualTo(2);
		assertThat(current(later, "OVERALL").get("status").asString()).isEqualTo("CURRENT");
		assertThat(json(api("GET", "/api/v1/emergency-plans?allVersions=true&schoolId=" + school, lead, null).body()))
			.hasSize(2);
		assertThat(page.get("/emergency/schools/" + school).body()).contains("data-version=\"2\"")
			.contains("data-version=\"1\"");
	}

	@Test
	void anAccidentIsReportedWithItsClaimAndMediationAndOthersAreRefused() {
		long before = rows();
		String body = """
				{"schoolId":%d,"occurredOn":"%s","kind":"SPORTS","description":"课间追逐摔倒，右手腕扭伤","injured":1,
				 "handling":"校医处置后送医，已通知家长","insurance":"FILED","claimNumber":%s,"claimAmount":null,
				 "mediation":"经学校与家长协商，医疗费由保险赔付"}""";
		assertThat(api("POST", "/api/v1/accidents", lead, body.formatted(school, today(), "null")).body())
			.contains("请填写报案号");
		String good = body.formatted(school, today(), "\"PICC-2026-001\"");
		assertThat(api("POST", "/api/v1/accidents", DemoUsers.OTHER_COUNTY_EDUCATION, good).status()).isEqualTo(404);
		assertThat(api("POST", "/api/v1/accidents", DemoUsers.COUNTY_POLICE, good).status()).isEqualTo(403);
		assertThat(api("POST", "/api/v1/accidents", DemoUsers.INSPECTOR, good).status()).isEqualTo(403);
		assertThat(rows()).isEqualTo(before);
		Page reported = api("POST", "/api/v1/accidents", lead, good);
		assertThat(reported.status()).as(reported.body()).isEqualTo(201);
		assertThat(json(reported.body()).get("insurance").asString()).isEqualTo("FILED");
		String schoolPage = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW)
			.get("/emergency/schools/" + school)
			.body();
		assertThat(schoolPage).contains("PICC-2026-001").contains("经学校与家长协商");
		assertThat(WebSession.signedIn(port, DemoUsers.OTHER_COUNTY_EDUCATION, PW)
			.get("/emergency/schools/" + school)
			.status()).isEqualTo(404);
		assertThat(api("GET", "/api/v1/accidents?schoolId=" + school, DemoUsers.OTHER_COUNTY_EDUCATION, null).body())
			.isEqualTo("[]");
	}

	@Test
	void followUpsAreAppendedWithWhoAndWhenAndListedAsATimeline() {
		Page reported = api("POST", "/api/v1/accidents", lead, """
				{"schoolId":%d,"occurredOn":"%s","kind":"SPORTS","description":"体育课跳远扭伤脚踝","injured":1,
				 "handling":"校医冰敷后送医","insurance":"NONE"}""".formatted(school, today()));
		assertThat(reported.status()).as(reported.body()).isEqualTo(201);
		long id = json(reported.body()).get("id").asLong();
		long before = followUps(id);

		// bad follow-ups are refused by field and nothing is written
		assertThat(api("POST", "/api/v1/accidents/" + id + "/follow-ups", lead, """
				{"kind":"INSURANCE","body":"已向保险公司报案"}""").body()).contains("请选择理赔状态");
		assertThat(api("POST", "/api/v1/accidents/" + id + "/follow-ups", lead, """
				{"kind":"INSURANCE","body":"已向保险公司报案","insurance":"FILED"}""").body()).contains("请填写报案号");
		assertThat(api("POST", "/api/v1/accidents/" + id + "/follow-ups", lead, """
				{"kind":"HANDLING","body":"复查","insurance":"PAID"}""").body()).contains("只在续报类别为“保险理赔”时填写");
		WebSession page = WebSession.signedIn(port, lead, PW);
		page.get("/emergency/accidents/" + id);
		Page bad = page.postForm("/emergency/accidents/" + id + "/follow-ups", Map.of("kind", "INSURANCE", "body",
				"保险公司已赔付医疗费", "insurance", "PAID", "claimNumber", "PICC-9", "claimAmount", "一千元"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("理赔金额").contains("value=\"一千元\"").contains("保险公司已赔付医疗费");
		assertThat(api("POST", "/api/v1/accidents/" + id + "/follow-ups", DemoUsers.COUNTY_POLICE, """
				{"kind":"HANDLING","body":"派出所了解情况"}""").status()).isEqualTo(403);
		assertThat(api("POST", "/api/v1/accidents/" + id + "/follow-ups", DemoUsers.OTHER_COUNTY_EDUCATION, """
				{"kind":"HANDLING","body":"越权续报"}""").status()).isEqualTo(404);
		assertThat(followUps(id)).isEqualTo(before);

		// three follow-ups appended, in order, each with who and when
		assertThat(api("POST", "/api/v1/accidents/" + id + "/follow-ups", lead, """
				{"kind":"HANDLING","body":"学生已返校上课，脚踝恢复良好"}""").status()).isEqualTo(201);
		assertThat(page
			.postForm("/emergency/accidents/" + id + "/follow-ups", Map.of("kind", "INSURANCE", "body", "保险公司已赔付医疗费",
					"insurance", "PAID", "claimNumber", "PICC-9", "claimAmount", "860.50"))
			.status()).isEqualTo(302);
		Page mediated = api("POST", "/api/v1/accidents/" + id + "/follow-ups", DemoUsers.COUNTY_EDUCATION, """
				{"kind":"MEDIATION","body":"经区教育局调解，家长与学校达成一致，无其他诉求"}""");
		assertThat(mediated.status()).as(mediated.body()).isEqualTo(201);
		assertThat(json(mediated.body()).get("recordedAt").asString()).isNotBlank();
		assertThat(followUps(id)).isEqualTo(before + 3);

		JsonNode timeline = json(api("GET", "/api/v1/accidents/" + id, DemoUsers.COUNTY_EDUCATION, null).body());
		assertThat(timeline.get("accident").get("insurance").asString()).isEqualTo("PAID");
		assertThat(timeline.get("accident").get("claimNumber").asString()).isEqualTo("PICC-9");
		assertThat(timeline.get("accident").get("mediation").asString()).startsWith("经区教育局调解");
		JsonNode list = timeline.get("followUps");
		assertThat(list).hasSize(3);
		assertThat(list.get(0).get("kind").asString()).isEqualTo("HANDLING");
		assertThat(list.get(1).get("kind").asString()).isEqualTo("INSURANCE");
		assertThat(list.get(1).get("claimAmount").decimalValue()).isEqualByComparingTo("860.50");
		assertThat(list.get(2).get("kind").asString()).isEqualTo("MEDIATION");
		assertThat(list.get(2).get("recordedBy").asString()).isNotEqualTo(list.get(0).get("recordedBy").asString());
		assertThat(Instant.parse(list.get(0).get("recordedAt").asString()))
			.isBeforeOrEqualTo(Instant.parse(list.get(2).get("recordedAt").asString()));

		String shown = WebSession.signedIn(port, DemoUsers.COUNTY_POLICE, PW).get("/emergency/accidents/" + id).body();
		assertThat(shown.split("class=\"list-group-item small timeline-entry follow-up\"", -1)).hasSize(4);
		String timelineShown = shown.substring(shown.indexOf("id=\"timeline\""));
		assertThat(timelineShown.indexOf("学生已返校上课")).isLessThan(timelineShown.indexOf("保险公司已赔付医疗费"));
		assertThat(timelineShown.indexOf("保险公司已赔付医疗费")).isLessThan(timelineShown.indexOf("经区教育局调解"));
		assertThat(shown).contains("id=\"current-insurance\">已赔付<").doesNotContain("id=\"follow-up-form\"");
		assertThat(WebSession.signedIn(port, DemoUsers.OTHER_COUNTY_EDUCATION, PW)
			.get("/emergency/accidents/" + id)
			.status()).isEqualTo(404);
		assertThat(api("GET", "/api/v1/accidents/" + id, DemoUsers.OTHER_COUNTY_EDUCATION, null).status())
			.isEqualTo(404);
	}

	private long followUps(long accidentId) {
		return jdbc.sql("select count(*) from accident_follow_up where accident_id = ?")
			.param(accidentId)
			.query(Long.class)
			.single();
	}

	@Test
	void theFiguresEqualTheListsTheyOpen() {
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		Page all = county.get("/emergency");
		for (ReviewStatus status : ReviewStatus.values()) {
			long figure = Long.parseLong(find(all.body(), "id=\"n-" + status.name() + "\">(\\d+)<"));
			assertThat(Long.parseLong(find(county.get("/emergency?status=" + status.name()).body(), "共 (\\d+) 条")))
				.as(status.name())
				.isEqualTo(figure);
			assertThat(
					json(api("GET", "/api/v1/emergency-plans?status=" + status.name(), DemoUsers.COUNTY_EDUCATION, null)
						.body()))
				.hasSize((int) figure);
		}
		assertThat(Long.parseLong(find(all.body(), "id=\"n-OVERDUE\">(\\d+)<"))).as("demo data").isPositive();
	}

}
