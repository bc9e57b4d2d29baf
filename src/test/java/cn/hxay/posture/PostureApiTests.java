package cn.hxay.posture;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.hxay.demo.DemoUsers;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.Texts;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /api/v1/schools/{id}/posture} from a script's point of view: HTTP Basic, JSON,
 * ETag/If-Match, problem details by field, masked ID numbers, and compliance following a
 * change.
 */
@PlatformTest
class PostureApiTests {

	/** A resident ID number in full: no answer may ever contain one. */
	private static final Pattern FULL_ID = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])");

	private static final String ID_NUMBER = "320402198001011234";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final List<Page> answers = new ArrayList<>();

	@Test
	void readsAndReplacesThePostureWithOptimisticLockingAndComplianceFollows() {
		long school = jdbc.sql("""
				select s.school_id from compliance_school s
				where s.region_code = '320402' and s.closed_management = 'Y'
				order by s.school_id desc limit 1""").query(Long.class).single();
		String path = "/api/v1/schools/" + school + "/posture";
		long[] before = closedManagement();

		Page read = call("GET", path, DemoUsers.COUNTY_EDUCATION, null, Map.of());
		assertThat(read.status()).isEqualTo(200);
		String etag = read.header("ETag");
		assertThat(etag).matches("\"\\d+\"");
		JsonNode resource = Texts.json(read.body());
		assertThat(resource.path("version").asString()).isEqualTo(etag.replace("\"", ""));
		ObjectNode posture = (ObjectNode) resource.path("posture");
		assertThat(posture.path("closedManagement").asBoolean()).isTrue();
		posture.put("closedManagement", false);
		ArrayNode guards = posture.putArray("guards");
		guards.addObject()
			.put("name", "接口保安")
			.put("idNumber", ID_NUMBER)
			.put("certificateNumber", "苏保接口1")
			.put("birthDate", "1980-01-01")
			.put("fullTime", true)
			.put("employer", "常州保安服务公司");
		long versions = versions(school);

		assertThat(call("PUT", path, DemoUsers.COUNTY_EDUCATION, posture.toString(), Map.of()).status()).isEqualTo(428);
		Page saved = call("PUT", path, DemoUsers.COUNTY_EDUCATION, posture.toString(), Map.of("If-Match", etag));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		String next = saved.header("ETag");
		assertThat(next).isNotEqualTo(etag);
		assertThat(saved.body()).contains("320402********1234").contains("\"closedManagement\":false");
		assertThat(versions(school)).isEqualTo(versions + 1);
		assertThat(call("GET", path, DemoUsers.COUNTY_EDUCATION, null, Map.of()).header("ETag")).isEqualTo(next);

		// the county rate follows through PostureChanged
		long[] after = await().atMost(Duration.ofSeconds(20))
			.until(this::closedManagement, rate -> rate[0] == before[0] - 1);
		assertThat(after[1]).isEqualTo(before[1]);

		// a second writer with the old ETag is refused; nothing written
		Page stale = call("PUT", path, DemoUsers.COUNTY_EDUCATION, posture.toString(), Map.of("If-Match", etag));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body()).contains("已被他人修改");
		assertThat(versions(school)).isEqualTo(versions + 1);

		// what GET gave out (a masked number) goes back unchanged: the stored number
		// stays
		ObjectNode roundTrip = (ObjectNode) Texts.json(saved.body()).path("posture");
		roundTrip.put("cameras", 12);
		Page kept = call("PUT", path, DemoUsers.COUNTY_EDUCATION, roundTrip.toString(), Map.of("If-Match", next));
		assertThat(kept.status()).as(kept.body()).isEqualTo(200);
		assertThat(storedFacts(school)).contains(ID_NUMBER).contains("\"cameras\":12");
		// and a guard sent without any ID number keeps it too
		ObjectNode withoutIds = (ObjectNode) Texts.json(kept.body()).path("posture");
		((ObjectNode) withoutIds.path("guards").get(0)).remove("idNumber");
		withoutIds.put("videoRetentionDays", 45);
		Page keptAgain = call("PUT", path, DemoUsers.COUNTY_EDUCATION, withoutIds.toString(),
				Map.of("If-Match", kept.header("ETag")));
		assertThat(keptAgain.status()).as(keptAgain.body()).isEqualTo(200);
		assertThat(storedFacts(school)).contains(ID_NUMBER).contains("\"videoRetentionDays\":45");
		assertThat(versions(school)).isEqualTo(versions + 3);

		Page history = call("GET", path + "/history?size=2", DemoUsers.COUNTY_EDUCATION, null, Map.of());
		assertThat(history.status()).isEqualTo(200);
		JsonNode page = Texts.json(history.body());
		assertThat(page.path("total").asLong()).isEqualTo(versions + 3);
		assertThat(page.path("items")).hasSize(2);
		assertThat(page.path("items").get(0).path("version").asString())
			.isEqualTo(keptAgain.header("ETag").replace("\"", ""));
		assertThat(page.path("items").get(0).path("changes").toString()).contains("视频保存天数");
		assertThat(history.body()).contains("320402********1234");

		assertThat(answers).allSatisfy(
				answer -> assertThat(FULL_ID.matcher(answer.body()).find()).as("full ID number in %s", answer.body())
					.isFalse());
	}

	@Test
	void badInputIsRefusedByFieldInChineseAndNothingIsWritten() {
		long school = jdbc.sql("select id from school where region_code = '320402' order by id desc limit 1 offset 3")
			.query(Long.class)
			.single();
		String path = "/api/v1/schools/" + school + "/posture";
		Page read = call("GET", path, DemoUsers.COUNTY_EDUCATION, null, Map.of());
		long versions = versions(school);
		ObjectNode posture = (ObjectNode) Texts.json(read.body()).path("posture");
		posture.put("cameras", -4);
		posture.putArray("guards")
			.addObject()
			.put("name", "号码不全")
			.put("idNumber", "32040219800101123")
			.put("fullTime", true);
		Page refused = call("PUT", path, DemoUsers.COUNTY_EDUCATION, posture.toString(),
				Map.of("If-Match", read.header("ETag")));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).contains("application/problem+json");
		assertThat(refused.body()).contains("\"field\":\"cameras\"")
			.contains("视频探头数量应为 0–10000 的整数")
			.contains("\"field\":\"guards\"")
			.contains("第 1 名保安员的身份证号应为 18 位")
			.doesNotContain("32040219800101123");

		ObjectNode tooLong = (ObjectNode) Texts.json(read.body()).path("posture");
		tooLong.putArray("guards").addObject().put("name", "长".repeat(51)).put("fullTime", true);
		Page longName = call("PUT", path, DemoUsers.COUNTY_EDUCATION, tooLong.toString(),
				Map.of("If-Match", read.header("ETag")));
		assertThat(longName.status()).isEqualTo(400);
		assertThat(longName.body()).contains("第 1 名保安员的姓名、保安员证号不能超过 50 字");

		posture.put("cameras", "很多");
		Page notANumber = call("PUT", path, DemoUsers.COUNTY_EDUCATION, posture.toString(),
				Map.of("If-Match", read.header("ETag")));
		assertThat(notANumber.status()).isEqualTo(400);
		assertThat(notANumber.body()).contains("cameras");

		ObjectNode forged = (ObjectNode) Texts.json(read.body()).path("posture");
		forged.putArray("guards")
			.addObject()
			.put("name", "冒名")
			.put("idNumber", "110101********0000")
			.put("fullTime", true);
		Page masked = call("PUT", path, DemoUsers.COUNTY_EDUCATION, forged.toString(),
				Map.of("If-Match", read.header("ETag")));
		assertThat(masked.status()).isEqualTo(400);
		assertThat(masked.body()).contains("\"field\":\"guards[0].idNumber\"").contains("脱敏号码");
		assertThat(versions(school)).isEqualTo(versions);
	}

	@Test
	void outOfScopeIs404AndOnlyThoseWhoMayChangeTheSchoolMayWrite() {
		long inScope = jdbc.sql("""
				select id from school where organisation_id =
				  (select organisation_id from user_account where username = 'school.lead')""")
			.query(Long.class)
			.single();
		long wujin = jdbc.sql("select id from school where region_code = '320412' order by id limit 1")
			.query(Long.class)
			.single();
		String path = "/api/v1/schools/" + inScope + "/posture";
		Page read = call("GET", path, DemoUsers.SCHOOL_LEAD, null, Map.of());
		assertThat(read.status()).isEqualTo(200);
		String body = Texts.json(read.body()).path("posture").toString();
		Map<String, String> ifMatch = Map.of("If-Match", read.header("ETag"));

		assertThat(call("GET", "/api/v1/schools/" + wujin + "/posture", DemoUsers.COUNTY_EDUCATION, null, Map.of())
			.status()).isEqualTo(404);
		assertThat(call("PUT", "/api/v1/schools/" + wujin + "/posture", DemoUsers.COUNTY_EDUCATION, body, ifMatch)
			.status()).isEqualTo(404);
		assertThat(
				call("GET", "/api/v1/schools/" + wujin + "/posture/history", DemoUsers.COUNTY_EDUCATION, null, Map.of())
					.status())
			.isEqualTo(404);
		assertThat(call("GET", path, null, null, Map.of()).status()).isEqualTo(401);
		assertThat(call("PUT", path, DemoUsers.INSPECTOR, body, ifMatch).status()).isEqualTo(403);
		assertThat(call("PUT", path, DemoUsers.COUNTY_POLICE, body, ifMatch).status()).isEqualTo(403);
		Page own = call("PUT", path, DemoUsers.SCHOOL_LEAD, body, ifMatch);
		assertThat(own.status()).as(own.body()).isEqualTo(200);
		assertThat(answers).allSatisfy(answer -> assertThat(FULL_ID.matcher(answer.body()).find()).isFalse());
	}

	@Test
	void everyApiControllerHasAChineseTagWithADescription() {
		WebSession browser = WebSession.signedIn(port, DemoUsers.ADMIN, DemoUsers.PASSWORD);
		JsonNode docs = Texts.json(browser.get("/v3/api-docs").body());
		assertThat(docs.path("paths").has("/api/v1/schools/{id}/posture")).isTrue();
		assertThat(docs.path("paths").has("/api/v1/schools/{id}/posture/history")).isTrue();
		java.util.Set<String> used = new java.util.TreeSet<>();
		docs.path("paths").properties().forEach(entry -> entry.getValue().properties().forEach(operation -> {
			assertThat(operation.getValue().path("tags")).as(entry.getKey() + " " + operation.getKey()).isNotEmpty();
			operation.getValue().path("tags").forEach(tag -> used.add(tag.asString()));
		}));
		Map<String, String> described = new java.util.HashMap<>();
		docs.path("tags")
			.forEach(tag -> described.put(tag.path("name").asString(), tag.path("description").asString()));
		assertThat(used).contains("安全防范情况", "隐患台账", "当前用户").allSatisfy(tag -> {
			assertThat(tag).as("tag name in Chinese").matches(".*\\p{IsHan}.*");
			assertThat(described.get(tag)).as("description of %s", tag).isNotNull().matches(".*\\p{IsHan}.*");
		});
	}

	private Page call(String method, String path, String user, String json, Map<String, String> headers) {
		Page page = new WebSession(port).api(method, path, user, DemoUsers.PASSWORD, json, headers);
		answers.add(page);
		return page;
	}

	private long[] closedManagement() {
		Page api = new WebSession(port).api("GET", "/api/v1/compliance/rates?region=320402", DemoUsers.COUNTY_EDUCATION,
				DemoUsers.PASSWORD, null, Map.of());
		assertThat(api.status()).isEqualTo(200);
		for (JsonNode rate : Texts.json(api.body())) {
			if (rate.path("areaKey").asString().equals("*")
					&& rate.path("metric").asString().equals("CLOSED_MANAGEMENT")) {
				return new long[] { rate.path("numerator").asLong(), rate.path("denominator").asLong() };
			}
		}
		throw new AssertionError("no county total for closed management: " + api.body());
	}

	private long versions(long school) {
		return jdbc.sql("select count(*) from posture_version where school_id = ?")
			.param(school)
			.query(Long.class)
			.single();
	}

	private String storedFacts(long school) {
		return jdbc.sql("select facts::text from posture_version where school_id = ? order by id desc limit 1")
			.param(school)
			.query(String.class)
			.single();
	}

}
