package cn.hxay.dispute;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import cn.hxay.demo.DemoUsers;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.shared.PageRequest;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.support.Texts.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 矛盾纠纷 through HTTP and PostgreSQL: refused input keeps what was typed and writes
 * nothing; 青龙派出所 registers a dispute, escalates it once and resolves it once; another
 * county gets 404 and administrators 403; the ledger's overdue list moves with the day;
 * the county counts for the Annex columns equal the lists.
 */
@PlatformTest
class DisputeFlowTests {

	static final String PW = DemoUsers.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Disputes disputes;

	@Autowired
	Organisations organisations;

	Page api(String method, String path, String user, String body) {
		return new WebSession(port).api(method, path, user, PW, body, Map.of());
	}

	long count() {
		return jdbc.sql("select count(*) from dispute").query(Long.class).single();
	}

	@Test
	void aDisputeIsRegisteredEscalatedOnceAndResolvedOnceWithinItsScope() {
		JsonNode school = json(api("GET", "/api/v1/schools?size=1", DemoUsers.STATION_OFFICER, null).body())
			.get("items")
			.get(0);
		WebSession bureau = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		bureau.get("/disputes/new");
		long before = count();
		Map<String, String> bad = new LinkedHashMap<>();
		bad.put("schoolId", school.get("id").asString());
		bad.put("kind", "LABOUR");
		bad.put("title", "我输入的标题");
		bad.put("description", "");
		bad.put("parties", "施工队");
		bad.put("responsibleUnit", "学校");
		bad.put("responsibleOfficer", "校长");
		bad.put("deadline", "下周五");
		Page refused = bureau.postForm("/disputes", bad);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("value=\"我输入的标题\"").contains("value=\"下周五\"").contains("化解期限");
		assertThat(count()).isEqualTo(before);

		LocalDate today = disputes.today();
		String body = """
				{"schoolId":%s,"kind":"PARENT_SCHOOL","title":"家长到校讨说法","description":"学生课间受伤，家长多次到校。",
				 "parties":"学生家长、学校","responsibleUnit":"青龙派出所","responsibleOfficer":"李警官","deadline":"%s"}"""
			.formatted(school.get("id").asString(), today.plusDays(3));
		assertThat(api("POST", "/api/v1/disputes", DemoUsers.INSPECTOR, body).status()).isEqualTo(403);
		Page created = api("POST", "/api/v1/disputes", DemoUsers.STATION_OFFICER, body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = json(created.body()).get("id").asString();
		assertThat(api("GET", "/api/v1/disputes/" + id, DemoUsers.OTHER_COUNTY_EDUCATION, null).status())
			.isEqualTo(404);
		assertThat(api("GET", "/api/v1/disputes/" + id, DemoUsers.ADMIN, null).status()).isEqualTo(403);
		assertThat(api("GET", "/api/v1/disputes/" + id, DemoUsers.COUNTY_EDUCATION, null).status()).isEqualTo(200);

		// the ledger's overdue list, on the day after the deadline and not before
		CurrentUser officer = new CurrentUser(0, "t", "t",
				jdbc.sql("select organisation_id from user_account where username = 'qinglong.police'")
					.query(Long.class)
					.single(),
				Set.of(Role.STATION_OFFICER));
		DataScope scope = organisations.scopeOf(officer.organisationId(), false);
		DisputeFilter overdue = new DisputeFilter(null, null, null, true, null, null, null);
		assertThat(listed(officer, scope, overdue, today.plusDays(3), id)).isFalse();
		assertThat(listed(officer, scope, overdue, today.plusDays(4), id)).isTrue();

		// escalate once, then resolve once
		assertThat(api("POST", "/api/v1/disputes/" + id + "/escalate", DemoUsers.STATION_OFFICER, "{\"text\":\"\"}")
			.status()).isEqualTo(400);
		Page escalated = api("POST", "/api/v1/disputes/" + id + "/escalate", DemoUsers.STATION_OFFICER,
				"{\"text\":\"家长扬言聚集，提请区教育局协调。\"}");
		assertThat(escalated.status()).as(escalated.body()).isEqualTo(200);
		assertThat(json(escalated.body()).get("escalatedAt").isNull()).isFalse();
		assertThat(api("POST", "/api/v1/disputes/" + id + "/escalate", DemoUsers.STATION_OFFICER, "{\"text\":\"再次升级\"}")
			.status()).isEqualTo(409);
		Page page = bureau.get("/disputes/" + id);
		assertThat(page.body()).contains("提请区教育局协调").contains("已升级");
		Page resolved = bureau.postForm("/disputes/" + id + "/resolve", Map.of("text", "经调解双方达成协议。"));
		assertThat(resolved.status()).isEqualTo(302);
		assertThat(api("POST", "/api/v1/disputes/" + id + "/resolve", DemoUsers.STATION_OFFICER, "{\"text\":\"再次化解\"}")
			.status()).isEqualTo(409);
		assertThat(json(api("GET", "/api/v1/disputes/" + id, DemoUsers.STATION_OFFICER, null).body()).get("status")
			.asString()).isEqualTo("RESOLVED");
		assertThat(listed(officer, scope, overdue, today.plusDays(4), id)).as("resolved is never overdue").isFalse();
		assertThat(disputes.countsBySchool(scope).get(school.get("id").asLong()).total()).isPositive();
	}

	@Test
	void theCountyCountsForTheAnnexEqualTheListsTheyStandFor() {
		for (JsonNode county : json(api("GET", "/api/v1/disputes/counts", DemoUsers.COUNTY_POLICE, null).body())) {
			String region = county.get("key").asString();
			long all = total("/api/v1/disputes?region=" + region);
			long open = total("/api/v1/disputes?status=OPEN&region=" + region);
			long escalated = total("/api/v1/disputes?escalated=true&region=" + region);
			assertThat(county.get("total").asLong()).isEqualTo(all);
			assertThat(county.get("unresolved").asLong()).isEqualTo(open);
			assertThat(county.get("escalated").asLong()).isEqualTo(escalated);
			assertThat(county.get("name").asString()).isNotEqualTo(region);
		}
		assertThat(json(api("GET", "/api/v1/disputes/counts", DemoUsers.COUNTY_POLICE, null).body())).isNotEmpty();
		assertThat(
				WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW).get("/disputes/export.xlsx").bytes().length)
			.isGreaterThan(1000);
	}

	private long total(String path) {
		return json(api("GET", path, DemoUsers.COUNTY_POLICE, null).body()).get("total").asLong();
	}

	private boolean listed(CurrentUser user, DataScope scope, DisputeFilter filter, LocalDate day, String id) {
		return disputes.search(user, scope, filter, new PageRequest(0, 200), day)
			.items()
			.stream()
			.anyMatch(d -> Long.toString(d.id()).equals(id));
	}

}
