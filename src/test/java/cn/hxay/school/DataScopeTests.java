package cn.hxay.school;

import java.util.Map;

import cn.hxay.demo.DemoUsers;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every demo role sees exactly its own part of the city, on pages and in the API.
 */
@PlatformTest
class DataScopeTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCountyUserAskingForAnotherCountysSchoolGetsNotFoundOnPageAndApi() {
		long wujinSchool = firstSchool("region_code = '320412'");
		WebSession browser = signedIn(DemoUsers.COUNTY_EDUCATION);
		Page page = browser.get("/schools/" + wujinSchool);
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.body()).contains("不在您的管辖范围内");
		assertThat(browser.get("/schools/" + wujinSchool + "/edit").status()).isEqualTo(404);
		Page api = browser.api("GET", "/api/v1/schools/" + wujinSchool, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD,
				null, Map.of());
		assertThat(api.status()).isEqualTo(404);
		assertThat(api.body()).contains("不在您的管辖范围内");
		assertThat(browser
			.api("GET", "/api/v1/schools/" + wujinSchool, DemoUsers.OTHER_COUNTY_EDUCATION, DemoUsers.PASSWORD, null,
					Map.of())
			.status()).isEqualTo(200);
	}

	@Test
	void aSchoolUserSeesOnlyTheirOwnSchool() {
		long own = jdbc.sql("""
				select s.id from school s join user_account u on u.organisation_id = s.organisation_id
				where u.username = ?""").param(DemoUsers.SCHOOL_LEAD).query(Long.class).single();
		WebSession browser = signedIn(DemoUsers.SCHOOL_LEAD);
		assertThat(browser.get("/schools").body()).contains("共 1 条");
		assertThat(browser.get("/schools/" + own).status()).isEqualTo(200);
		long neighbour = firstSchool("region_code = '320402' and id <> " + own);
		assertThat(browser.get("/schools/" + neighbour).status()).isEqualTo(404);
		Page api = browser.api("GET", "/api/v1/schools", DemoUsers.SCHOOL_LEAD, DemoUsers.PASSWORD, null, Map.of());
		assertThat(api.body()).contains("\"total\":1");
	}

	@Test
	void eachDemoRoleSeesItsOwnPartOfTheCity() {
		long all = count("true");
		long tianning = count("region_code = '320402'");
		long qinglong = jdbc.sql("""
				select count(*) from school s join organisation o on o.id = s.police_station_id
				where o.name = '青龙派出所'""").query(Long.class).single();
		assertThat(total(DemoUsers.ADMIN)).isEqualTo(all);
		assertThat(total(DemoUsers.CITY_EDUCATION)).isEqualTo(all);
		assertThat(total(DemoUsers.CITY_POLICE)).isEqualTo(all);
		assertThat(total(DemoUsers.INSPECTOR)).isEqualTo(all);
		assertThat(total(DemoUsers.COUNTY_EDUCATION)).isEqualTo(tianning);
		assertThat(total(DemoUsers.COUNTY_POLICE)).isEqualTo(tianning);
		assertThat(total(DemoUsers.STATION_OFFICER)).isEqualTo(qinglong).isLessThan(tianning);
		assertThat(total(DemoUsers.OTHER_COUNTY_EDUCATION)).isEqualTo(count("region_code = '320412'"));
	}

	@Test
	void aStationOfficerCannotOpenASchoolOfAnotherStation() {
		long other = jdbc.sql("""
				select s.id from school s join organisation o on o.id = s.police_station_id
				where o.name <> '青龙派出所' and s.region_code = '320402' order by s.id limit 1""")
			.query(Long.class)
			.single();
		assertThat(signedIn(DemoUsers.STATION_OFFICER).get("/schools/" + other).status()).isEqualTo(404);
	}

	private long total(String username) {
		Page page = new WebSession(port).api("GET", "/api/v1/schools?size=1", username, DemoUsers.PASSWORD, null,
				Map.of());
		assertThat(page.status()).isEqualTo(200);
		String body = page.body();
		int at = body.indexOf("\"total\":");
		return Long.parseLong(body.substring(at + 8).replaceAll("[^0-9].*$", ""));
	}

	private long firstSchool(String where) {
		return jdbc.sql("select id from school where " + where + " order by id limit 1").query(Long.class).single();
	}

	private long count(String where) {
		return jdbc.sql("select count(*) from school where " + where).query(Long.class).single();
	}

	private WebSession signedIn(String username) {
		return WebSession.signedIn(port, username, DemoUsers.PASSWORD);
	}

}
