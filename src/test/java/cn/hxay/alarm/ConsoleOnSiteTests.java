package cn.hxay.alarm;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import cn.hxay.demo.DemoUsers;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;

import cn.hxay.shared.PlatformTime;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.hxay.alarm.TestDevices.PW;
import static cn.hxay.support.Texts.find;
import static cn.hxay.support.Texts.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console beside the officers on the ground, over real HTTP: the alarm's panel lists
 * who is checked in at the school's 护学岗 right now, and the dispatched officer reports 到场
 * from the phone page.
 */
@PlatformTest
class ConsoleOnSiteTests {

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	private static long count(String body, String table, String name) {
		String tbody = find(body, "(?s)id=\"" + table + "\"><tbody>(.*?)</tbody>");
		java.util.regex.Matcher row = java.util.regex.Pattern
			.compile("<tr data-value=\"(\\d+)\"><td>" + name + "</td><td class=\"text-end\">(\\d+)</td>")
			.matcher(tbody);
		if (!row.find()) {
			return 0;
		}
		assertThat(row.group(1)).as("the chart's figure is the table's").isEqualTo(row.group(2));
		return Long.parseLong(row.group(1));
	}

	static long raise(int port) {
		TestDevices.Registered device = TestDevices.register(WebSession.signedIn(port, "tianning.edu", PW),
				TestDevices.code("134"), TestDevices.qinglongSchool(port)[0], "ONE_KEY_ALARM", "门卫室");
		Page page = new WebSession(port).api("POST", "/api/v1/devices/" + device.code() + "/alarms", null, null,
				"{\"eventId\":\"" + UUID.randomUUID() + "\",\"code\":\"one_key\"}",
				Map.of("X-Device-Token", device.token()));
		assertThat(page.status()).as(page.body()).isEqualTo(201);
		return Long.parseLong(find(page.body(), "\"alarmId\":(\\d+)"));
	}

	static int version(Page detail) {
		return Integer.parseInt(find(detail.body(), "data-version=\"(\\d+)\""));
	}

	/** 接警 and 派警 to the school's own station (the one pre-selected) naming a 辅警. */
	static void dispatch(WebSession officer, long id) {
		Page ack = officer.postForm("/console/alarms/" + id + "/acknowledge",
				Map.of("version", version(officer.get("/console/alarms/" + id))));
		assertThat(ack.body()).contains("已接警");
		String station = find(ack.body(), "<option value=\"(\\d+)\" selected");
		Page sent = officer.postForm("/console/alarms/" + id + "/dispatch",
				Map.of("version", version(ack), "stationId", station, "officers", "到场辅警"));
		assertThat(sent.body()).as(sent.body()).contains("已派警");
	}

	@Test
	void theAlarmPanelListsWhoIsCheckedInAtTheSchoolsGatesNow() {
		long id = raise(port);
		String school = TestDevices.qinglongSchool(port)[1];
		String gate = "北门" + UUID.randomUUID().toString().substring(0, 4);
		WebSession officer = WebSession.signedIn(port, DemoUsers.STATION_OFFICER, PW);
		String before = officer.get("/console/alarms/" + id).body();
		assertThat(before).contains("id=\"on-duty\"").doesNotContain("岗中民警甲");

		Page post = new WebSession(port).api("POST", "/api/v1/duty-posts", DemoUsers.STATION_OFFICER, PW,
				"{\"schoolId\":%s,\"gate\":\"%s\"}".formatted(school, gate), Map.of());
		assertThat(post.status()).as(post.body()).isEqualTo(201);
		long postId = json(post.body()).get("id").asLong();
		Page in = new WebSession(port).api("POST", "/api/v1/duty-posts/" + postId + "/check-ins",
				DemoUsers.STATION_OFFICER, PW,
				"{\"officerName\":\"岗中民警甲\",\"officerKind\":\"POLICE\",\"place\":\"校门东侧\",\"carPresent\":true}",
				Map.of());
		assertThat(in.status()).as(in.body()).isEqualTo(201);

		String panel = officer.get("/console/alarms/" + id).body();
		String line = find(panel, "(?s)<li class=\"on-duty-officer\">((?:(?!</li>).)*岗中民警甲(?:(?!</li>).)*)</li>");
		assertThat(line).contains("民警").contains(gate).contains("有警车").contains("校门东侧").contains(" 起");

		// the same panel for the county's dispatcher; the console stays police-only
		assertThat(WebSession.signedIn(port, DemoUsers.COUNTY_POLICE, PW).get("/console/alarms/" + id).body())
			.contains("岗中民警甲");
		WebSession education = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		assertThat(education.get("/console").status()).isEqualTo(403);
		assertThat(education.get("/console/alarms/" + id).status()).isEqualTo(403);
	}

	@Test
	void theDispatchedOfficerReportsArrivalFromThePhonePage() {
		long id = raise(port);
		WebSession officer = WebSession.signedIn(port, DemoUsers.STATION_OFFICER, PW);
		assertThat(officer.get("/console/on-site").body()).as("not yet dispatched")
			.doesNotContain("data-alarm-id=\"" + id + "\"");
		dispatch(officer, id);
		int version = version(officer.get("/console/alarms/" + id));

		Page list = officer.get("/console/on-site");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("data-alarm-id=\"" + id + "\"").contains("到场辅警");

		// the read-only role and other units cannot report it
		assertThat(WebSession.signedIn(port, DemoUsers.INSPECTOR, PW)
			.postForm("/console/on-site/" + id + "/arrive", Map.of("version", version))
			.status()).isEqualTo(403);
		assertThat(WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW).get("/console/on-site").status())
			.isEqualTo(403);
		// a stale version changes nothing and says why
		Page stale = officer
			.follow(officer.postForm("/console/on-site/" + id + "/arrive", Map.of("version", version + 5)));
		assertThat(stale.body()).contains("已被他人处理").contains("data-alarm-id=\"" + id + "\"");

		Page done = officer.postForm("/console/on-site/" + id + "/arrive", Map.of("version", version));
		assertThat(done.status()).isEqualTo(302);
		Page after = officer.follow(done);
		assertThat(after.body()).contains("已登记到场").doesNotContain("data-alarm-id=\"" + id + "\"");
		Page detail = officer.get("/console/alarms/" + id);
		assertThat(detail.body()).contains("已到场");
		assertThat(version(detail)).isEqualTo(version + 1);
	}

	@Test
	void statisticsCountTheChosenDaysOfThePlatformClockAndFeedTheCharts() {
		LocalDate today = PlatformTime.today(clock);
		String day = PlatformTime.DATE.format(today);
		WebSession officer = WebSession.signedIn(port, DemoUsers.STATION_OFFICER, PW);
		String todayPath = "/alarms/statistics?from=" + day + "&to=" + day;
		long before = count(officer.get(todayPath).body(), "by-type", "一键报警");
		raise(port);
		Page page = officer.get(todayPath);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("报警统计（" + day + " 至 " + day + "）")
			.contains("id=\"chart-by-type\"")
			.contains("id=\"chart-by-outcome\"")
			.contains("/js/alarm-statistics.js")
			.doesNotContain("id=\"range-error\"");
		assertThat(count(page.body(), "by-type", "一键报警")).isEqualTo(before + 1);

		// a past month holds none of today's alarms
		String past = officer
			.get("/alarms/statistics?from=" + PlatformTime.DATE.format(today.minusYears(3)) + "&to="
					+ PlatformTime.DATE.format(today.minusYears(3).plusDays(30)))
			.body();
		assertThat(count(past, "by-type", "一键报警")).isZero();

		// bad ranges are said on the page, the typed values kept
		Page bad = officer.get("/alarms/statistics?from=abc&to=" + day);
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("日期格式应为").contains("value=\"abc\"");
		assertThat(officer.get("/alarms/statistics?from=" + day + "&to=" + PlatformTime.DATE.format(today.minusDays(1)))
			.body()).contains("开始日期不能晚于结束日期");
		assertThat(
				officer.get("/alarms/statistics?from=" + PlatformTime.DATE.format(today.minusDays(400)) + "&to=" + day)
					.body())
			.contains("统计区间最长 366 天");
		assertThat(WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW).get(todayPath).status()).isEqualTo(403);
	}

}
