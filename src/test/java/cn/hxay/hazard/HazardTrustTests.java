package cn.hxay.hazard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.hxay.shared.PlatformTime;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.support.Texts.find;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What issue 10 found in the hazard ledger, through real HTTP and PostgreSQL: notice
 * numbers without gaps per issuing unit and year, bad input refused with 400 and nothing
 * written, deadlines within a year, and the day taken in Beijing whatever the server's
 * zone.
 */
@PlatformTest
class HazardTrustTests {

	private static final String PW = "Demo@2026";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	HazardOverdueJob overdueJob;

	private Page api(String method, String path, String user, String json) {
		return new WebSession(port).api(method, path, user, PW, json, Map.of());
	}

	private long schoolOfLead() {
		return Long.parseLong(find(api("GET", "/api/v1/schools", "school.lead", null).body(), "\"id\":(\\d+)"));
	}

	private static String json(long school, String place, String person, String deadline) {
		return """
				{"schoolId":%d,"place":"%s","category":"PHYSICAL","grade":"GENERAL","description":"围墙破损",
				 "requirements":"修复围墙","responsibleUnit":"学校总务处","responsiblePerson":"%s","deadline":%s}"""
			.formatted(school, place, person, deadline == null ? "null" : "\"" + deadline + "\"");
	}

	private static int serial(String number) {
		return Integer.parseInt(find(number, "第(\\d{5})号"));
	}

	private long hazards() {
		return jdbc.sql("select count(*) from hazard").query(Long.class).single();
	}

	@Test
	void aFailedInsertLeavesNoGapInTheIssuersNoticeNumbers() {
		long school = schoolOfLead();
		Page first = api("POST", "/api/v1/hazards", "tianning.edu",
				json(school, "东围墙-" + System.nanoTime(), "王建国", null));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		String number = find(first.body(), "\"noticeNumber\":\"([^\"]+)\"");
		assertThat(number).startsWith("天宁区教育局隐改字〔" + PlatformTime.today(clock).getYear() + "〕第");

		// the database refuses the next insert after the number was taken
		jdbc.sql("""
				create or replace function hazard_test_refuse() returns trigger language plpgsql as $$
				begin raise exception 'injected failure'; end $$""").update();
		jdbc.sql("""
				create trigger hazard_test_refuse before insert on hazard for each row
				when (new.place = 'REFUSE-ME') execute function hazard_test_refuse()""").update();
		try {
			Page failed = api("POST", "/api/v1/hazards", "tianning.edu", json(school, "REFUSE-ME", "王建国", null));
			assertThat(failed.status()).isGreaterThanOrEqualTo(400);
		}
		finally {
			jdbc.sql("drop trigger hazard_test_refuse on hazard").update();
		}
		Page next = api("POST", "/api/v1/hazards", "tianning.edu",
				json(school, "西围墙-" + System.nanoTime(), "王建国", null));
		assertThat(next.status()).isEqualTo(201);
		String nextNumber = find(next.body(), "\"noticeNumber\":\"([^\"]+)\"");
		assertThat(serial(nextNumber)).as("no number burnt by the failed insert").isEqualTo(serial(number) + 1);

		// another issuing unit counts on its own
		Page police = api("POST", "/api/v1/hazards", "tianning.police",
				json(school, "北门-" + System.nanoTime(), "王建国", null));
		assertThat(police.status()).as(police.body()).isEqualTo(201);
		assertThat(find(police.body(), "\"noticeNumber\":\"([^\"]+)\"")).startsWith("常州市公安局天宁分局隐改字");
	}

	@Test
	void overLongOrInvisibleTextAndFarDeadlinesAreRefusedWithNothingWritten() {
		long school = schoolOfLead();
		long before = hazards();
		Map<String, String> refused = new LinkedHashMap<>();
		refused.put(json(school, "长".repeat(101), "王建国", null), "隐患部位不能超过 100 字");
		refused.put(json(school, "南门", "名".repeat(51), null), "责任人不能超过 50 字");
		// NUL is refused for every request before any module sees it
		// (shared.web.TextInputCheck)
		refused.put(json(school, "南门\\u0000", "王建国", null), "“place”含有不允许的空字符");
		refused.put(json(school, "南门", "王建国", "9999-12-31"), "整改期限须在一年之内");
		refused.put(json(school, "南门", "王建国", "2000-01-01"), "整改期限不能早于今天");
		refused.put(json(school, "南门", "王建国", null).replace("PHYSICAL", "ALIEN"), "category");
		for (var r : refused.entrySet()) {
			Page page = api("POST", "/api/v1/hazards", "tianning.edu", r.getKey());
			assertThat(page.status()).as(r.getValue()).isEqualTo(400);
			assertThat(page.body()).contains(r.getValue());
		}
		String description = "描".repeat(2001);
		Page longDescription = api("POST", "/api/v1/hazards", "tianning.edu",
				json(school, "南门", "王建国", null).replace("围墙破损", description));
		assertThat(longDescription.status()).isEqualTo(400);
		assertThat(longDescription.body()).contains("隐患描述不能超过 2000 字");
		assertThat(hazards()).as("nothing written").isEqualTo(before);

		// the page form: unknown enum, over-long text, bad date; typed values kept
		WebSession county = WebSession.signedIn(port, "tianning.edu", PW);
		county.get("/hazards/new?schoolId=" + school);
		Map<String, Object> form = new HashMap<>();
		form.put("schoolId", school);
		form.put("place", "操场看台");
		form.put("category", "ALIEN");
		form.put("grade", "GENERAL");
		form.put("description", "看台栏杆松动");
		form.put("requirements", "加固栏杆");
		form.put("responsibleUnit", "学校总务处");
		form.put("responsiblePerson", "王建国");
		form.put("deadline", "");
		Page unknown = county.postForm("/hazards", form);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("“隐患类别”的值无效").contains("value=\"操场看台\"").contains("看台栏杆松动");
		form.put("category", "PHYSICAL");
		form.put("responsiblePerson", "名".repeat(51));
		Page longPerson = county.postForm("/hazards", form);
		assertThat(longPerson.status()).isEqualTo(400);
		assertThat(longPerson.body()).contains("责任人不能超过 50 字").contains("value=\"操场看台\"");
		form.put("responsiblePerson", "王建国");
		form.put("deadline", "9999-12-31");
		Page far = county.postForm("/hazards", form);
		assertThat(far.status()).isEqualTo(400);
		assertThat(far.body()).contains("整改期限须在一年之内").contains("value=\"9999-12-31\"");
		form.put("deadline", "下周");
		Page notADate = county.postForm("/hazards", form);
		assertThat(notADate.status()).isEqualTo(400);
		assertThat(notADate.body()).contains("“整改期限（格式 yyyy-MM-dd）”的值无效").contains("value=\"下周\"");
		assertThat(hazards()).as("nothing written").isEqualTo(before);

		// filters of the ledger
		Page badRegion = county.get("/hazards?region=32%00");
		assertThat(badRegion.status()).isEqualTo(400);
		assertThat(badRegion.body()).containsAnyOf("地区代码应为 2–6 位数字", "“region”含有不允许的空字符");
		Page letters = county.get("/hazards?region=32ab");
		assertThat(letters.status()).isEqualTo(400);
		assertThat(letters.body()).contains("地区代码应为 2–6 位数字");
		assertThat(api("GET", "/api/v1/hazards?region=abc", "tianning.edu", null).status()).isEqualTo(400);
	}

	@Test
	void stepFormsRefuseBadInputWith400AndKeepTheText() {
		long school = schoolOfLead();
		Page raised = api("POST", "/api/v1/hazards", "tianning.edu",
				json(school, "食堂-" + System.nanoTime(), "王建国", null));
		String id = find(raised.body(), "\"id\":(\\d+)");
		WebSession lead = WebSession.signedIn(port, "school.lead", PW);
		lead.get("/hazards/" + id);
		assertThat(lead.postForm("/hazards/" + id + "/start", Map.of()).status()).as("no version").isEqualTo(400);
		assertThat(lead.postForm("/hazards/" + id + "/start", Map.of("version", "x")).status())
			.as("version not a number")
			.isEqualTo(400);
		Page longText = lead.postForm("/hazards/" + id + "/safeguards",
				Map.of("version", "0", "text", "措".repeat(2001)));
		assertThat(longText.status()).isEqualTo(400);
		assertThat(longText.body()).contains("不能超过 2000 字");
		Page nul = lead.postForm("/hazards/" + id + "/safeguards", Map.of("version", "0", "text", "铁马\u0000值守"));
		assertThat(nul.status()).isEqualTo(400);
		assertThat(nul.body()).containsAnyOf("控制字符", "空字符");
		WebSession reviewer = WebSession.signedIn(port, "tianning.edu", PW);
		reviewer.get("/hazards/" + id);
		Page illegal = reviewer.postForm("/hazards/" + id + "/return", Map.of("version", "0", "text", "隔离桩高度不足"));
		assertThat(illegal.status()).isEqualTo(400);
		assertThat(illegal.body()).contains("只有已提交待验收的隐患才能退回");
		Page notMultipart = lead.postForm("/hazards/" + id + "/photos", Map.of("caption", "整改前"));
		assertThat(notMultipart.status()).isEqualTo(400);
		assertThat(notMultipart.body()).contains("multipart/form-data");
		assertThat(api("GET", "/api/v1/hazards/" + id, "tianning.edu", null).body()).contains("\"version\":0")
			.doesNotContain("铁马");

		// a supervised hazard's plan: fields over their limits and a deadline years away
		Page major = api("POST", "/api/v1/hazards", "tianning.edu",
				json(school, "宿舍-" + System.nanoTime(), "王建国", null).replace("GENERAL", "MAJOR"));
		String majorId = find(major.body(), "\"id\":(\\d+)");
		WebSession county = WebSession.signedIn(port, "tianning.edu", PW);
		county.get("/hazards/" + majorId);
		Map<String, Object> plan = new HashMap<>();
		plan.put("version", "0");
		plan.put("goal", "目".repeat(1001));
		plan.put("measures", "拆除重砌");
		plan.put("funds", "12万元");
		plan.put("people", "王建国");
		plan.put("planDeadline", PlatformTime.today(clock).plusDays(30).toString());
		plan.put("emergencyPlan", "设置警戒区");
		Page longGoal = county.postForm("/hazards/" + majorId + "/plan", plan);
		assertThat(longGoal.status()).isEqualTo(400);
		assertThat(longGoal.body()).contains("整改目标不能超过 1000 字").contains("拆除重砌");
		plan.put("goal", "月底前完成");
		plan.put("planDeadline", "9999-01-01");
		Page farPlan = county.postForm("/hazards/" + majorId + "/plan", plan);
		assertThat(farPlan.status()).isEqualTo(400);
		assertThat(farPlan.body()).contains("督办方案的完成时限须在一年之内");
		assertThat(api("POST", "/api/v1/hazards/" + majorId + "/plan", "tianning.edu",
				"{\"goal\":\"" + "目".repeat(1001) + "\"}")
			.status()).isEqualTo(400);
		assertThat(api("GET", "/api/v1/hazards/" + majorId, "tianning.edu", null).body()).doesNotContain("拆除重砌")
			.doesNotContain("月底前完成");
	}

	@Test
	void theOverdueJobTakesTheDayInBeijingOnAServerRunningOnUtc() {
		long school = schoolOfLead();
		LocalDate today = PlatformTime.today(clock);
		Page raised = api("POST", "/api/v1/hazards", "tianning.edu",
				json(school, "围墙-" + System.nanoTime(), "王建国", today.toString()));
		String id = find(raised.body(), "\"id\":(\\d+)");
		// 16:30 UTC on the deadline day is already 00:30 the next day in Beijing
		Clock utc = Clock.fixed(today.atTime(16, 30).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
		overdueJob.run(Clock.fixed(today.atTime(15, 30).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
		assertThat(api("GET", "/api/v1/hazards/" + id, "tianning.edu", null).body())
			.as("23:30 in Beijing: still in time")
			.contains("\"overdue\":false");
		overdueJob.run(utc);
		assertThat(api("GET", "/api/v1/hazards/" + id, "tianning.edu", null).body()).contains("\"overdue\":true");
	}

}
