package cn.hxay.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.hxay.demo.DemoUsers;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.Texts;
import cn.hxay.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command dashboard over real HTTP on the demo city: every linked figure equals the
 * list it opens, each user sees only their scope, police-only terms reach police only,
 * risk scores add up, and the daily snapshots make the trend.
 */
@PlatformTest
class DashboardTests {

	private static final Pattern LINK = Pattern
		.compile("<a (?:class=\"[^\"]*(county-[a-z]+)[^\"]*\" )?href=\"([^\"]+)\"[^>]*>(\\d+)</a>");

	@LocalServerPort
	int port;

	@Autowired
	DailySnapshots snapshots;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyCountyFigureEqualsTheListItOpens() {
		WebSession city = WebSession.signedIn(port, DemoUsers.CITY_EDUCATION, DemoUsers.PASSWORD);
		String board = city.get("/dashboard").body();
		String table = board.substring(board.indexOf("id=\"counties\""),
				board.indexOf("</table>", board.indexOf("id=\"counties\"")));
		assertThat(table).contains("天宁区").contains("武进区").contains("溧阳市");
		List<String[]> links = new ArrayList<>();
		Matcher m = LINK.matcher(table);
		while (m.find()) {
			links.add(new String[] { m.group(2).replace("&amp;", "&"), m.group(3) });
		}
		assertThat(links).as("schools, hazards, overdue, supervised for six counties").hasSizeGreaterThanOrEqualTo(24);
		long schools = 0;
		for (String[] link : links) {
			String list = city.get(link[0]).body();
			long total = Long.parseLong(Texts.find(list, "共 ([\\d,]+) 条").replace(",", ""));
			assertThat(total).as(link[0]).isEqualTo(Long.parseLong(link[1]));
			if (link[0].startsWith("/schools")) {
				schools += total;
			}
		}
		// other tests may have registered schools beyond the demo's 600
		long registered = jdbc.sql("select count(*) from school").query(Long.class).single();
		assertThat(schools).as("the counties add up to the city").isEqualTo(registered);
		// the summary figures too
		assertThat(Long.parseLong(Texts.find(board, "id=\"sum-schools\">(\\d+)<"))).isEqualTo(registered);
		long hazards = Long.parseLong(Texts.find(board, "id=\"sum-hazards\">(\\d+)<"));
		assertThat(Long.parseLong(Texts.find(city.get("/hazards").body(), "共 ([\\d,]+) 条").replace(",", "")))
			.isEqualTo(hazards);
	}

	@Test
	void aCountySeesItsCountyOnlyAndNotAnotherCountysSchools() {
		WebSession tianning = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD);
		JsonNode board = Texts.json(api(DemoUsers.COUNTY_EDUCATION, "/api/v1/dashboard").body());
		assertThat(board.get("counties")).hasSize(1);
		assertThat(board.get("counties").get(0).get("regionCode").asString()).isEqualTo("320402");
		assertThat(board.get("counties").get(0).get("schools").asLong())
			.isEqualTo(jdbc.sql("select count(*) from school where region_code = '320402'").query(Long.class).single());
		long wujinSchool = jdbc.sql("select id from school where region_code = '320412' order by id limit 1")
			.query(Long.class)
			.single();
		assertThat(tianning.get("/dashboard/schools/" + wujinSchool + "/risk").status()).isEqualTo(404);
		assertThat(api(DemoUsers.COUNTY_EDUCATION, "/api/v1/dashboard/risks/" + wujinSchool).status()).isEqualTo(404);
		assertThat(WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, DemoUsers.PASSWORD).get("/dashboard").status())
			.as("a school has its start page, not the dashboard")
			.isEqualTo(403);
	}

	@Test
	void termsMadeFromPoliceDataReachPoliceOnlyAndEveryScoreAddsUp() {
		String education = api(DemoUsers.COUNTY_EDUCATION, "/api/v1/dashboard/risks?page=0").body();
		assertThat(education).doesNotContain("key-persons").doesNotContain("重点人员").doesNotContain("警情");
		String police = api(DemoUsers.COUNTY_POLICE, "/api/v1/dashboard/risks?page=0").body();
		assertThat(police).contains("\"key\":\"key-persons\"").contains("\"key\":\"alarms\"");
		for (JsonNode risk : Texts.json(police).get("items")) {
			long sum = 0;
			for (JsonNode term : risk.get("terms")) {
				sum += term.get("count").asLong() * term.get("weight").asLong();
			}
			assertThat(risk.get("score").asLong()).isEqualTo(sum);
		}
		// the scores come highest first
		JsonNode items = Texts.json(education).get("items");
		for (int i = 1; i < items.size(); i++) {
			assertThat(items.get(i - 1).get("score").asLong())
				.isGreaterThanOrEqualTo(items.get(i).get("score").asLong());
		}
	}

	@Test
	void theFailingTermCountsTheSchoolsFailingRequirements() {
		WebSession city = WebSession.signedIn(port, DemoUsers.CITY_EDUCATION, DemoUsers.PASSWORD);
		JsonNode top = Texts.json(api(DemoUsers.CITY_EDUCATION, "/api/v1/dashboard/risks?page=0").body())
			.get("items")
			.get(0);
		long school = top.get("schoolId").asLong();
		long failing = 0;
		for (JsonNode term : top.get("terms")) {
			if (term.get("key").asString().equals("failing")) {
				failing = term.get("count").asLong();
			}
		}
		String findings = city.get("/schools/" + school + "/compliance").body();
		String section = findings.substring(findings.indexOf("id=\"findings\""),
				findings.indexOf("</table>", findings.indexOf("id=\"findings\"")));
		long rows = (section.length() - section.replace("<tr class=\"table-danger\"", "").length())
				/ "<tr class=\"table-danger\"".length();
		assertThat(failing).isEqualTo(rows);
		String page = city.get("/dashboard/schools/" + school + "/risk").body();
		assertThat(page).contains("合规评估不合格项").contains("如何降低").contains("× 5");
	}

	@Test
	void dailySnapshotsMakeTheTrendAndEqualTheLiveFigures() {
		Clock now = Clock.systemUTC();
		assertThat(snapshots.take(Clock.offset(now, Duration.ofDays(-3)), true)).isTrue();
		assertThat(snapshots.take(now, true)).isTrue();
		assertThat(snapshots.take(now, false)).as("one snapshot a day unless replaced").isFalse();
		WebSession city = WebSession.signedIn(port, DemoUsers.CITY_EDUCATION, DemoUsers.PASSWORD);
		JsonNode board = Texts.json(api(DemoUsers.CITY_EDUCATION, "/api/v1/dashboard").body());
		JsonNode trend = board.get("trend");
		assertThat(trend.size()).isGreaterThanOrEqualTo(2);
		JsonNode today = trend.get(trend.size() - 1);
		assertThat(today.get("hazardsOpen").asLong()).isEqualTo(board.get("total").get("hazardsOpen").asLong());
		assertThat(today.get("complianceRate").asDouble())
			.isEqualTo(board.get("total").get("complianceRate").asDouble());
		String page = city.get("/dashboard").body();
		assertThat(page).contains("id=\"trend-chart\"").contains("30 天内最早快照的达标率");
		// a station's user sees part of a county: no county trend for them
		JsonNode station = Texts.json(api(DemoUsers.STATION_OFFICER, "/api/v1/dashboard").body());
		assertThat(station.get("trend")).isEmpty();
	}

	private WebSession.Page api(String username, String path) {
		return new WebSession(port).api("GET", path, username, DemoUsers.PASSWORD, null, java.util.Map.of());
	}

}
