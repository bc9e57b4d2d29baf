package cn.hxay.school;

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
 * The school page's status at a glance, over real HTTP for the demo school lead's school
 * read as the county education bureau: every figure equals what its link shows.
 */
@PlatformTest
class SchoolStatusTests {

	@LocalServerPort
	int port;

	@Test
	void everyFigureOnTheSchoolPageEqualsWhatItsLinkShows() {
		long schoolId = leadSchoolId(WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, DemoUsers.PASSWORD));
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD);
		String page = county.get("/schools/" + schoolId).body();

		Figure compliance = figure(page, "compliance");
		assertThat(compliance.href()).isEqualTo("/schools/" + schoolId + "/compliance");
		assertThat(Long.parseLong(Texts.find(county.get(compliance.href()).body(), "不合格 <span>(\\d+)</span>")))
			.isEqualTo(compliance.count());

		Figure devices = figure(page, "devices");
		assertThat(total(county.get(devices.href()).body())).isEqualTo(devices.count());
		assertThat(devices.value()).startsWith(devices.count() + " / ");

		Figure hazards = figure(page, "hazards");
		assertThat(total(county.get(hazards.href()).body())).isEqualTo(hazards.count());
		assertThat(hazards.value()).isEqualTo(hazards.count() + " 条");

		// a hazard raised for the school moves the figure and its list together
		county.get("/hazards/new?schoolId=" + schoolId);
		assertThat(county
			.postForm("/hazards",
					java.util.Map.of("schoolId", schoolId, "place", "状态一览-" + System.nanoTime(), "category", "PHYSICAL",
							"grade", "GENERAL", "description", "看台栏杆松动", "requirements", "加固栏杆", "responsibleUnit",
							"学校总务处", "responsiblePerson", "王建国"))
			.status()).isEqualTo(302);
		Figure more = figure(county.get("/schools/" + schoolId).body(), "hazards");
		assertThat(more.count()).isEqualTo(hazards.count() + 1);
		assertThat(total(county.get(more.href()).body())).isEqualTo(more.count());

		Figure inspection = figure(page, "inspection");
		if (inspection.href() != null) {
			String form = county.get(inspection.href()).body();
			assertThat(form).contains(inspection.value()).contains(Texts.find(page, "id=\"school-name\">([^<]+)<"));
		}
	}

	@Test
	void theSchoolLeadSeesItsOwnFigures() {
		WebSession lead = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, DemoUsers.PASSWORD);
		long schoolId = leadSchoolId(lead);
		String page = lead.get("/schools/" + schoolId).body();
		Figure hazards = figure(page, "hazards");
		assertThat(total(lead.get(hazards.href()).body())).isEqualTo(hazards.count());
	}

	record Figure(Long count, String value, String href) {
	}

	private static Figure figure(String page, String id) {
		Matcher m = Pattern
			.compile("id=\"status-" + id
					+ "\"(?: data-count=\"(\\d+)\")?>[\\s\\S]*?(?:href=\"([^\"]+)\"[^>]*>|<span[^>]*>)([^<]+)<")
			.matcher(page);
		assertThat(m.find()).as("figure " + id + " on the school page").isTrue();
		return new Figure(m.group(1) == null ? null : Long.valueOf(m.group(1)), m.group(3),
				m.group(2) == null ? null : m.group(2).replace("&amp;", "&"));
	}

	private static long leadSchoolId(WebSession lead) {
		return Long.parseLong(Texts.find(lead.get("/schools").body(), "href=\"/schools/(\\d+)\""));
	}

	private static long total(String body) {
		return Long.parseLong(Texts.find(body, "共 ([\\d,]+) 条").replace(",", ""));
	}

}
