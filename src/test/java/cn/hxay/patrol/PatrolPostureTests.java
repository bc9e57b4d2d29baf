package cn.hxay.patrol;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.hxay.demo.DemoUsers;
import cn.hxay.shared.PlatformTime;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.support.Texts.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly judgement over real HTTP and PostgreSQL with a shifted clock: a day without
 * the plan's rounds sets 巡查制度 to no and the compliance finding CZ-ORG-04 (GB/T
 * 29315-2022: at least 5 rounds) fails; a roster day with a leader on duty (a holiday)
 * makes CZ-ORG-03 (假期值班表与领导带班) pass; five valid rounds walked make CZ-ORG-04 pass; the
 * posture page names the source, 来自巡更记录.
 */
@PlatformTest
class PatrolPostureTests {

	private static final String PW = DemoUsers.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PatrolPostureJob job;

	@Autowired
	Clock clock;

	private Page api(String method, String path, String user, String body) {
		return new WebSession(port).api(method, path, user, PW, body, Map.of());
	}

	private long leadSchoolId() {
		return json(api("GET", "/api/v1/schools", DemoUsers.SCHOOL_LEAD, null).body()).get("items")
			.get(0)
			.get("id")
			.asLong();
	}

	private String status(long schoolId, String rule) {
		for (JsonNode f : json(
				api("GET", "/api/v1/compliance/schools/" + schoolId + "/findings", DemoUsers.COUNTY_EDUCATION, null)
					.body())) {
			if (f.get("ruleId").asString().equals(rule)) {
				return f.get("status").asString();
			}
		}
		throw new AssertionError(rule + " not judged");
	}

	private JsonNode posture(long schoolId) {
		return json(api("GET", "/api/v1/schools/" + schoolId + "/posture", DemoUsers.SCHOOL_LEAD, null).body());
	}

	@Test
	void missedRoundsFailAndALeaderOnDutyPassesFromTheRecords() {
		long schoolId = leadSchoolId();
		WebSession lead = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, PW);
		lead.get("/patrols/points");
		assertThat(lead.postForm("/patrols/points", Map.of("name", "配电房" + System.nanoTime() % 10000, "order", "30"))
			.status()).isEqualTo(302);
		// a holiday far ahead (past the days other tests put on the roster) with a leader
		LocalDate day = PlatformTime.today(clock).plusDays(150 + System.nanoTime() % 20);
		lead.get("/patrols/duty");
		assertThat(lead
			.postForm("/patrols/duty",
					Map.of("day", day.toString(), "person", "王副校长", "leader", "true", "holiday", "true"))
			.status()).isEqualTo(302);

		// the night after that day: nobody walked a round, a leader was on duty
		Clock nextMorning = Clock.offset(clock,
				Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(PlatformTime.today(clock), day) + 1));
		assertThat(job.run(nextMorning)).isGreaterThanOrEqualTo(0);
		JsonNode facts = posture(schoolId);
		assertThat(facts.toString()).contains("\"patrolRules\":false")
			.contains("\"leaderOnDuty\":true")
			.contains("\"holidayDutyRoster\":true");
		assertThat(facts.get("recordedBy").asString()).isEqualTo(Patrols.RECORDED_BY);
		assertThat(status(schoolId, "CZ-ORG-04")).isEqualTo("NON_COMPLIANT");
		assertThat(status(schoolId, "CZ-ORG-03")).isEqualTo("COMPLIANT");
		Page page = lead.get("/schools/" + schoolId + "/posture");
		assertThat(page.body()).contains("id=\"source-leaderOnDuty\"")
			.contains("id=\"source-patrolRules\"")
			.contains("来自巡更记录 · " + PlatformTime.today(clock));

		// five valid rounds walked today: the next night's judgement passes the rule
		lead.postForm("/patrols/plan", Map.of("roundsPerDay", "5", "minSecondsBetween", "0", "roundMinutes", "120"));
		List<String> tokens = jdbc
			.sql("select token from patrol_point where school_id = ? and active order by sort_order, id")
			.param(schoolId)
			.query(String.class)
			.list();
		for (int round = 0; round < 6; round++) {
			for (String token : tokens) {
				assertThat(api("POST", "/api/v1/patrols/scans", DemoUsers.SCHOOL_LEAD, "{\"token\":\"" + token + "\"}")
					.status()).isEqualTo(200);
			}
		}
		lead.postForm("/patrols/plan", Map.of("roundsPerDay", "5", "minSecondsBetween", "60", "roundMinutes", "120"));
		job.run(Clock.offset(clock, Duration.ofDays(1)));
		assertThat(posture(schoolId).toString()).contains("\"patrolRules\":true");
		assertThat(status(schoolId, "CZ-ORG-04")).isEqualTo("COMPLIANT");
	}

}
