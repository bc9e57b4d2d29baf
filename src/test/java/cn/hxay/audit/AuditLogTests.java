package cn.hxay.audit;

import java.io.ByteArrayInputStream;
import java.util.Map;

import cn.hxay.demo.DemoUsers;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.support.Texts.find;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log reads in Chinese: actions by their Chinese names, objects by their names
 * (a hazard by its notice number and school, not "hazard 31"), filtered by object type
 * and text, exported to Excel with the same lines (the export itself audited); a
 * police-only hazard is named without its content.
 */
@PlatformTest
class AuditLogTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theLogNamesActionsAndObjectsInChinese() throws Exception {
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD);
		String school = find(county
			.api("GET", "/api/v1/schools?size=1", DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD, null, Map.of())
			.body(), "\"id\":(\\d+)");
		String schoolName = jdbc.sql("select name from school where id = ?")
			.param(Long.parseLong(school))
			.query(String.class)
			.single();
		Page raised = county.api("POST", "/api/v1/hazards", DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD, """
				{"schoolId": %s, "place": "东侧围墙", "category": "PHYSICAL", "grade": "GENERAL",
				 "description": "审计测试：围墙破损约两米", "requirements": "修复围墙", "responsibleUnit": "总务处",
				 "responsiblePerson": "王老师"}""".formatted(school), Map.of());
		assertThat(raised.status()).as(raised.body()).isEqualTo(201);
		String hazard = find(raised.body(), "\"id\":(\\d+)");
		String notice = jdbc.sql("select notice_number from hazard where id = ?")
			.param(Long.parseLong(hazard))
			.query(String.class)
			.single();

		WebSession admin = WebSession.signedIn(port, DemoUsers.ADMIN, DemoUsers.PASSWORD);
		Page log = admin.get("/admin/audit?type=hazard&q=" + hazard);
		assertThat(log.status()).isEqualTo(200);
		assertThat(log.body()).contains("登记隐患")
			.contains(notice + " · " + schoolName + " · 审计测试：围墙破损约两米")
			.doesNotContain(">HAZARD_RAISED<")
			.doesNotContain("#" + hazard);
		assertThat(log.body()).contains("<option value=\"hazard\" selected=\"selected\">隐患</option>");
		Page logins = admin.get("/admin/audit?action=LOGIN_SUCCEEDED&actor=tianning.edu");
		assertThat(logins.body()).contains("登录成功").contains("用户</span> <span>天宁区教育局安全科 (tianning.edu)");

		jdbc.sql("update hazard set sensitive = true where id = ?").param(Long.parseLong(hazard)).update();
		assertThat(admin.get("/admin/audit?type=hazard&q=" + hazard).body()).contains("公安专项，内容不在此显示")
			.doesNotContain("围墙破损约两米</span>");
		jdbc.sql("update hazard set sensitive = false where id = ?").param(Long.parseLong(hazard)).update();

		Page file = admin.get("/admin/audit/export.xlsx?type=hazard&q=" + hazard);
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.header("Content-Disposition")).contains("filename*=UTF-8''");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.bytes()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("操作");
			Row first = sheet.getRow(1);
			assertThat(first.getCell(3).getStringCellValue()).isEqualTo("登记隐患");
			assertThat(first.getCell(4).getStringCellValue()).isEqualTo("隐患");
			assertThat(first.getCell(5).getStringCellValue()).startsWith(notice);
			assertThat(sheet.getLastRowNum()).isEqualTo(jdbc.sql(
					"select count(*) from audit_event where subject_type = 'hazard' and (subject_id = ? or detail ilike ?)")
				.param(hazard)
				.param("%" + hazard + "%")
				.query(Integer.class)
				.single());
		}
		assertThat(admin.get("/admin/audit?action=AUDIT_EXPORTED").body()).contains("导出审计日志");
	}

}
