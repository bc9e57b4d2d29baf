package cn.hxay.shared.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.hxay.demo.DemoUsers;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import cn.hxay.support.WriteCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the platform cannot read are refused in one place ({@link RequestErrors},
 * {@link TextInputCheck}, {@link UnmappedUrls}): 400/404/415 with a Chinese message by
 * field, problem details on the API and the error page on pages, and nothing written.
 */
@PlatformTest
class ErrorHandlingTests {

	private static final String PW = DemoUsers.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private Map<String, Long> before;

	@BeforeEach
	void snapshot() {
		before = WriteCheck.snapshot(jdbc);
	}

	@Test
	void anUnknownAddressIs404InChineseWhileAMappedOneStays403() {
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		Page unknown = county.get("/no-such-page/at-all");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).contains("页面不存在").doesNotContain("Not Found");
		Page admin = county.get("/admin/users");
		assertThat(admin.status()).isEqualTo(403);
		assertThat(admin.body()).contains("无权访问").doesNotContain("Forbidden");
		assertThat(new WebSession(port).get("/no-such-page/at-all").location())
			.hasValueSatisfying(location -> assertThat(location).endsWith("/login"));

		Page api = api("GET", "/api/v1/no-such-thing", DemoUsers.COUNTY_EDUCATION, null);
		assertThat(api.status()).isEqualTo(404);
		assertThat(api.header("Content-Type")).startsWith("application/problem+json");
		assertThat(api.body()).contains("没有这个接口");
		assertThat(api("GET", "/api/v1/no-such-thing", null, null).status()).isEqualTo(401);
		Page forbidden = api("GET", "/api/v1/webhooks", DemoUsers.COUNTY_EDUCATION, null);
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.body()).contains("无权访问").doesNotContain("Forbidden");
	}

	@Test
	void malformedQueryParametersAreAChinese400NeverRawJson() {
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		Page kind = county.get("/schools?kind=NO_SUCH_KIND");
		assertThat(kind.status()).isEqualTo(400);
		assertThat(kind.header("Content-Type")).startsWith("text/html");
		assertThat(kind.body()).contains("“kind”的值“NO_SUCH_KIND”不是可选的值之一").doesNotContain("Failed to convert");
		Page page = county.get("/hazards?page=abc");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("“page”的值“abc”应为数字");

		Page api = api("GET", "/api/v1/schools?kind=NO_SUCH_KIND&page=x", DemoUsers.COUNTY_EDUCATION, null);
		assertThat(api.status()).isEqualTo(400);
		assertThat(api.header("Content-Type")).startsWith("application/problem+json");
		assertThat(api.body()).contains("\"violations\"").contains("不是可选的值之一").doesNotContain("Failed to convert");
		assertNothingWritten();
	}

	@Test
	void nulInAnyTextIsRefusedBeforeTheDatabase() {
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		Page query = county.get("/schools?q=a%00b");
		assertThat(query.status()).isEqualTo(400);
		assertThat(query.body()).contains("“q”含有不允许的空字符");
		county.get("/schools/new");
		Page form = county.postForm("/schools/new", Map.of("code", "3040299977", "name", "空字符\u0000小学", "kind",
				"PRIMARY", "ownership", "PUBLIC", "locality", "URBAN", "students", "100", "staff", "10"));
		assertThat(form.status()).isEqualTo(400);
		assertThat(form.body()).contains("“name”含有不允许的空字符");

		Page json = api("POST", "/api/v1/schools", DemoUsers.COUNTY_EDUCATION,
				"{\"code\":\"3040299978\",\"name\":\"空字符\\u0000小学\",\"kind\":\"PRIMARY\"}");
		assertThat(json.status()).isEqualTo(400);
		assertThat(json.body()).contains("“name”含有不允许的空字符").contains("\"field\":\"name\"");
		assertNothingWritten();
	}

	@Test
	void aMissingOrNonNumericVersionOnAPageFormIsA400() {
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		county.get("/hazards");
		Page missing = county.postForm("/hazards/1/start", Map.of());
		assertThat(missing.status()).isEqualTo(400);
		// a form record names the field by its label; a bare parameter by its name
		assertThat(missing.body()).containsAnyOf("缺少参数“version”", "缺少版本号");
		Page text = county.postForm("/hazards/1/start", Map.of("version", "abc"));
		assertThat(text.status()).isEqualTo(400);
		assertThat(text.body()).containsAnyOf("“version”的值“abc”应为数字", "版本号");

		// a handler that reads the version from the form itself
		WebSession school = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, PW);
		String campaign = first(api("GET", "/api/v1/inspection-campaigns", DemoUsers.SCHOOL_LEAD, null).body());
		String form = first(
				api("GET", "/api/v1/inspection-campaigns/" + campaign + "/inspections", DemoUsers.SCHOOL_LEAD, null)
					.body());
		school.get("/inspections/" + form);
		Page noVersion = school.postForm("/inspections/" + form, Map.of("action", "draft"));
		assertThat(noVersion.status()).isEqualTo(400);
		assertThat(noVersion.body()).containsAnyOf("应为数字", "缺少版本号");
		Page wrongVersion = school.postForm("/inspections/" + form, Map.of("version", "二"));
		assertThat(wrongVersion.status()).isEqualTo(400);
		assertThat(wrongVersion.body()).containsAnyOf("输入的值“二”应为数字", "版本号");
		assertNothingWritten();
	}

	@Test
	void aFormWithAValueOfTheWrongTypeIsA400ByFieldNotA500() {
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		county.get("/schools/new");
		Page kind = county.postForm("/schools/new", Map.of("code", "3040299976", "name", "类型错误小学", "kind", "CASTLE"));
		assertThat(kind.status()).isEqualTo(400);
		assertThat(kind.body()).contains("“kind”的值“CASTLE”不是可选的值之一");
		Page students = county.postForm("/schools/new", Map.of("code", "3040299976", "students", "很多"));
		assertThat(students.status()).isEqualTo(400);
		assertThat(students.body()).contains("“students”的值“很多”应为数字");
		assertNothingWritten();
	}

	@Test
	void aFormTooLargeToReadIsA413InChinese() {
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		county.get("/schools/new");
		Page page = county.postForm("/schools/new", Map.of("name", "长".repeat(800_000)));
		assertThat(page.status()).isEqualTo(413);
		assertThat(page.body()).contains("超过了允许的大小").doesNotContain("Payload Too Large");
		assertNothingWritten();
	}

	@Test
	void bodiesThatAreNotJsonOrNotUtf8AreRefusedInChinese() {
		Page broken = api("POST", "/api/v1/schools", DemoUsers.COUNTY_EDUCATION, "{\"name\": ");
		assertThat(broken.status()).isEqualTo(400);
		assertThat(broken.body()).contains("请求体不是有效的 JSON");
		Page wrongType = api("POST", "/api/v1/schools", DemoUsers.COUNTY_EDUCATION,
				"{\"code\":\"3040299979\",\"students\":\"很多\"}");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.body()).contains("“students”的值“很多”应为数字").contains("\"field\":\"students\"");
		Page unknownKind = api("POST", "/api/v1/schools", DemoUsers.COUNTY_EDUCATION, "{\"kind\":\"CASTLE\"}");
		assertThat(unknownKind.status()).isEqualTo(400);
		assertThat(unknownKind.body()).contains("“kind”的值“CASTLE”不是可选的值之一");

		WebSession session = new WebSession(port);
		Page utf16 = session.raw("POST", "/api/v1/schools", DemoUsers.COUNTY_EDUCATION, PW, "application/json",
				"\uFEFF{\"name\":\"一\",\"kind\":\"NOPE\"}".getBytes(StandardCharsets.UTF_16LE));
		assertThat(utf16.status()).isEqualTo(400);
		assertThat(utf16.body()).contains("\"status\":400");
		Page text = session.raw("POST", "/api/v1/schools", DemoUsers.COUNTY_EDUCATION, PW, "text/plain",
				"name=x".getBytes(StandardCharsets.UTF_8));
		assertThat(text.status()).isEqualTo(415);
		assertThat(text.body()).contains("不支持的请求格式");
		assertNothingWritten();
	}

	@Test
	void aPhotoPostThatIsNotMultipartIsA400() {
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		county.get("/hazards");
		Page page = county.postForm("/hazards/1/photos", Map.of("caption", "不是文件"));
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("multipart/form-data");
		assertNothingWritten();
	}

	@Test
	void aPagePastTheLastSaysSoInsteadOfCountingRowsThatAreNotThere() {
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		Page page = county.get("/schools?page=999");
		assertThat(page.status()).isEqualTo(200);
		Matcher total = Pattern.compile("没有第 1000 页：共 (\\d+) 页，(\\d+) 条").matcher(page.body());
		assertThat(total.find()).as(page.body()).isTrue();
		long schools = jdbc.sql("select count(*) from school where region_code = '320402'").query(Long.class).single();
		assertThat(Long.parseLong(total.group(2))).isEqualTo(schools);
		assertThat(page.body()).doesNotContain("第 19981–").contains("转到最后一页");
	}

	@Test
	void aValueTheDatabaseRefusesIsA400AndItsTransactionRolledBack() throws Exception {
		long regions = jdbc.sql("select count(*) from region").query(Long.class).single();
		DataIntegrityViolationException refused = null;
		try {
			transactions.executeWithoutResult(status -> {
				jdbc.sql("insert into region (code, name, level) values ('999999', '测试区', 'COUNTY')").update();
				jdbc.sql("create temp table too_long (v varchar(5)) on commit drop").update();
				jdbc.sql("insert into too_long values ('far too long for five')").update();
			});
		}
		catch (DataIntegrityViolationException ex) {
			refused = ex;
		}
		assertThat(refused).isNotNull();
		assertThat(jdbc.sql("select count(*) from region").query(Long.class).single()).isEqualTo(regions);

		ModelAndView page = new RequestErrors().refusedByDatabase(refused,
				new MockHttpServletRequest("POST", "/hazards"));
		assertThat(page.getViewName()).isEqualTo("error");
		assertThat(page.getStatus().value()).isEqualTo(400);
		assertThat(page.getModel().get("message").toString()).contains("超过了允许的长度");

		MockHttpServletResponse response = new MockHttpServletResponse();
		ModelAndView api = new RequestErrors().refusedByDatabase(refused,
				new MockHttpServletRequest("POST", "/api/v1/hazards"));
		api.getView().render(Map.of(), new MockHttpServletRequest(), response);
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("超过了允许的长度");
	}

	private static String first(String json) {
		Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(json);
		assertThat(id.find()).as(json).isTrue();
		return id.group(1);
	}

	private void assertNothingWritten() {
		assertThat(WriteCheck.snapshot(jdbc)).isEqualTo(before);
	}

	private Page api(String method, String path, String user, String json) {
		return new WebSession(port).api(method, path, user, PW, json, Map.of());
	}

}
