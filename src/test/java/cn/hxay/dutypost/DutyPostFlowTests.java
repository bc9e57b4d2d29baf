package cn.hxay.dutypost;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

import cn.hxay.demo.DemoUsers;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.shared.PlatformTime;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.support.Texts.find;
import static cn.hxay.support.Texts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * 护学岗 through the real stack: a station sets up a post and the school's bell, the gap job
 * (with a shifted clock) flags the unstaffed post once before the bell and queues the
 * webhook, two officers with a car check in and the peak counts as met, a check-out makes
 * it short, a day without check-ins is a gap; coverage figures equal their lists; another
 * station's officer and other counties get 404; schools keep their bells; police links.
 */
@PlatformTest
class DutyPostFlowTests {

	private static final String PW = DemoUsers.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DutyPostGapJob job;

	@Autowired
	DutyPosts posts;

	@Autowired
	Organisations organisations;

	private Page api(String method, String path, String user, String body) {
		return new WebSession(port).api(method, path, user, PW, body, Map.of());
	}

	/** A 青龙派出所 school the demo gave no post, and a new post at it. */
	private long[] newPost(String gate) {
		JsonNode schools = json(api("GET", "/api/v1/schools?size=100", DemoUsers.STATION_OFFICER, null).body())
			.get("items");
		long school = schools.get(schools.size() - 1).get("id").asLong();
		Page created = api("POST", "/api/v1/duty-posts", DemoUsers.STATION_OFFICER,
				"{\"schoolId\":%d,\"gate\":\"%s\"}".formatted(school, gate));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new long[] { school, json(created.body()).get("id").asLong() };
	}

	@Test
	void theGapIsFlaggedOnceBeforeTheBellAndCoverageFollowsTheCheckIns() {
		Instant now = clock.instant();
		LocalDateTime bell = PlatformTime.local(now.plus(Duration.ofMinutes(20))).truncatedTo(ChronoUnit.MINUTES);
		LocalDate day = bell.toLocalDate();
		assumeTrue(day.equals(PlatformTime.today(clock)), "the bell would ring after midnight");
		long[] ids = newPost("北门-" + System.nanoTime() % 100000);
		long school = ids[0];
		long post = ids[1];
		Page bells = api("PUT", "/api/v1/duty-posts/schools/" + school + "/bells", DemoUsers.STATION_OFFICER,
				"{\"bells\":[{\"kind\":\"ARRIVAL\",\"label\":\"全校\",\"at\":\"%s\",\"weekdays\":\"1234567\"}]}"
					.formatted(bell.toLocalTime()));
		assertThat(bells.status()).as(bells.body()).isEqualTo(200);
		Instant bellAt = bell.atZone(PlatformTime.ZONE).toInstant();

		// a webhook for SMS subscribes to gaps
		WebSession admin = WebSession.signedIn(port, DemoUsers.ADMIN, PW);
		admin.get("/admin/webhooks");
		assertThat(admin
			.postForm("/admin/webhooks",
					Map.of("name", "护学岗短信-" + post, "url", "http://127.0.0.1:9/sms", "types", "DUTYPOST_GAP"))
			.status()).isEqualTo(302);

		// shifted clock: 15 minutes before the bell nothing, 5 minutes before a gap, once
		job.run(Clock.fixed(bellAt.minus(Duration.ofMinutes(15)), PlatformTime.ZONE));
		assertThat(gapsOf(post, day)).isZero();
		job.run(Clock.fixed(bellAt.minus(Duration.ofMinutes(5)), PlatformTime.ZONE));
		job.run(Clock.fixed(bellAt.minus(Duration.ofMinutes(4)), PlatformTime.ZONE));
		assertThat(gapsOf(post, day)).isEqualTo(1);
		assertThat(
				jdbc.sql("select count(*) from webhook_delivery where event_type = 'dutypost.gap' and payload like :p")
					.param("p", "%\"postId\":" + post + ",%")
					.query(Long.class)
					.single())
			.as("the station's SMS webhook, once")
			.isEqualTo(1);
		// the station sees it on its start page tile and the gap list (the same query)
		WebSession officer = WebSession.signedIn(port, DemoUsers.STATION_OFFICER, PW);
		String home = officer.get("/").body();
		assertThat(home).contains("今日护学岗缺岗");
		long tile = Long.parseLong(find(home, "id=\"tile-dutypost-gaps\"[^>]*data-count=\"(\\d+)\""));
		String list = officer.get("/duty-posts/gaps?day=" + day + "&open=true").body();
		assertThat(list).contains("data-post-id=\"" + post + "\"");
		assertThat(Long.parseLong(find(list, "共 (\\d+) 条"))).isEqualTo(tile);
		assertThat(api("GET", "/api/v1/duty-posts/gaps?day=" + day, DemoUsers.COUNTY_EDUCATION, null).status())
			.as("gaps are police data")
			.isEqualTo(403);

		// the station's roster of the day lists the post, short of two officers until
		// rostered
		Page planned = api("POST", "/api/v1/duty-posts/" + post + "/rosters", DemoUsers.STATION_OFFICER,
				"{\"day\":\"%s\",\"period\":\"ARRIVAL\",\"officerName\":\"测试民警\",\"officerKind\":\"POLICE\"}"
					.formatted(day));
		assertThat(planned.status()).as(planned.body()).isEqualTo(201);
		String roster = officer.get("/duty-posts/roster?day=" + day).body();
		assertThat(roster).contains("data-post-id=\"" + post + "\"").contains("民警 测试民警").contains("不足 2 人");
		JsonNode rosters = json(
				api("GET", "/api/v1/duty-posts/rosters?day=" + day, DemoUsers.COUNTY_POLICE, null).body());
		assertThat(rosters.findValuesAsString("officerName")).contains("测试民警");
		assertThat(api("GET", "/api/v1/duty-posts/rosters", DemoUsers.COUNTY_EDUCATION, null).status())
			.as("rosters are police data")
			.isEqualTo(403);

		// two officers check in now with a car (one typed place, one coordinates)
		Page a = api("POST", "/api/v1/duty-posts/" + post + "/check-ins", DemoUsers.STATION_OFFICER,
				"{\"officerName\":\"测试民警\",\"officerKind\":\"POLICE\",\"place\":\"北门东侧\",\"carPresent\":true}");
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		Page b = api("POST", "/api/v1/duty-posts/" + post + "/check-ins", DemoUsers.STATION_OFFICER,
				"{\"officerName\":\"测试辅警\",\"officerKind\":\"AUXILIARY\",\"latitude\":31.78,\"longitude\":119.97,\"accuracy\":12}");
		assertThat(b.status()).as(b.body()).isEqualTo(201);
		assertThat(json(b.body()).get("checkedInAt").asString()).startsWith(PlatformTime.DATE.format(now));
		assertThat(api("POST", "/api/v1/duty-posts/" + post + "/check-ins", DemoUsers.STATION_OFFICER,
				"{\"officerName\":\"测试辅警\",\"officerKind\":\"AUXILIARY\",\"place\":\"北门\"}")
			.status()).as("no second check-in while on duty").isEqualTo(409);
		assertThat(api("POST", "/api/v1/duty-posts/" + post + "/check-ins", DemoUsers.STATION_OFFICER,
				"{\"officerName\":\"无位置\"}")
			.status()).as("a check-in needs a position or a typed place").isEqualTo(400);
		assertThat(gapsOf(post, day, true)).as("covered by the check-in").isZero();
		// on duty now, for the console
		JsonNode onDuty = json(
				api("GET", "/api/v1/duty-posts/on-duty?schoolId=" + school, DemoUsers.STATION_OFFICER, null).body());
		assertThat(onDuty.findValuesAsString("officerName")).contains("测试民警", "测试辅警");

		// coverage: now the bell has not rung; at the bell (shifted clock) the peak is
		// met
		JsonNode current = json(
				api("GET", "/api/v1/duty-posts/coverage?postId=" + post, DemoUsers.COUNTY_POLICE, null).body());
		assertThat(current.get("peaks").get(0).get("status").asString()).isEqualTo("PENDING");
		CurrentUser station = stationOfficer();
		DataScope scope = scopeOf(DemoUsers.STATION_OFFICER);
		DutyPosts.PeakFilter only = new DutyPosts.PeakFilter(null, null, null, post);
		Peak met = posts.peaks(station, scope, day, bellAt.plusSeconds(60), only).get(0);
		assertThat(met.status()).isEqualTo(PeakStatus.MET);
		assertThat(met.present()).isEqualTo(2);
		assertThat(met.car()).isTrue();
		assertThat(met.officers()).containsExactlyInAnyOrder("民警 测试民警", "辅警 测试辅警");

		// one officer checks out before the bell: short-staffed at the bell
		long first = json(a.body()).get("id").asLong();
		Page out = api("POST", "/api/v1/duty-posts/check-ins/" + first + "/check-out", DemoUsers.STATION_OFFICER,
				"{\"place\":\"北门\"}");
		assertThat(out.status()).as(out.body()).isEqualTo(200);
		assertThat(posts.peaks(station, scope, day, bellAt.plusSeconds(60), only).get(0).status())
			.isEqualTo(PeakStatus.SHORT);
		// a week later nobody checked in: a gap once the bell has rung, pending before
		LocalDate later = day.plusDays(7);
		Instant laterBell = later.atTime(bell.toLocalTime()).atZone(PlatformTime.ZONE).toInstant();
		assertThat(posts.peaks(station, scope, later, laterBell.minusSeconds(60), only).get(0).status())
			.isEqualTo(PeakStatus.PENDING);
		assertThat(posts.peaks(station, scope, later, laterBell.plusSeconds(60), only).get(0).status())
			.isEqualTo(PeakStatus.GAP);
		Coverage week = posts.coverage(station, scope, later, laterBell.plusSeconds(60));
		CoverageLine line = week.posts()
			.stream()
			.filter(l -> l.key().equals("postId=" + post))
			.findFirst()
			.orElseThrow();
		assertThat(line.gaps()).isEqualTo(1);
		assertThat(line.rate()).isZero();
	}

	@Test
	void everyCoverageFigureEqualsTheListItOpensAndEducationSeesNoNames() {
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_POLICE, PW);
		String page = county.get("/duty-posts/coverage").body();
		int checked = 0;
		java.util.regex.Matcher m = java.util.regex.Pattern
			.compile("<a href=\"([^\"]*coverage/peaks[^\"]*)\" class=\"n-[a-z]+[^\"]*\">(\\d+)</a>")
			.matcher(page);
		while (m.find() && checked < 40) {
			String list = county.get(m.group(1).replace("&amp;", "&")).body();
			assertThat(Long.parseLong(find(list, "共 <span id=\"peak-count\">(\\d+)</span> 条"))).as(m.group(1))
				.isEqualTo(Long.parseLong(m.group(2)));
			checked++;
		}
		assertThat(checked).as("figures on the page").isGreaterThan(5);
		// the demo station's posts have check-ins; officers' names are police data
		String police = api("GET", "/api/v1/duty-posts/coverage", DemoUsers.STATION_OFFICER, null).body();
		String education = api("GET", "/api/v1/duty-posts/coverage", DemoUsers.COUNTY_EDUCATION, null).body();
		assertThat(json(education).get("total").get("peaks").asInt()).isPositive();
		assertThat(education).doesNotContain("王建国").doesNotContain("李明");
		assertThat(api("GET", "/api/v1/duty-posts/coverage", DemoUsers.SCHOOL_LEAD, null).status()).isEqualTo(403);
		Page excel = county.get("/duty-posts/coverage.xlsx");
		assertThat(excel.status()).isEqualTo(200);
		assertThat(excel.header("Content-Type")).contains("spreadsheetml");
		assertThat(police).contains("\"peaks\"");
	}

	@Test
	void anotherStationsOfficerAndOtherCountiesGetNotFound() {
		long post = newPost("西门-" + System.nanoTime() % 100000)[1];
		assertThat(api("GET", "/api/v1/duty-posts/" + post, DemoUsers.COUNTY_POLICE, null).status()).isEqualTo(200);
		assertThat(api("GET", "/api/v1/duty-posts/" + post, DemoUsers.OTHER_COUNTY_EDUCATION, null).status())
			.isEqualTo(404);
		// an officer of another 天宁区 station
		long other = jdbc.sql("""
				select o.id from organisation o where o.kind = 'POLICE_STATION' and o.region_code = '320402'
				  and o.name <> '青龙派出所' order by o.id limit 1""").query(Long.class).single();
		String username = "other.station." + System.nanoTime() % 100000;
		WebSession admin = WebSession.signedIn(port, DemoUsers.ADMIN, PW);
		admin.get("/admin/users/new");
		Page made = admin.postForm("/admin/users/new", Map.of("username", username, "displayName", "他所民警",
				"organisationId", other, "roles", "STATION_OFFICER", "password", "Given@2026x"));
		assertThat(made.status()).as(made.body()).isEqualTo(302);
		// an account an administrator opened: its holder first sets their own password
		WebSession.signedInChangingFirstPassword(port, username, "Given@2026x", "Other@2026x");
		WebSession them = new WebSession(port);
		assertThat(them.api("GET", "/api/v1/duty-posts/" + post, username, "Other@2026x", null, Map.of()).status())
			.isEqualTo(404);
		assertThat(them
			.api("POST", "/api/v1/duty-posts/" + post + "/check-ins", username, "Other@2026x", "{\"place\":\"西门\"}",
					Map.of())
			.status()).isEqualTo(404);
		assertThat(them.api("GET", "/api/v1/duty-posts/" + post + "/check-ins", username, "Other@2026x", null, Map.of())
			.status()).isEqualTo(404);
		WebSession page = WebSession.signedIn(port, username, "Other@2026x");
		assertThat(page.get("/duty-posts/" + post).status()).isEqualTo(404);
		assertThat(page.get("/duty-posts").body()).doesNotContain("data-post-id=\"" + post + "\"");
	}

	@Test
	void theSchoolKeepsItsOwnBellsAndEducationWritesNothing() {
		long school = Long
			.parseLong(find(api("GET", "/api/v1/schools", DemoUsers.SCHOOL_LEAD, null).body(), "\"id\":(\\d+)"));
		WebSession lead = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, PW);
		lead.get("/duty-posts/schools/" + school + "/bells");
		Page bad = lead.postForm("/duty-posts/schools/" + school + "/bells",
				Map.of("kind", "ARRIVAL", "at", "25:99", "label", "全校", "weekdays", "12345"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("时间格式为 HH:mm").contains("value=\"全校\"");
		Page ok = lead.postForm("/duty-posts/schools/" + school + "/bells",
				Map.of("kind", "ARRIVAL", "at", "07:35", "label", "一二年级", "weekdays", "12345"));
		assertThat(ok.status()).isEqualTo(302);
		assertThat(
				api("GET", "/api/v1/duty-posts/schools/" + school + "/bells", DemoUsers.COUNTY_EDUCATION, null).body())
			.contains("07:35")
			.contains("一二年级");
		assertThat(api("POST", "/api/v1/duty-posts", DemoUsers.COUNTY_EDUCATION,
				"{\"schoolId\":%d,\"gate\":\"南门\"}".formatted(school))
			.status()).isEqualTo(403);
		assertThat(api("PUT", "/api/v1/duty-posts/schools/" + school + "/bells", DemoUsers.COUNTY_EDUCATION,
				"{\"bells\":[{\"kind\":\"ARRIVAL\",\"label\":\"全校\",\"at\":\"08:00\",\"weekdays\":\"12345\"}]}")
			.status()).isEqualTo(403);
	}

	@Test
	void policeLinksCoverageListsTheSchoolsLackingEach() {
		JsonNode coverage = json(api("GET", "/api/v1/duty-posts/liaisons", DemoUsers.COUNTY_POLICE, null).body());
		JsonNode total = coverage.get("total").get(0);
		int schools = total.get("schools").asInt();
		int withLegal = total.get("withLegal").asInt();
		JsonNode lacking = json(
				api("GET", "/api/v1/duty-posts/liaisons/schools?lack=LEGAL", DemoUsers.COUNTY_POLICE, null).body());
		assertThat(lacking.size()).isEqualTo(schools - withLegal);
		long school = lacking.get(0).get("schoolId").asLong();
		Page saved = api("PUT", "/api/v1/duty-posts/schools/" + school + "/liaison", DemoUsers.COUNTY_POLICE,
				"{\"vicePrincipal\":\"周法官\",\"liaisonOfficer\":\"吴警官\",\"liaisonPhone\":\"0519-1234567\",\"policeRoom\":\"SECURITY_BOOTH\"}");
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		JsonNode after = json(api("GET", "/api/v1/duty-posts/liaisons", DemoUsers.COUNTY_POLICE, null).body())
			.get("total")
			.get(0);
		assertThat(after.get("withLegal").asInt()).isEqualTo(withLegal + 1);
		assertThat(api("PUT", "/api/v1/duty-posts/schools/" + school + "/liaison", DemoUsers.COUNTY_EDUCATION,
				"{\"vicePrincipal\":\"x\"}")
			.status()).isEqualTo(403);
		assertThat(api("GET", "/api/v1/duty-posts/liaisons", DemoUsers.COUNTY_EDUCATION, null).status()).isEqualTo(200);
	}

	private long gapsOf(long post, LocalDate day) {
		return gapsOf(post, day, false);
	}

	private long gapsOf(long post, LocalDate day, boolean open) {
		JsonNode gaps = json(
				api("GET", "/api/v1/duty-posts/gaps?day=" + day + "&open=" + open, DemoUsers.STATION_OFFICER, null)
					.body());
		long n = 0;
		for (JsonNode g : gaps) {
			n += g.get("postId").asLong() == post ? 1 : 0;
		}
		return n;
	}

	private CurrentUser stationOfficer() {
		long unit = jdbc.sql("select organisation_id from user_account where username = :u")
			.param("u", DemoUsers.STATION_OFFICER)
			.query(Long.class)
			.single();
		return new CurrentUser(0, DemoUsers.STATION_OFFICER, "青龙派出所社区民警", unit, Set.of(Role.STATION_OFFICER));
	}

	private DataScope scopeOf(String username) {
		return organisations.scopeOf(stationOfficer().organisationId(), false);
	}

}
