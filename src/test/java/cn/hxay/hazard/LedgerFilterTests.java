package cn.hxay.hazard;

import java.util.Map;

import cn.hxay.demo.DemoUsers;
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
 * The ledger at working speed: each row says what was found, at which school and 部位, its
 * grade, deadline and state; the reader narrows it by district (chosen from a list) and
 * by school name, and the Excel export follows the same filter.
 */
@PlatformTest
class LedgerFilterTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theLedgerIsFilteredByDistrictFromAListAndBySchool() {
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD);
		String schools = county
			.api("GET", "/api/v1/schools?size=2", DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD, null, Map.of())
			.body();
		long first = Long.parseLong(find(schools, "\"id\":(\\d+)"));
		long second = Long.parseLong(find(schools.substring(schools.indexOf("\"id\":" + first) + 8), "\"id\":(\\d+)"));
		String firstName = name(first);
		String secondName = name(second);
		raise(county, first, "筛选测试：消防通道堆放杂物");
		raise(county, second, "筛选测试：监控室无人值守");

		Page ledger = county.get("/hazards");
		assertThat(ledger.body()).contains("<th>隐患描述</th><th>学校</th><th>部位</th><th>等级</th><th>整改期限</th><th>状态</th>")
			.contains("<option value=\"320402\">天宁区</option>")
			.doesNotContain("placeholder=\"地区代码");
		Page one = county.get("/hazards?region=320402&school=" + firstName);
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.body()).contains("筛选测试：消防通道堆放杂物")
			.contains("<td data-label=\"部位\">一号楼北侧</td>")
			.doesNotContain("筛选测试：监控室无人值守")
			.contains("<option value=\"320402\" selected=\"selected\">天宁区</option>")
			.contains("value=\"" + firstName + "\"");
		assertThat(county.get("/hazards?region=320412&school=" + firstName).body()).doesNotContain("筛选测试");
		assertThat(county.get("/hazards?school=" + secondName).body()).contains("筛选测试：监控室无人值守");
		Page tooLong = county.get("/hazards?school=" + "长".repeat(101));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.body()).contains("学校名称不能超过 100 字");
		assertThat(one.body()).contains("/hazards/ledger.xlsx?region=320402&amp;school=");
		assertThat(county.get("/hazards/ledger.xlsx?region=320402&school=" + firstName).status()).isEqualTo(200);
	}

	@Test
	void theSchoolsFixReportIsShownAsTheFixReportNotAsASafeguard() {
		WebSession lead = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, DemoUsers.PASSWORD);
		long school = Long.parseLong(find(lead.get("/schools").body(), "href=\"/schools/(\\d+)\""));
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD);
		raise(county, school, "整改报告测试：围墙破损");
		long id = jdbc.sql("select id from hazard where description = '整改报告测试：围墙破损'").query(Long.class).single();
		Page page = lead.get("/hazards/" + id);
		lead.postForm("/hazards/" + id + "/start",
				Map.of("version", find(page.body(), "name=\"version\" value=\"(\\d+)\"")));
		page = lead.get("/hazards/" + id);
		assertThat(page.body()).contains("aria-label=\"整改情况\"");
		Page submitted = lead.follow(lead.postForm("/hazards/" + id + "/submit",
				Map.of("version", find(page.body(), "name=\"version\" value=\"(\\d+)\""), "text", "已砌补围墙并粉刷")));
		assertThat(submitted.body()).contains("id=\"fix-report\"")
			.containsPattern("<th>整改情况</th><td colspan=\"3\"><span>已砌补围墙并粉刷</span>")
			.doesNotContain("id=\"temporary-safeguards\"");
		assertThat(
				jdbc.sql("select temporary_safeguards from hazard where id = ?").param(id).query(String.class).list())
			.containsExactly((String) null);
	}

	private String name(long school) {
		return jdbc.sql("select name from school where id = ?").param(school).query(String.class).single();
	}

	private static void raise(WebSession county, long school, String description) {
		Page raised = county.api("POST", "/api/v1/hazards", DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD, """
				{"schoolId": %d, "place": "一号楼北侧", "category": "FIRE", "grade": "GENERAL",
				 "description": "%s", "requirements": "清理", "responsibleUnit": "总务处", "responsiblePerson": "王老师"}"""
			.formatted(school, description), Map.of());
		assertThat(raised.status()).as(raised.body()).isEqualTo(201);
	}

}
