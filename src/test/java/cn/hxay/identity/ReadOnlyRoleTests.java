package cn.hxay.identity;

import java.util.List;
import java.util.Map;

import cn.hxay.demo.DemoUsers;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read-only 督导员 reads everything in scope and writes nothing: every write of every
 * module answers 403 (a Chinese page or problem), from the one rule on {@link Role}, and
 * nothing changes in the database.
 */
@PlatformTest
class ReadOnlyRoleTests {

	private static final String PW = DemoUsers.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	long hazard;

	long school;

	long inspection;

	long campaign;

	long device;

	@BeforeEach
	void pickObjects() {
		hazard = first("select id from hazard order by id");
		school = first("select organisation_id from school order by organisation_id");
		inspection = first("select id from inspection where state = 'SUBMITTED' order by id");
		campaign = first("select id from inspection_campaign order by id");
		device = first("select id from device order by id");
	}

	@Test
	void theInspectorIsRefusedEveryWriteOnPages() {
		assertThat(Role.INSPECTOR.readOnly()).isTrue();
		assertThat(Role.COUNTY_EDUCATION_ADMIN.readOnly()).isFalse();
		WebSession inspector = WebSession.signedIn(port, DemoUsers.INSPECTOR, PW);
		inspector.get("/hazards");
		long hazardsBefore = count("hazard");
		long stepsBefore = count("hazard_step") + count("inspection_step") + count("hazard_photo");
		String fingerprint = fingerprint();

		Page raise = inspector.postForm("/hazards",
				Map.of("schoolId", school, "place", "督导员登记-" + System.nanoTime(), "category", "PHYSICAL", "grade",
						"GENERAL", "description", "校门防冲撞设施缺失", "requirements", "设置硬质防冲撞隔离设施", "responsibleUnit",
						"学校总务处", "responsiblePerson", "王建国"));
		assertRefusedPage(raise);
		for (String step : List.of("start", "submit", "return", "close", "safeguards", "plan")) {
			assertRefusedPage(inspector.postForm("/hazards/" + hazard + "/" + step,
					Map.of("version", 0, "comment", "督导员意见", "safeguards", "拉警戒线")));
		}
		assertRefusedPage(inspector.upload("/hazards/" + hazard + "/photos", "photo", "photo.jpg", jpeg()));
		assertRefusedPage(inspector.postForm("/inspections/" + inspection + "/accept", Map.of("version", 0)));
		assertRefusedPage(
				inspector.postForm("/inspections/" + inspection + "/return", Map.of("version", 0, "comment", "退回")));
		assertRefusedPage(inspector.postForm("/inspections/" + inspection + "/photos", Map.of()));
		assertRefusedPage(
				inspector.postForm("/inspections/campaigns/" + campaign + "/sampling", Map.of("percent", 100)));
		assertRefusedPage(inspector.postForm("/inspections/campaigns",
				Map.of("name", "督导员下发", "regionCode", "320400", "templateId", "changzhou-2019-annex1")));
		assertRefusedPage(inspector.postForm("/schools/" + school + "/edit", Map.of("version", 0, "name", "督导员改名")));
		assertRefusedPage(inspector.postForm("/schools/" + school + "/posture", Map.of("guardCount", 9)));
		assertRefusedPage(inspector.postForm("/devices/" + device + "/edit", Map.of("version", 0, "name", "督导员改设备")));
		assertRefusedPage(inspector.postForm("/devices/" + device + "/token", Map.of()));
		assertRefusedPage(inspector.postForm("/admin/webhooks", Map.of("name", "x", "url", "http://127.0.0.1:9/")));
		assertRefusedPage(inspector.postForm("/compliance/evaluations", Map.of()));

		assertThat(count("hazard")).isEqualTo(hazardsBefore);
		assertThat(count("hazard_step") + count("inspection_step") + count("hazard_photo")).isEqualTo(stepsBefore);
		assertThat(fingerprint()).as("no school, inspection, device or hazard changed").isEqualTo(fingerprint);
	}

	@Test
	void theInspectorIsRefusedEveryWriteThroughTheApi() {
		long hazardsBefore = count("hazard");
		String json = """
				{"schoolId":%d,"place":"督导员接口","category":"PHYSICAL","grade":"GENERAL","description":"校门防冲撞设施缺失",
				 "requirements":"设置硬质防冲撞隔离设施","responsibleUnit":"学校总务处","responsiblePerson":"王建国"}""".formatted(school);
		assertRefusedApi(api("POST", "/api/v1/hazards", json, Map.of()));
		for (String step : List.of("start", "submit", "return", "close", "safeguards", "plan")) {
			assertRefusedApi(api("POST", "/api/v1/hazards/" + hazard + "/" + step, "{\"comment\":\"x\"}",
					Map.of("If-Match", "\"0\"")));
		}
		assertRefusedApi(api("PUT", "/api/v1/schools/" + school, "{\"name\":\"督导员改名\"}", Map.of("If-Match", "\"0\"")));
		assertRefusedApi(api("POST", "/api/v1/webhooks", "{\"name\":\"x\",\"url\":\"http://127.0.0.1:9/\"}", Map.of()));
		assertRefusedApi(api("DELETE", "/api/v1/webhooks/1", null, Map.of()));
		assertThat(count("hazard")).isEqualTo(hazardsBefore);
	}

	@Test
	void theInspectorStillReadsSignsOutAndChangesTheirOwnPassword() {
		WebSession inspector = WebSession.signedIn(port, DemoUsers.INSPECTOR, PW);
		assertThat(inspector.get("/schools/" + school).body()).as("no write button for a read-only role")
			.doesNotContain("登记隐患");
		for (String path : List.of("/", "/hazards", "/hazards/" + hazard, "/schools", "/schools/" + school,
				"/inspections", "/inspections/" + inspection, "/devices", "/schools/" + school + "/posture")) {
			assertThat(inspector.get(path).status()).as(path).isEqualTo(200);
		}
		for (String path : List.of("/api/v1/hazards", "/api/v1/schools", "/api/v1/schools/" + school,
				"/api/v1/hazards/" + hazard)) {
			assertThat(api("GET", path, null, Map.of()).status()).as(path).isEqualTo(200);
		}
		inspector.get("/account/password");
		Page weak = inspector.postForm("/account/password",
				Map.of("currentPassword", PW, "newPassword", "abcdefgh", "repeatedPassword", "abcdefgh"));
		assertThat(weak.status()).as("the own-password form is reached, and refuses a weak password itself")
			.isEqualTo(200);
		assertThat(weak.body()).contains("至少三类");
		Page out = inspector.postForm("/logout", Map.of());
		assertThat(out.location().orElseThrow()).endsWith("/login?logout");
	}

	@Test
	void aWritingRoleIsNotTouchedByTheRule() {
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		county.get("/hazards");
		Page raise = county.postForm("/hazards",
				Map.of("schoolId", school, "place", "县教育局登记-" + System.nanoTime(), "category", "PHYSICAL", "grade",
						"GENERAL", "description", "校门防冲撞设施缺失", "requirements", "设置硬质防冲撞隔离设施", "responsibleUnit",
						"学校总务处", "responsiblePerson", "王建国"));
		assertThat(raise.status()).as(raise.body()).isNotEqualTo(403);
	}

	private void assertRefusedPage(Page page) {
		assertThat(page.status()).as(page.body()).isEqualTo(403);
		assertThat(page.body()).contains("无权操作").contains("督导员为只读角色");
	}

	private void assertRefusedApi(Page page) {
		assertThat(page.status()).as(page.body()).isEqualTo(403);
		assertThat(page.body()).contains("督导员为只读角色");
	}

	private Page api(String method, String path, String json, Map<String, String> headers) {
		return new WebSession(port).api(method, path, DemoUsers.INSPECTOR, PW, json, headers);
	}

	private long first(String sql) {
		return jdbc.sql(sql + " limit 1").query(Long.class).optional().orElse(1L);
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private String fingerprint() {
		return jdbc
			.sql("""
					select (select coalesce(sum(version), 0) from school) || '/' || (select coalesce(sum(version), 0) from hazard)
					    || '/' || (select coalesce(sum(version), 0) from inspection) || '/' || (select count(*) from posture_version)
					    || '/' || (select coalesce(sum(version), 0) from device) || '/' || (select count(*) from webhook)
					    || '/' || (select count(*) from inspection_campaign)""")
			.query(String.class)
			.single();
	}

	private static byte[] jpeg() {
		return new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0 };
	}

}
