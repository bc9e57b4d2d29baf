package cn.hxay.incident;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.hxay.demo.DemoUsers;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.PlatformTime;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.support.Texts.find;
import static cn.hxay.support.Texts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 涉校案事件 through HTTP and PostgreSQL: 青龙派出所 reports an incident on the page (refused input
 * keeps what was typed, nothing written) and the chain above gets the webhook at once;
 * the police record the three tracks of 三同步, a key person and the reports; 天宁区教育局 reads
 * it without the police links, 武进区 gets 404, schools 403; the report clock flags an
 * overdue follow-up once with a shifted clock; statistics equal the lists they open.
 */
@PlatformTest
class IncidentFlowTests {

	static final String PW = DemoUsers.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IncidentClockJob job;

	@Autowired
	Incidents incidents;

	@Autowired
	Organisations organisations;

	Page api(String method, String path, String user, String body) {
		return new WebSession(port).api(method, path, user, PW, body, Map.of());
	}

	String local(Duration ago) {
		return PlatformTime.local(clock.instant().minus(ago)).truncatedTo(ChronoUnit.MINUTES).toString();
	}

	long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	JsonNode qinglongSchool() {
		return json(api("GET", "/api/v1/schools?size=1", DemoUsers.STATION_OFFICER, null).body()).get("items").get(0);
	}

	@Test
	void aFirstReportOnThePageNotifiesTheChainAtOnceAndRefusedInputKeepsWhatWasTyped() throws Exception {
		JsonNode school = qinglongSchool();
		String place = "校门口-" + System.nanoTime();
		List<String> received = new CopyOnWriteArrayList<>();
		HttpServer receiver = receiver(received, place);
		WebSession admin = WebSession.signedIn(port, DemoUsers.ADMIN, PW);
		try {
			admin.get("/admin/webhooks");
			assertThat(admin
				.postForm("/admin/webhooks", Map.of("name", "值班短信-" + place, "url",
						"http://127.0.0.1:" + receiver.getAddress().getPort() + "/sms", "types", "INCIDENT_REPORTED"))
				.status()).isEqualTo(302);

			WebSession officer = WebSession.signedIn(port, DemoUsers.STATION_OFFICER, PW);
			assertThat(officer.get("/incidents/new").body()).contains(school.get("name").asString());
			long before = count("incident");
			Map<String, String> bad = new LinkedHashMap<>();
			bad.put("schoolId", school.get("id").asString());
			bad.put("type", "VIOLENCE");
			bad.put("occurredAt", "昨天下午");
			bad.put("place", place);
			bad.put("persons", "我输入的人员");
			bad.put("what", "");
			bad.put("deaths", "两");
			bad.put("injured", "1");
			Page refused = officer.postForm("/incidents", bad);
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.body()).contains("value=\"昨天下午\"")
				.contains("value=\"我输入的人员\"")
				.contains("value=\"两\"")
				.contains("发生时间")
				.contains("死亡人数");
			assertThat(count("incident")).isEqualTo(before);

			Map<String, String> good = new LinkedHashMap<>(bad);
			good.put("occurredAt", local(Duration.ofMinutes(20)));
			good.put("what", "一名男子持棍在校门口殴打学生，已被保安制服。");
			good.put("deaths", "0");
			Page saved = officer.postForm("/incidents", good);
			assertThat(saved.status()).as(saved.body()).isEqualTo(302);
			String id = find(saved.location().orElseThrow(), "/incidents/(\\d+)");
			Page shown = officer.follow(saved);
			assertThat(shown.body()).contains("已初报并推送上级").contains(place).doesNotContain("初报超时");

			await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
			assertThat(received.get(0)).contains("\"event\":\"incident.reported\"")
				.contains("\"incidentId\":" + id)
				.contains(school.get("name").asString())
				.doesNotContain("我输入的人员");
		}
		finally {
			disableWebhooks(admin);
			receiver.stop(0);
		}
	}

	@Test
	void policeHandleOnThreeTracksWhileEducationSeesNoPoliceLinksAndOthersAreRefused() {
		JsonNode school = qinglongSchool();
		String keyPerson = jdbc.sql("""
				select k.id from key_person k join user_account u on u.organisation_id = k.station_id
				where u.username = 'qinglong.police' order by k.id limit 1""").query(String.class).single();
		String body = """
				{"schoolId":%s,"type":"BULLYING","occurredAt":"%s","place":"教学楼三楼厕所","persons":"初三学生 4 名",
				 "what":"多名学生围殴一名同学并拍视频上网。","deaths":0,"injured":1,"alarmId":424242}"""
			.formatted(school.get("id").asString(), local(Duration.ofHours(3)));
		assertThat(api("POST", "/api/v1/incidents", DemoUsers.COUNTY_EDUCATION, body).status()).isEqualTo(403);
		assertThat(api("POST", "/api/v1/incidents", DemoUsers.SCHOOL_LEAD, body).status()).isEqualTo(403);
		Page created = api("POST", "/api/v1/incidents", DemoUsers.STATION_OFFICER, body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode incident = json(created.body());
		String id = incident.get("id").asString();
		assertThat(incident.get("firstReportLate").asBoolean()).as("reported 3 h after it happened").isTrue();
		assertThat(incident.get("alarmId").asLong()).isEqualTo(424242);
		assertThat(incident.get("reports").get(0).get("late").asBoolean()).isTrue();

		String doneAt = local(Duration.ofHours(2));
		for (String track : List.of("ON_SITE", "PUBLIC_OPINION", "SOCIAL_CONTROL")) {
			Page step = api("POST", "/api/v1/incidents/" + id + "/actions", DemoUsers.STATION_OFFICER,
					"{\"track\":\"%s\",\"doneAt\":\"%s\",\"text\":\"%s 已落实\"}".formatted(track, doneAt, track));
			assertThat(step.status()).as(step.body()).isEqualTo(200);
			assertThat(json(step.body()).get("doneAt").asString()).isEqualTo(doneAt.replace('T', ' '));
		}
		assertThat(api("POST", "/api/v1/incidents/" + id + "/actions", DemoUsers.STATION_OFFICER,
				"{\"track\":\"ON_SITE\",\"doneAt\":\"%s\",\"text\":\"案发前\"}".formatted(local(Duration.ofHours(5))))
			.status()).isEqualTo(400);
		Page link = api("POST", "/api/v1/incidents/" + id + "/key-persons", DemoUsers.STATION_OFFICER,
				"{\"keyPersonId\":" + keyPerson + "}");
		assertThat(link.status()).as(link.body()).isEqualTo(200);
		assertThat(api("POST", "/api/v1/incidents/" + id + "/key-persons", DemoUsers.STATION_OFFICER,
				"{\"keyPersonId\":999999999}")
			.status()).isEqualTo(400);
		Page followUp = api("POST", "/api/v1/incidents/" + id + "/follow-ups", DemoUsers.COUNTY_POLICE,
				"{\"text\":\"涉事学生家长已到校，视频已删除。\",\"deaths\":0,\"injured\":1}");
		assertThat(followUp.status()).as(followUp.body()).isEqualTo(200);

		// police see the links; the county bureau reads the rest; another county and
		// schools do not
		JsonNode police = json(api("GET", "/api/v1/incidents/" + id, DemoUsers.COUNTY_POLICE, null).body());
		assertThat(police.get("keyPersonIds").get(0).asString()).isEqualTo(keyPerson);
		assertThat(police.get("actions")).hasSize(3);
		assertThat(police.get("status").asString()).isEqualTo("FOLLOWING_UP");
		Page education = api("GET", "/api/v1/incidents/" + id, DemoUsers.COUNTY_EDUCATION, null);
		assertThat(education.status()).isEqualTo(200);
		assertThat(json(education.body()).get("alarmId").isNull()).isTrue();
		assertThat(json(education.body()).get("keyPersonIds").isNull()).isTrue();
		assertThat(education.body()).contains("涉事学生家长已到校");
		Page educationPage = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW).get("/incidents/" + id);
		assertThat(educationPage.body()).contains("三同步")
			.doesNotContain("incident-key-persons")
			.doesNotContain("/key-persons/" + keyPerson)
			.doesNotContain("424242")
			.doesNotContain("id=\"action-form\"");
		byte[] export = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW).get("/incidents/export.xlsx").bytes();
		assertThat(export.length).isGreaterThan(1000);
		assertThat(api("GET", "/api/v1/incidents/" + id, DemoUsers.OTHER_COUNTY_EDUCATION, null).status())
			.isEqualTo(404);
		assertThat(api("GET", "/api/v1/incidents", DemoUsers.OTHER_COUNTY_EDUCATION, null).body())
			.doesNotContain("\"id\":" + id + ",");
		assertThat(api("GET", "/api/v1/incidents/" + id, DemoUsers.SCHOOL_LEAD, null).status()).isEqualTo(403);
		assertThat(api("GET", "/api/v1/incidents/" + id, DemoUsers.ADMIN, null).status()).isEqualTo(403);
		assertThat(WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, PW).get("/").body()).doesNotContain("/incidents");
		assertThat(api("POST", "/api/v1/incidents/" + id + "/follow-ups", DemoUsers.INSPECTOR,
				"{\"text\":\"x\",\"deaths\":0,\"injured\":0}")
			.status()).isEqualTo(403);

		// the final report closes it: no more reports or steps
		Page closed = api("POST", "/api/v1/incidents/" + id + "/final-report", DemoUsers.STATION_OFFICER,
				"{\"text\":\"4 名学生受到治安处罚和学校纪律处分，学校开展防欺凌教育。\",\"deaths\":0,\"injured\":1}");
		assertThat(closed.status()).as(closed.body()).isEqualTo(200);
		assertThat(api("POST", "/api/v1/incidents/" + id + "/follow-ups", DemoUsers.STATION_OFFICER,
				"{\"text\":\"再报\",\"deaths\":0,\"injured\":1}")
			.status()).isEqualTo(409);
		assertThat(json(api("GET", "/api/v1/incidents/" + id, DemoUsers.STATION_OFFICER, null).body()).get("reports"))
			.hasSize(3);
	}

	@Test
	void theReportClockFlagsAnOverdueFollowUpOnceAndAReportStopsIt() throws Exception {
		JsonNode school = qinglongSchool();
		String place = "操场-" + System.nanoTime();
		Page created = api("POST", "/api/v1/incidents", DemoUsers.STATION_OFFICER, """
				{"schoolId":%s,"type":"OTHER","occurredAt":"%s","place":"%s","persons":"学生 1 名",
				 "what":"体育课上学生突发晕厥。","deaths":0,"injured":1}""".formatted(school.get("id").asString(),
				local(Duration.ofMinutes(10)), place));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = json(created.body()).get("id").asLong();
		CurrentUser officer = new CurrentUser(0, "t", "t",
				jdbc.sql("select organisation_id from user_account where username = 'qinglong.police'")
					.query(Long.class)
					.single(),
				Set.of(Role.STATION_OFFICER));
		DataScope scope = organisations.scopeOf(officer.organisationId(), false);

		List<String> received = new CopyOnWriteArrayList<>();
		HttpServer receiver = receiver(received, place);
		WebSession admin = WebSession.signedIn(port, DemoUsers.ADMIN, PW);
		try {
			admin.get("/admin/webhooks");
			admin.postForm("/admin/webhooks", Map.of("name", "逾期提醒-" + place, "url",
					"http://127.0.0.1:" + receiver.getAddress().getPort() + "/sms", "types", "INCIDENT_OVERDUE"));
			// 23 h later nothing is due; 25 h later the follow-up is overdue, flagged
			// once
			java.time.Instant in23 = clock.instant().plus(Duration.ofHours(23));
			java.time.Instant in25 = clock.instant().plus(Duration.ofHours(25));
			assertThat(listed(officer, scope, in23, id)).isFalse();
			job.run(Clock.offset(clock, Duration.ofHours(23)));
			assertThat(flagged(id)).isFalse();
			assertThat(listed(officer, scope, in25, id)).isTrue();
			job.run(Clock.offset(clock, Duration.ofHours(25)));
			assertThat(flagged(id)).isTrue();
			job.run(Clock.offset(clock, Duration.ofHours(26)));
			await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
			Thread.sleep(2000);
			assertThat(received).as("once").hasSize(1);
			assertThat(received.get(0)).contains("\"event\":\"incident.overdue\"").contains("续报逾期");
			assertThat(jdbc
				.sql("select count(*) from audit_event where action = 'INCIDENT_OVERDUE_FLAGGED' and subject_id = ?")
				.param(String.valueOf(id))
				.query(Long.class)
				.single()).isEqualTo(1);
		}
		finally {
			disableWebhooks(admin);
			receiver.stop(0);
		}
		// a follow-up clears the flag and restarts the clock
		assertThat(api("POST", "/api/v1/incidents/" + id + "/follow-ups", DemoUsers.STATION_OFFICER,
				"{\"text\":\"学生已出院。\",\"deaths\":0,\"injured\":1}")
			.status()).isEqualTo(200);
		assertThat(flagged(id)).isFalse();
		assertThat(listed(officer, scope, clock.instant().plus(Duration.ofHours(23)), id)).isFalse();
	}

	@Test
	void statisticsCountEqualsTheListItOpensAndTheStartPageTileEqualsTheOverdueList() {
		JsonNode stats = json(api("GET", "/api/v1/incidents/statistics", DemoUsers.COUNTY_POLICE, null).body());
		assertThat(stats.get("total").asLong()).isGreaterThan(0);
		for (String dimension : List.of("byType", "byMonth", "byCounty")) {
			long sum = 0;
			for (JsonNode row : stats.get(dimension)) {
				long listed = json(
						api("GET", "/api/v1/incidents?" + row.get("query").asString(), DemoUsers.COUNTY_POLICE, null)
							.body())
					.get("total")
					.asLong();
				assertThat(listed).as(dimension + " " + row.get("key").asString()).isEqualTo(row.get("count").asLong());
				sum += listed;
			}
			assertThat(sum).isEqualTo(stats.get("total").asLong());
		}
		WebSession officer = WebSession.signedIn(port, DemoUsers.STATION_OFFICER, PW);
		Page statistics = officer.get("/incidents/statistics");
		assertThat(statistics.body()).contains("按类型").contains("按县（区）");
		assertThat(officer.get("/incidents/statistics.xlsx").header("Content-Type")).contains("spreadsheetml");
		Page home = officer.get("/");
		long tile = Long.parseLong(find(home.body(), "id=\"tile-incident-overdue\"[^>]*data-count=\"(\\d+)\""));
		Page list = officer.get("/incidents?overdue=true");
		assertThat(Long.parseLong(find(list.body(), "共 ([\\d,]+) 条").replace(",", ""))).isEqualTo(tile);
		assertThat(tile).as("the demo incident whose final report is overdue").isGreaterThan(0);
	}

	private boolean listed(CurrentUser officer, DataScope scope, java.time.Instant at, long id) {
		return incidents.search(officer, scope, IncidentFilter.overdueOnly(), new PageRequest(0, 200), at)
			.items()
			.stream()
			.anyMatch(i -> i.id() == id);
	}

	private boolean flagged(long id) {
		return jdbc.sql("select overdue_flagged_at is not null from incident where id = ?")
			.param(id)
			.query(Boolean.class)
			.single();
	}

	private static HttpServer receiver(List<String> received, String marker) throws Exception {
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/sms", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			if (body.contains(marker)) {
				received.add(body);
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		receiver.start();
		return receiver;
	}

	private static void disableWebhooks(WebSession admin) {
		Page list = admin.get("/admin/webhooks");
		Matcher ids = Pattern.compile("/admin/webhooks/(\\d+)/enabled").matcher(list.body());
		while (ids.find()) {
			admin.postForm("/admin/webhooks/" + ids.group(1) + "/enabled", Map.of("enabled", "false"));
		}
	}

}
