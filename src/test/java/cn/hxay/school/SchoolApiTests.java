package cn.hxay.school;

import java.util.Map;

import cn.hxay.demo.DemoUsers;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/schools} from a script's point of view: HTTP Basic, JSON, ETag/If-Match,
 * problem details.
 */
@PlatformTest
class SchoolApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Test
	void listsWithFiltersAndPaging() {
		Page page = call("GET", "/api/v1/schools?region=320402&kind=KINDERGARTEN&size=5", DemoUsers.CITY_EDUCATION,
				null, Map.of());
		assertThat(page.status()).isEqualTo(200);
		long expected = jdbc.sql("select count(*) from school where region_code = '320402' and kind = 'KINDERGARTEN'")
			.query(Long.class)
			.single();
		assertThat(page.body()).contains("\"total\":" + expected)
			.contains("\"size\":5")
			.contains("\"kindLabel\":\"幼儿园\"");
	}

	@Test
	void withoutCredentialsTheAnswerIs401InChinese() {
		Page page = call("GET", "/api/v1/schools", null, null, Map.of());
		assertThat(page.status()).isEqualTo(401);
		assertThat(page.body()).contains("需要有效的用户名和密码");
		assertThat(call("GET", "/api/v1/schools", DemoUsers.CITY_EDUCATION, null, Map.of(), "wrong").status())
			.isEqualTo(401);
	}

	@Test
	void registersReadsAndUpdatesWithOptimisticLocking() {
		Page created = call("POST", "/api/v1/schools", DemoUsers.COUNTY_EDUCATION, json("3040298001", "接口测试小学", 500, 0),
				Map.of());
		assertThat(created.status()).isEqualTo(201);
		String location = created.header("Location");
		assertThat(location).startsWith("/api/v1/schools/");
		Page read = call("GET", location, DemoUsers.COUNTY_EDUCATION, null, Map.of());
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("ETag")).isEqualTo("\"0\"");
		assertThat(read.body()).contains("接口测试小学").contains("\"educationBureauName\":\"天宁区教育局\"");

		Page withoutVersion = call("PUT", location, DemoUsers.COUNTY_EDUCATION, json("3040298001", "接口测试小学", 520, 0),
				Map.of());
		assertThat(withoutVersion.status()).isEqualTo(428);

		Page updated = call("PUT", location, DemoUsers.COUNTY_EDUCATION, json("3040298001", "接口测试小学", 520, 0),
				Map.of("If-Match", "\"0\""));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.header("ETag")).isEqualTo("\"1\"");
		assertThat(updated.body()).contains("\"students\":520");

		Page stale = call("PUT", location, DemoUsers.COUNTY_EDUCATION, json("3040298001", "接口测试小学", 530, 0),
				Map.of("If-Match", "\"0\""));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body()).contains("已被他人修改");
		assertThat(jdbc.sql("select students from school where code = '3040298001'").query(Integer.class).single())
			.isEqualTo(520);
	}

	@Test
	void refusedInputGetsEveryViolationByField() {
		Page refused = call("POST", "/api/v1/schools", DemoUsers.COUNTY_EDUCATION, json("123", "X", 100, 200),
				Map.of());
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).contains("application/problem+json");
		assertThat(refused.body()).contains("\"field\":\"code\"")
			.contains("学校标识码须为 10 位数字")
			.contains("\"field\":\"name\"")
			.contains("寄宿生数 (200) 不能超过在校生数 (100)");
		assertThat(call("POST", "/api/v1/schools", DemoUsers.COUNTY_EDUCATION, "{not json", Map.of()).status())
			.isEqualTo(400);
	}

	@Test
	void policeCannotRegisterThroughTheApi() {
		assertThat(
				call("POST", "/api/v1/schools", DemoUsers.COUNTY_POLICE, json("3040298002", "警方测试", 100, 0), Map.of())
					.status())
			.isEqualTo(403);
	}

	@Test
	void openApiDocumentDescribesTheSchoolApi() {
		WebSession browser = WebSession.signedIn(port, DemoUsers.CITY_EDUCATION, DemoUsers.PASSWORD);
		Page docs = browser.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/v1/schools").contains("学校名录");
		assertThat(browser.get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	private String json(String code, String name, int students, int boarders) {
		long bureau = organisations.findByName("320402", OrganisationKind.COUNTY_EDUCATION_BUREAU, "天宁区教育局")
			.orElseThrow()
			.id();
		long station = organisations.findByName("320402", OrganisationKind.POLICE_STATION, "雕庄派出所").orElseThrow().id();
		return """
				{"code":"%s","name":"%s","kind":"PRIMARY","ownership":"PUBLIC","locality":"URBAN","boarding":%s,
				 "students":%d,"boarders":%d,"staff":40,"educationBureauId":%d,"policeStationId":%d,"licensed":true}"""
			.formatted(code, name, boarders > 0, students, boarders, bureau, station);
	}

	private Page call(String method, String path, String user, String body, Map<String, String> headers) {
		return call(method, path, user, body, headers, DemoUsers.PASSWORD);
	}

	private Page call(String method, String path, String user, String body, Map<String, String> headers,
			String password) {
		return new WebSession(port).api(method, path, user, password, body, headers);
	}

}
