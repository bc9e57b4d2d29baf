package cn.hxay.warning;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.hxay.demo.DemoUsers;
import cn.hxay.identity.NewUserAccount;
import cn.hxay.identity.Role;
import cn.hxay.identity.UserAccounts;
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
 * 预警推送 through HTTP and PostgreSQL: a county bureau sends a warning to its primary
 * schools (or whatever kind the demo school is), a school of another county sees nothing,
 * the school signs and replies, the sender's counts equal its lists, bad input writes
 * nothing, and with a shifted clock the reminder and then the SMS webhook fire once per
 * unread school.
 */
@PlatformTest
class WarningFlowTests {

	static final String PW = DemoUsers.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	WarningEscalationJob job;

	Page api(String method, String path, String user, String body) {
		return new WebSession(port).api(method, path, user, PW, body, Map.of());
	}

	String ackIn(Duration d) {
		return PlatformTime.local(clock.instant().plus(d)).truncatedTo(ChronoUnit.MINUTES).toString();
	}

	long warnings() {
		return jdbc.sql("select count(*) from warning").query(Long.class).single();
	}

	@Test
	void aCountyWarnsItsSchoolsWhichReadAndReplyAndTheUnreadAreEscalatedOnce() throws Exception {
		String title = "防汛预警-" + System.nanoTime();
		JsonNode school = json(api("GET", "/api/v1/schools", DemoUsers.SCHOOL_LEAD, null).body()).get("items").get(0);
		String kind = school.get("kind").asString();
		long expectedSchools = json(
				api("GET", "/api/v1/schools?region=320402&kind=" + kind, DemoUsers.COUNTY_EDUCATION, null).body())
			.get("total")
			.asLong();
		assertThat(expectedSchools).isGreaterThan(1);

		// bad input: 400 by field, nothing written
		long before = warnings();
		Page bad = api("POST", "/api/v1/warnings", DemoUsers.COUNTY_EDUCATION, """
				{"level":"YELLOW","title":"","body":"x","acknowledgeBy":"2020-01-01T08:00"}""");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("请填写标题").contains("签收期限应晚于现在");
		assertThat(api("POST", "/api/v1/warnings", DemoUsers.COUNTY_EDUCATION, """
				{"level":"PURPLE","title":"t","body":"x","acknowledgeBy":"%s"}""".formatted(ackIn(Duration.ofHours(2))))
			.status()).isEqualTo(400);
		WebSession page = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		page.get("/warnings/new");
		Page badForm = page.postForm("/warnings", Map.of("level", "RED", "title", "我输入的标题", "body", "", "acknowledgeBy",
				"明天", "regionCode", "", "schoolKind", ""));
		assertThat(badForm.status()).isEqualTo(400);
		assertThat(badForm.body()).contains("value=\"我输入的标题\"").contains("value=\"明天\"").contains("签收期限");
		// schools and the read-only inspector cannot send
		String good = """
				{"level":"ORANGE","title":"%s","body":"今夜至明晨有暴雨，请做好防汛准备。","acknowledgeBy":"%s",
				 "regionCode":"320402","schoolKind":"%s"}""".formatted(title, ackIn(Duration.ofHours(2)), kind);
		assertThat(api("POST", "/api/v1/warnings", DemoUsers.SCHOOL_LEAD, good).status()).isEqualTo(403);
		assertThat(api("POST", "/api/v1/warnings", DemoUsers.INSPECTOR, good).status()).isEqualTo(403);
		assertThat(warnings()).isEqualTo(before);

		// a county sends to its schools of that kind: one delivery each
		Page sent = api("POST", "/api/v1/warnings", DemoUsers.COUNTY_EDUCATION, good);
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		JsonNode created = json(sent.body());
		long id = created.get("id").asLong();
		assertThat(created.get("schools").asLong()).isEqualTo(expectedSchools);
		assertThat(created.get("unread").asLong()).isEqualTo(expectedSchools);
		assertThat(created.get("levelLabel").asString()).isEqualTo("橙色预警（二级）");

		// another county, and a school of another county, see nothing
		assertThat(api("GET", "/api/v1/warnings/" + id, DemoUsers.OTHER_COUNTY_EDUCATION, null).status())
			.isEqualTo(404);
		String wujinSchoolUser = "wujin.school." + System.nanoTime() % 100000;
		long wujinSchoolUnit = jdbc.sql("select organisation_id from school where region_code = '320412' limit 1")
			.query(Long.class)
			.single();
		accounts.open(new NewUserAccount(wujinSchoolUser, "武进某校安全负责人", PW, wujinSchoolUnit,
				Set.of(Role.SCHOOL_SAFETY_LEAD), null));
		assertThat(api("GET", "/api/v1/warnings/" + id, wujinSchoolUser, null).status()).isEqualTo(404);
		assertThat(api("POST", "/api/v1/warnings/" + id + "/read", wujinSchoolUser, null).status()).isEqualTo(404);
		assertThat(api("GET", "/api/v1/warnings", wujinSchoolUser, null).body()).doesNotContain(title);
		// the inspector sees it but cannot sign for a school
		assertThat(api("GET", "/api/v1/warnings/" + id, DemoUsers.INSPECTOR, null).status()).isEqualTo(200);

		// the school sees only its own copy, signs (by the platform clock) and replies
		JsonNode own = json(api("GET", "/api/v1/warnings/" + id, DemoUsers.SCHOOL_LEAD, null).body());
		assertThat(own.get("receipts")).hasSize(1);
		assertThat(own.get("receipts").get(0).get("schoolId").asLong()).isEqualTo(school.get("id").asLong());
		assertThat(api("POST", "/api/v1/warnings/" + id + "/read", DemoUsers.COUNTY_EDUCATION, null).status())
			.isEqualTo(403);
		Page read = api("POST", "/api/v1/warnings/" + id + "/read", DemoUsers.SCHOOL_LEAD, null);
		assertThat(read.status()).isEqualTo(200);
		assertThat(json(read.body()).get("readAt").asString()).startsWith(PlatformTime.DATE.format(clock.instant()));
		assertThat(json(read.body()).get("readBy").asString()).isNotBlank();
		assertThat(
				api("POST", "/api/v1/warnings/" + id + "/reply", DemoUsers.SCHOOL_LEAD, "{\"reply\":\" \"}").status())
			.isEqualTo(400);
		Page replied = api("POST", "/api/v1/warnings/" + id + "/reply", DemoUsers.SCHOOL_LEAD,
				"{\"reply\":\"已疏通排水沟，转移低洼处器材，安排夜间值班。\"}");
		assertThat(replied.status()).as(replied.body()).isEqualTo(200);
		assertThat(
				api("POST", "/api/v1/warnings/" + id + "/reply", DemoUsers.SCHOOL_LEAD, "{\"reply\":\"再次\"}").status())
			.isEqualTo(409);

		// the sender's counts equal the lists they open, on the API and the page
		JsonNode summary = listed(id, DemoUsers.COUNTY_EDUCATION);
		JsonNode detail = json(api("GET", "/api/v1/warnings/" + id, DemoUsers.COUNTY_EDUCATION, null).body());
		List<JsonNode> receipts = new ArrayList<>();
		detail.get("receipts").forEach(receipts::add);
		long readCount = receipts.stream().filter(r -> r.get("read").asBoolean()).count();
		long repliedCount = receipts.stream().filter(r -> r.get("replied").asBoolean()).count();
		long unreadCount = receipts.stream().filter(r -> !r.get("read").asBoolean()).count();
		assertThat(summary.get("read").asLong()).isEqualTo(readCount).isEqualTo(1);
		assertThat(summary.get("replied").asLong()).isEqualTo(repliedCount).isEqualTo(1);
		assertThat(summary.get("unread").asLong()).isEqualTo(unreadCount).isEqualTo(expectedSchools - 1);
		Page show = page.get("/warnings/" + id);
		assertThat(count(show.body(), "class=\"py-1 border-bottom unread-school\""))
			.isEqualTo(Long.parseLong(find(show.body(), "id=\"n-unread\">(\\d+)<")))
			.isEqualTo(unreadCount);
		assertThat(count(show.body(), "class=\"py-1 border-bottom replied-school\"")).isEqualTo(1);
		assertThat(show.body()).contains("已疏通排水沟");

		// escalation with a shifted clock: a reminder at half time, then the webhook,
		// each once per unread school
		List<String> received = new CopyOnWriteArrayList<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/sms", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			if (body.contains(title)) {
				received.add(body);
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		receiver.start();
		WebSession admin = WebSession.signedIn(port, DemoUsers.ADMIN, PW);
		try {
			admin.get("/admin/webhooks");
			assertThat(admin
				.postForm("/admin/webhooks", Map.of("name", "短信网关-" + title, "url",
						"http://127.0.0.1:" + receiver.getAddress().getPort() + "/sms", "types", "WARNING_UNREAD"))
				.status()).isEqualTo(302);

			job.run(Clock.offset(clock, Duration.ofMinutes(50)));
			assertThat(reminded(id)).as("nothing before half time").isZero();
			job.run(Clock.offset(clock, Duration.ofMinutes(65)));
			assertThat(reminded(id)).isEqualTo(unreadCount);
			job.run(Clock.offset(clock, Duration.ofMinutes(90)));
			assertThat(reminded(id)).as("once").isEqualTo(unreadCount);
			assertThat(audits(id, "WARNING_REMINDED")).isEqualTo(unreadCount);
			assertThat(escalated(id)).isZero();
			Page schoolView = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, PW).get("/warnings/" + id);
			assertThat(schoolView.body()).doesNotContain("id=\"reminder\"").contains("id=\"my-reply\"");

			job.run(Clock.offset(clock, Duration.ofMinutes(125)));
			job.run(Clock.offset(clock, Duration.ofMinutes(180)));
			assertThat(escalated(id)).isEqualTo(unreadCount);
			await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= unreadCount);
			Thread.sleep(3000);
			assertThat(received).as("one SMS notification per unread school").hasSize((int) unreadCount);
			assertThat(received.get(0)).contains("\"event\":\"warning.unread\"").contains("橙色预警（二级）");
			assertThat(received).noneMatch(b -> b.contains(school.get("name").asString()));
			assertThat(page.get("/warnings/" + id).body()).contains("已短信通知");
		}
		finally {
			Page list = admin.get("/admin/webhooks");
			Matcher ids = Pattern.compile("/admin/webhooks/(\\d+)/enabled").matcher(list.body());
			while (ids.find()) {
				admin.postForm("/admin/webhooks/" + ids.group(1) + "/enabled", Map.of("enabled", "false"));
			}
			receiver.stop(0);
		}
	}

	@Test
	void aSchoolSeesItsWarningsAsCardsAndTheInspectorHasNoSendButton() {
		WebSession lead = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, PW);
		Page list = lead.get("/warnings");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("寒潮降温天气校园安全防范预警").doesNotContain("id=\"new-warning\"");
		assertThat(lead.get("/warnings/new").status()).isEqualTo(403);
		Page inspector = WebSession.signedIn(port, DemoUsers.INSPECTOR, PW).get("/warnings");
		assertThat(inspector.body()).contains("寒潮降温天气校园安全防范预警").doesNotContain("id=\"new-warning\"");
		assertThat(WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW).get("/warnings").body())
			.contains("id=\"new-warning\"");
	}

	private JsonNode listed(long id, String user) {
		for (JsonNode w : json(api("GET", "/api/v1/warnings", user, null).body())) {
			if (w.get("id").asLong() == id) {
				return w;
			}
		}
		throw new AssertionError("warning " + id + " not listed for " + user);
	}

	private long reminded(long id) {
		return jdbc.sql("select count(*) from warning_delivery where warning_id = ? and reminded_at is not null")
			.param(id)
			.query(Long.class)
			.single();
	}

	private long escalated(long id) {
		return jdbc.sql("select count(*) from warning_delivery where warning_id = ? and escalated_at is not null")
			.param(id)
			.query(Long.class)
			.single();
	}

	private long audits(long id, String action) {
		return jdbc.sql("select count(*) from audit_event where action = ? and subject_id = ?")
			.param(action)
			.param(Long.toString(id))
			.query(Long.class)
			.single();
	}

	private static long count(String body, String what) {
		return body.split(Pattern.quote(what), -1).length - 1;
	}

}
