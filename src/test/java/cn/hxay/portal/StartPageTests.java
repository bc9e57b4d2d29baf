package cn.hxay.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.hxay.alarm.TestDevices;
import cn.hxay.demo.DemoUsers;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.Texts;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role's start page over real HTTP: every to-do tile's count equals the total of the
 * list its link opens (followed with the same session), the tiles fit the role, and the
 * navigation marks the current page.
 */
@PlatformTest
class StartPageTests {

	private static final Pattern TILE = Pattern.compile("<a class=\"card todo-tile[^>]*>");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	record Tile(String id, String href, Long count) {

	}

	@Test
	void countyEducationTilesCountExactlyTheListsTheyOpen() {
		Map<String, Tile> tiles = checkedTiles(DemoUsers.COUNTY_EDUCATION);
		assertThat(tiles).containsKeys("accept", "missed", "overdue", "supervised", "hazard-review", "warnings-unread",
				"drill-overdue-schools", "bus-expiring", "bus-expired", "plan-review-overdue");
		// (how many forms wait depends on which tests accepted forms before: the count is
		// checked against its list above)
		assertThat(tiles.get("accept").count()).isNotNull();
	}

	@Test
	void cityEducationTilesCountExactlyTheListsTheyOpen() {
		Map<String, Tile> tiles = checkedTiles(DemoUsers.CITY_EDUCATION);
		assertThat(tiles).containsKeys("accept", "missed", "overdue", "supervised", "hazard-review", "warnings-unread",
				"drill-overdue-schools", "bus-expiring", "bus-expired", "plan-review-overdue");
		long county = checkedTiles(DemoUsers.COUNTY_EDUCATION).get("accept").count();
		assertThat(tiles.get("accept").count()).as("the city sees at least its county's forms")
			.isGreaterThanOrEqualTo(county);
	}

	@Test
	void inspectorSeesTheCityTilesWithoutWriteButtons() {
		Map<String, Tile> tiles = checkedTiles(DemoUsers.INSPECTOR);
		assertThat(tiles).containsKeys("accept", "missed", "overdue", "supervised");
		String home = WebSession.signedIn(port, DemoUsers.INSPECTOR, DemoUsers.PASSWORD).get("/").body();
		assertThat(home).contains("督导员").doesNotContain("<button class=\"btn btn-primary").doesNotContain("/new\"");
	}

	@Test
	void stationOfficerTilesCountFormsToCosignOpenAlarmsAndLongOutages() {
		Map<String, Tile> tiles = checkedTiles(DemoUsers.STATION_OFFICER);
		assertThat(tiles).containsKeys("cosign", "alarms", "outages", "overdue", "supervised", "drill-overdue-schools",
				"bus-expiring", "bus-expired", "plan-review-overdue");
		assertThat(tiles.get("cosign").href()).contains("state=COSIGN");
		assertThat(tiles.get("alarms").href()).endsWith("/console");
		assertThat(tiles.get("outages").href()).endsWith("/devices/rates#outages");
	}

	@Test
	void countyPoliceTilesCountExactlyTheListsTheyOpen() {
		Map<String, Tile> tiles = checkedTiles(DemoUsers.COUNTY_POLICE);
		assertThat(tiles).containsKeys("cosign", "alarms", "outages", "overdue", "supervised", "drill-overdue-schools",
				"bus-expiring", "bus-expired", "plan-review-overdue");
	}

	@Test
	void theLongOutageTileCountsEveryOutagePastTheRepairLimitAndItsListPagesThemAll() {
		// 120 cameras of a 青龙 school offline for 30 hours: more than a page of the list
		TestDevices.Registered camera = TestDevices.register(WebSession.signedIn(port, "tianning.edu", TestDevices.PW),
				TestDevices.code("132"), TestDevices.qinglongSchool(port)[0], "CAMERA", "长时离线测试");
		List<String> codes = new ArrayList<>();
		for (int i = 1; i < 120; i++) {
			codes.add(TestDevices.code("132"));
		}
		String columns = jdbc.sql("""
				select string_agg(column_name, ', ') from information_schema.columns
				where table_name = 'device' and column_name not in ('id', 'code') and is_generated = 'NEVER'""")
			.query(String.class)
			.single();
		List<Long> ids = new ArrayList<>(jdbc
			.sql("insert into device (code, " + columns + ") select c, " + columns
					+ " from device, unnest(cast(? as text[])) c where id = ? returning id")
			.params("{" + String.join(",", codes) + "}", camera.id())
			.query(Long.class)
			.list());
		ids.add(camera.id());
		try {
			for (long id : ids) {
				jdbc.sql("insert into device_status (device_id) values (?) on conflict do nothing").param(id).update();
				jdbc.sql("""
						insert into device_outage (device_id, started_at, detected_at)
						values (?, now() - interval '30 hours', now() - interval '30 hours')""").param(id).update();
			}
			for (String police : List.of(DemoUsers.CITY_POLICE, DemoUsers.COUNTY_POLICE)) {
				// (checkedTiles follows the link through every page of the list)
				assertThat(checkedTiles(police).get("outages").count()).as("%s counts all 120", police)
					.isGreaterThanOrEqualTo(120);
			}
		}
		finally {
			// their status and outages go with them
			jdbc.sql("delete from device where id = any(cast(? as bigint[]))")
				.param("{" + ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")) + "}")
				.update();
		}
	}

	@Test
	void schoolLeadSeesOnlyThisSchoolWithOneTapToItsFormHazardsPostureAndFailings() {
		Map<String, Tile> tiles = checkedTiles(DemoUsers.SCHOOL_LEAD);
		assertThat(tiles).containsKeys("form", "pending", "rectifying", "failing", "posture", "warnings-unread",
				"drills-overdue", "bus-expiring", "bus-expired", "plan-review-overdue");
		assertThat(tiles.get("form").href()).matches(".*/inspections/\\d+");
		assertThat(tiles.get("posture").href()).matches(".*/schools/\\d+/posture");
		String home = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, DemoUsers.PASSWORD).get("/").body();
		assertThat(home).contains("本校").doesNotContain("管辖学校").doesNotContain("按县(区)").doesNotContain("各县(区)");
	}

	@Test
	void navigationMarksTheCurrentPageOnly() {
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD);
		assertThat(current(county.get("/").body())).containsOnly("/");
		assertThat(current(county.get("/hazards?overdue=true").body())).containsOnly("/hazards");
		assertThat(current(county.get("/devices/rates").body())).as("the longer link wins")
			.containsOnly("/devices/rates");
		assertThat(current(county.get("/devices").body())).containsOnly("/devices");
		assertThat(county.get("/").body()).as("API documentation is for administrators").doesNotContain("接口文档");
		WebSession admin = WebSession.signedIn(port, DemoUsers.ADMIN, DemoUsers.PASSWORD);
		String users = admin.get("/admin/users").body();
		assertThat(users).contains("接口文档");
		assertThat(current(users)).containsOnly("/admin/users");
	}

	/** The links marked as the current page (side and phone navigation), by path. */
	private List<String> current(String body) {
		List<String> marked = new ArrayList<>();
		Matcher m = Pattern.compile("<a [^>]*href=\"([^\"]*)\"[^>]*aria-current=\"page\"").matcher(body);
		while (m.find()) {
			assertThat(m.group(0)).contains("active");
			marked.add(m.group(1));
		}
		assertThat(marked).as("the side (and, where it has the link, the phone) navigation marks it").isNotEmpty();
		return marked;
	}

	/**
	 * Signs in, reads the tiles and follows each link, comparing its count with the list.
	 */
	private Map<String, Tile> checkedTiles(String username) {
		WebSession session = WebSession.signedIn(port, username, DemoUsers.PASSWORD);
		Page home = session.get("/");
		assertThat(home.status()).isEqualTo(200);
		Map<String, Tile> tiles = new LinkedHashMap<>();
		Matcher m = TILE.matcher(home.body());
		while (m.find()) {
			String tag = m.group();
			String id = Texts.find(tag, " id=\"tile-([a-z-]+)\"");
			String href = Texts.find(tag, " href=\"([^\"]+)\"").replace("&amp;", "&");
			Matcher count = Pattern.compile(" data-count=\"(\\d+)\"").matcher(tag);
			tiles.put(id, new Tile(id, href, count.find() ? Long.valueOf(count.group(1)) : null));
		}
		assertThat(tiles).as("tiles on %s's start page", username).isNotEmpty();
		for (Tile tile : tiles.values()) {
			Page list = session.get(tile.href().replaceFirst("#.*", ""));
			assertThat(list.status()).as("%s opens %s", tile.id(), tile.href()).isEqualTo(200);
			if (tile.count() != null) {
				assertThat(listTotal(session, tile.href(), list.body()))
					.as("%s: %s for %s", tile.id(), tile.href(), username)
					.isEqualTo(tile.count());
			}
		}
		return tiles;
	}

	/** How many the opened list shows, read the way a person would read that list. */
	private long listTotal(WebSession session, String href, String body) {
		if (href.endsWith("/console")) {
			return Texts.json(session.get("/console/queue").body()).size();
		}
		if (href.endsWith("/devices/rates#outages")) {
			// a page of 100 at a time, longest first: every page, followed by its 下一页
			// link
			long total = 0;
			String page = body;
			while (true) {
				total += occurrences(section(page, "id=\"outages\""), "超过 24 小时未修复");
				Matcher next = Pattern.compile("<a rel=\"next\"[^>]* href=\"([^\"#]+)").matcher(page);
				if (!next.find()) {
					return total;
				}
				page = session.get(next.group(1).replace("&amp;", "&")).body();
			}
		}
		if (href.matches(".*/schools/\\d+/compliance")) {
			return occurrences(section(body, "id=\"findings\""), "<tr class=\"table-danger\"");
		}
		return Long.parseLong(Texts.find(body, "共 ([\\d,]+) 条").replace(",", ""));
	}

	private static String section(String body, String marker) {
		int start = body.indexOf(marker);
		assertThat(start).as(marker).isNotNegative();
		return body.substring(start, body.indexOf("</table>", start));
	}

	private static long occurrences(String text, String what) {
		return (text.length() - text.replace(what, "").length()) / what.length();
	}

}
