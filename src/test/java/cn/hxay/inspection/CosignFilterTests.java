package cn.hxay.inspection;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.hxay.demo.DemoUsers;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.Texts;
import cn.hxay.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 待会签 filter of the campaign list over real HTTP: the count on the filter equals the
 * total of the list it opens, and each campaign's number of forms equals the campaign's
 * own 待派出所会签 list.
 */
@PlatformTest
class CosignFilterTests {

	private static final Pattern FORMS = Pattern.compile("<a class=\"cosign-forms\" href=\"([^\"]+)\">(\\d+) 份</a>");

	@LocalServerPort
	int port;

	@Test
	void stationOfficerCountsCampaignsWithFormsToCosignAndEachCountMatchesItsList() {
		WebSession station = WebSession.signedIn(port, DemoUsers.STATION_OFFICER, DemoUsers.PASSWORD);
		long before = shown(station);
		// a new campaign whose form the school lead saves as a draft: waiting for 会签
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD);
		java.time.LocalDate today = java.time.LocalDate.now(cn.hxay.shared.PlatformTime.ZONE);
		long campaign = InspectionFlowTests.launch(county, "会签筛选-" + System.nanoTime(), "320402", today,
				today.plusDays(30));
		long form = InspectionFlowTests.inspectionOfLead(port, campaign);
		WebSession school = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, DemoUsers.PASSWORD);
		String version = InspectionFlowTests.version(school.get("/inspections/" + form));
		school.postForm("/inspections/" + form,
				java.util.Map.of("version", version, "a[cameras]", "36", "action", "draft"));
		long shown = shown(station);
		assertThat(shown).as("the new campaign joins the filter").isEqualTo(before + 1);
		String filtered = station.get("/inspections?filter=cosign").body();
		assertThat(total(filtered)).as("the filter's count is its list's total").isEqualTo(shown);

		Matcher m = FORMS.matcher(filtered);
		int rows = 0;
		while (m.find()) {
			rows++;
			String list = station.get(m.group(1).replace("&amp;", "&")).body();
			assertThat(total(list)).as(m.group(1)).isEqualTo(Long.parseLong(m.group(2)));
			assertThat(list).contains("待派出所会签");
			String dashboard = station.get(m.group(1).replace("&amp;", "&").replaceAll("/schools\\?.*$", "")).body();
			assertThat(Long.parseLong(Texts.find(dashboard, "id=\"campaign-cosign-count\"[^>]*>(\\d+)<")))
				.as("the campaign page's 待会签 count")
				.isEqualTo(Long.parseLong(m.group(2)));
		}
		assertThat(rows).isEqualTo((int) Math.min(shown, 20));
	}

	@Test
	void aSchoolAccountSeesNoCosignFilter() {
		String page = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, DemoUsers.PASSWORD).get("/inspections").body();
		assertThat(page).doesNotContain("id=\"filter-cosign\"");
	}

	private static long shown(WebSession session) {
		return Long.parseLong(Texts.find(session.get("/inspections").body(), "id=\"cosign-count\"[^>]*>(\\d+)<"));
	}

	private static long total(String body) {
		return Long.parseLong(Texts.find(body, "共 ([\\d,]+) 条").replace(",", ""));
	}

}
