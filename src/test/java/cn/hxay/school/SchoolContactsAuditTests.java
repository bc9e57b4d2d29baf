package cn.hxay.school;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.TimeZone;

import cn.hxay.demo.DemoUsers;
import cn.hxay.shared.PlatformTime;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads that reveal the headmasters' and safety leads' phone numbers in bulk leave an
 * audit row (who, from where, how, how many schools, which filter): the Excel export and
 * every page of the school API.
 */
@PlatformTest
class SchoolContactsAuditTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void exportingTheSchoolListIsAudited() {
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD);
		long before = lastAuditId();
		Page file = county.get("/schools/export?kind=PRIMARY");
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.bytes()).startsWith('P', 'K');
		long primary = jdbc.sql("select count(*) from school where region_code = '320402' and kind = 'PRIMARY'")
			.query(Long.class)
			.single();
		Map<String, Object> row = contactsRead(before);
		assertThat(row.get("actor")).isEqualTo(DemoUsers.COUNTY_EDUCATION);
		assertThat(row.get("client_ip")).isNotNull();
		assertThat((String) row.get("detail")).contains("导出学校名录 Excel")
			.contains("含 " + primary + " 所学校的校长及安全负责人电话")
			.contains("类型 小学");
		assertThat(file.header("Content-Disposition")).contains(".xlsx");
	}

	@Test
	void theExportIsDatedByThePlatformClockWhateverTheServersZone() {
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD);
		TimeZone serverZone = TimeZone.getDefault();
		try {
			// a server twelve hours behind UTC: its own "today" is Beijing's most of the
			// day
			// before
			TimeZone.setDefault(TimeZone.getTimeZone("Etc/GMT+12"));
			Page file = county.get("/schools/export?kind=PRIMARY");
			assertThat(file.status()).isEqualTo(200);
			String name = URLDecoder.decode(file.header("Content-Disposition"), StandardCharsets.UTF_8);
			assertThat(name).contains("学校名录-" + PlatformTime.today(clock) + ".xlsx");
		}
		finally {
			TimeZone.setDefault(serverZone);
		}
	}

	@Test
	void everyPageOfTheSchoolApiWithPhonesIsAudited() {
		long before = lastAuditId();
		Page page = new WebSession(port).api("GET", "/api/v1/schools?size=5&page=1", DemoUsers.COUNTY_EDUCATION,
				DemoUsers.PASSWORD, null, Map.of());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("\"headmasterPhone\":\"");
		Map<String, Object> row = contactsRead(before);
		assertThat(row.get("actor")).isEqualTo(DemoUsers.COUNTY_EDUCATION);
		assertThat((String) row.get("detail")).contains("接口查询学校名录第 2 页").contains("含 5 所学校");
	}

	private Map<String, Object> contactsRead(long after) {
		return jdbc.sql("""
				select actor, client_ip, detail from audit_event
				where id > ? and action = 'SCHOOL_CONTACTS_READ' order by id desc limit 1""")
			.param(after)
			.query()
			.singleRow();
	}

	private long lastAuditId() {
		return jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
	}

}
