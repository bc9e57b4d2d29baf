package cn.hxay.compliance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import cn.hxay.demo.DemoUsers;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An official edits a school's posture; the finding, the county rate and the drill-down
 * follow; the rules of another region can be switched on and show up after the background
 * re-evaluation.
 */
@PlatformTest
class ComplianceFlowTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void editingAPostureChangesTheFindingTheCountyRateAndTheDrillDown() throws Exception {
		long school = jdbc.sql("""
				select s.school_id from compliance_school s
				where s.region_code = '320402' and s.closed_management = 'Y'
				  and not exists (select 1 from posture_version v where v.school_id = s.school_id
				                  and v.valid_from < now() - interval '1 day')
				order by s.school_id limit 1""").query(Long.class).single();
		String name = jdbc.sql("select name from school where id = ?").param(school).query(String.class).single();
		WebSession officer = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD);
		long[] before = closedManagement(officer);

		assertThat(officer.get("/schools/" + school + "/compliance").body()).contains("封闭式管理");
		officer.get("/schools/" + school + "/posture");
		Page saved = officer.postForm("/schools/" + school + "/posture",
				Map.of("facts[0].name", "closedManagement", "facts[0].value", "false", "facts[1].name",
						"videoRetentionDays", "facts[1].value", "20", "guards[0].name", "张保安", "guards[0].certificate",
						"苏保1", "guards[0].birthDate", "1980-05-01", "guards[0].fullTime", "true"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(officer.follow(saved).body()).contains("已保存新的安全防范情况");

		Page findings = eventually(() -> officer.get("/schools/" + school + "/compliance"),
				page -> page.body().contains("要求落实封闭式管理，现未落实：封闭式管理"));
		assertThat(findings.body()).contains("视频保存天数应不少于 30 天，现为 20 天，差 10 天")
			.contains("国办发〔2017〕35号 §三(九)")
			.contains("缺少数据");

		long[] after = closedManagement(officer);
		assertThat(after[0]).isEqualTo(before[0] - 1);
		assertThat(after[1]).isEqualTo(before[1]);

		Page drill = officer.get("/compliance/failing?metric=CLOSED_MANAGEMENT&region=320402");
		assertThat(drill.body()).contains(name).contains("现未落实：封闭式管理");
		Page rates = officer.get("/compliance?region=320402");
		assertThat(rates.body()).contains("封闭式管理率").contains(after[0] + "/" + after[1]);

		Page pastDay = officer.get("/schools/" + school + "/compliance?date=2025-10-01");
		assertThat(pastDay.body()).contains("按 2025-10-01 当日有效的规则").doesNotContain("现未落实：封闭式管理");
		Page beforeGbt2022 = officer.get("/schools/" + school + "/compliance?date=2021-06-01");
		assertThat(beforeGbt2022.body()).doesNotContain("NAT-HUM-02").contains("NAT-HUM-01");
		assertThat(officer.get("/schools/" + school + "/posture").body()).contains("张保安").contains("历史版本");
	}

	@Test
	void badPostureInputIsRefusedInChineseAndNothingIsRecorded() {
		long school = jdbc.sql("select id from school where region_code = '320402' order by id desc limit 1")
			.query(Long.class)
			.single();
		long versions = versions(school);
		WebSession officer = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD);
		officer.get("/schools/" + school + "/posture");
		Page refused = officer.postForm("/schools/" + school + "/posture", Map.of("facts[0].name", "videoRetentionDays",
				"facts[0].value", "三十", "facts[1].name", "cameras", "facts[1].value", "-4"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("视频保存天数应为整数，实际为“三十”");
		assertThat(versions(school)).isEqualTo(versions);
		WebSession police = WebSession.signedIn(port, DemoUsers.COUNTY_POLICE, DemoUsers.PASSWORD);
		police.get("/schools/" + school + "/posture");
		assertThat(police
			.postForm("/schools/" + school + "/posture",
					Map.of("facts[0].name", "closedManagement", "facts[0].value", "true"))
			.status()).isEqualTo(403);
	}

	@Test
	void switchingTheCitysRuleSetsReEvaluatesEverySchoolInTheBackground() throws Exception {
		WebSession admin = WebSession.signedIn(port, DemoUsers.ADMIN, DemoUsers.PASSWORD);
		assertThat(admin.get("/admin/rule-sets?region=320400").body()).contains("含推断档·建议")
			.contains("changzhou-2019")
			.doesNotContain("standards.md");
		try {
			Page started = admin.postForm("/admin/rule-sets",
					Map.of("region", "320400", "ruleSets", List.of("jiangsu-2020", "jiamusi")));
			assertThat(started.location().orElseThrow()).contains("/compliance/evaluations/");
			String runPath = started.location().orElseThrow().replaceAll("^https?://[^/]+", "");
			Page done = eventually(() -> admin.get(runPath), page -> page.body().contains("已完成"));
			assertThat(done.body()).contains("100%");
			long schools = jdbc.sql("select count(*) from school").query(Long.class).single();
			assertThat(jdbc.sql("select done from evaluation_run order by id desc limit 1").query(Long.class).single())
				.isEqualTo(schools);
			assertThat(
					jdbc.sql("select count(*) from compliance_school where evaluated_at >= now() - interval '1 minute'")
						.query(Long.class)
						.single())
				.isEqualTo(schools);
			long school = jdbc.sql("select id from school where region_code = '320402' order by id limit 1")
				.query(Long.class)
				.single();
			assertThat(admin.get("/schools/" + school + "/compliance").body()).contains("JMS-HUM-01").contains("佳木斯意见");
			assertThat(jdbc.sql("""
					select detail from audit_event where action = 'COMPLIANCE_FULL_EVALUATION' and actor = 'admin'
					order by id desc limit 1""").query(String.class).single())
				.isEqualTo("全部重新评估 " + schools + " 所学校，发起：admin");
		}
		finally {
			admin.get("/admin/rule-sets?region=320400");
			Page restored = admin.postForm("/admin/rule-sets",
					Map.of("region", "320400", "ruleSets", List.of("jiangsu-2020", "changzhou-2019")));
			String runPath = restored.location().orElseThrow().replaceAll("^https?://[^/]+", "");
			eventually(() -> admin.get(runPath), page -> page.body().contains("已完成"));
		}
	}

	@Test
	void everyTotalIsLabelledWithTheUsersOwnScope() throws Exception {
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD);
		for (String path : List.of("/compliance", "/compliance?region=320400")) {
			Page page = county.get(path);
			assertThat(page.body()).as(path).contains("天宁区（合计）").doesNotContain("常州市（合计）").doesNotContain("返回 常州市");
		}
		Page api = county.api("GET", "/api/v1/compliance/rates?region=320400", DemoUsers.COUNTY_EDUCATION,
				DemoUsers.PASSWORD, null, Map.of());
		assertThat(api.body()).contains("\"areaName\":\"天宁区\"").doesNotContain("常州市");
		assertThat(county.get("/compliance/failing?metric=OVERALL&region=320400").body()).contains(">天宁区</span> · ")
			.doesNotContain(">常州市</span> · ");
		WebSession station = WebSession.signedIn(port, DemoUsers.STATION_OFFICER, DemoUsers.PASSWORD);
		assertThat(station.get("/compliance").body()).contains("青龙派出所（合计）")
			.doesNotContain("天宁区（合计）")
			.doesNotContain("返回 常州市");
		WebSession city = WebSession.signedIn(port, DemoUsers.CITY_EDUCATION, DemoUsers.PASSWORD);
		assertThat(city.get("/compliance?region=320402").body()).contains("天宁区（合计）").contains("返回 常州市");
		assertThat(city.get("/compliance").body()).contains("常州市（合计）");
	}

	@Autowired
	RuleBookChanges ruleBookChanges;

	@Test
	void startingWithChangedRuleFilesReEvaluatesEverySchool() throws Exception {
		assertThat(jdbc.sql("select count(*) from rule_book_state").query(Long.class).single()).isEqualTo(1);
		long runsBefore = jdbc.sql("select count(*) from evaluation_run where started_by = 'system'")
			.query(Long.class)
			.single();
		ruleBookChanges.onStart();
		assertThat(
				jdbc.sql("select count(*) from evaluation_run where started_by = 'system'").query(Long.class).single())
			.as("same rule files: nothing to do")
			.isEqualTo(runsBefore);
		jdbc.sql("update rule_book_state set fingerprint = 'older-rules'").update();
		ruleBookChanges.onStart();
		assertThat(
				jdbc.sql("select count(*) from evaluation_run where started_by = 'system'").query(Long.class).single())
			.isEqualTo(runsBefore + 1);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("select status from evaluation_run order by id desc limit 1")
				.query(String.class)
				.single(), "DONE"::equals);
	}

	private long[] closedManagement(WebSession session) throws Exception {
		Page api = session.api("GET", "/api/v1/compliance/rates?region=320402", DemoUsers.COUNTY_EDUCATION,
				DemoUsers.PASSWORD, null, Map.of());
		assertThat(api.status()).isEqualTo(200);
		for (JsonNode rate : json.readTree(api.body())) {
			if (rate.path("areaKey").asString().equals("*")
					&& rate.path("metric").asString().equals("CLOSED_MANAGEMENT")) {
				return new long[] { rate.path("numerator").asLong(), rate.path("denominator").asLong() };
			}
		}
		throw new AssertionError("no county total for closed management: " + api.body());
	}

	private long versions(long school) {
		return jdbc.sql("select count(*) from posture_version where school_id = ?")
			.param(school)
			.query(Long.class)
			.single();
	}

	private static Page eventually(Supplier<Page> fetch, java.util.function.Predicate<Page> until) {
		return await().atMost(Duration.ofSeconds(20)).until(fetch::get, until);
	}

}
