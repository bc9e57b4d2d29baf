package cn.hxay.tip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import cn.hxay.demo.DemoUsers;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.NewUserAccount;
import cn.hxay.identity.Role;
import cn.hxay.identity.UserAccounts;
import cn.hxay.notification.EventType;
import cn.hxay.notification.Notifications;
import cn.hxay.shared.PlatformTime;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.support.Texts.find;
import static cn.hxay.support.Texts.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 学生求助 through HTTP and PostgreSQL: an anonymous tip filed on a school's public page
 * (CSRF still required), answered through its claim code, with a photo checked like every
 * evidence photo; a second school, another county and the police do not see a bullying
 * tip; a danger tip goes to the police at once with a webhook; the investigation clock
 * makes a case overdue and the tile counts its list; the rate limits hold and keep no
 * address.
 */
@PlatformTest
class TipFlowTests {

	static final String PW = DemoUsers.PASSWORD;

	static final byte[] PNG = java.util.Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Notifications notifications;

	@Autowired
	Clock clock;

	Page api(String method, String path, String user, String body) {
		return new WebSession(port).api(method, path, user, PW, body, Map.of());
	}

	long schoolOfLead() {
		return json(api("GET", "/api/v1/schools", DemoUsers.SCHOOL_LEAD, null).body()).get("items")
			.get(0)
			.get("id")
			.asLong();
	}

	long tips() {
		return jdbc.sql("select count(*) from tip").query(Long.class).single();
	}

	/** A new school account in 武进区. */
	String wujinSchoolUser() {
		String user = "wujin.tip." + System.nanoTime() % 1_000_000;
		long unit = jdbc.sql("select organisation_id from school where region_code = '320412' limit 1")
			.query(Long.class)
			.single();
		accounts.open(new NewUserAccount(user, "武进某校安全负责人", PW, unit, Set.of(Role.SCHOOL_SAFETY_LEAD), null));
		return user;
	}

	/** A second school account in 天宁区, at another school than the demo lead's. */
	String otherTianningSchoolUser(long notSchool) {
		String user = "tianning.tip." + System.nanoTime() % 1_000_000;
		long unit = jdbc
			.sql("select organisation_id from school where region_code = '320402' and id <> ? order by id limit 1")
			.param(notSchool)
			.query(Long.class)
			.single();
		accounts.open(new NewUserAccount(user, "天宁另一所学校安全负责人", PW, unit, Set.of(Role.SCHOOL_SAFETY_LEAD), null));
		return user;
	}

	@Test
	void anAnonymousBullyingTipIsAnsweredThroughItsClaimCodeAndNoOtherSchoolSeesIt() throws Exception {
		long school = schoolOfLead();
		String address = "10.13.1." + (System.nanoTime() % 200 + 1);
		WebSession reporter = new WebSession(port).from(address);
		Page form = reporter.get("/help/" + school);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("学生求助").contains("认领码").contains("110").doesNotContain("signed-in-as");

		// no CSRF token: refused, nothing written
		long before = tips();
		assertThat(reporter
			.postFormWithoutToken("/help/" + school,
					Map.of("category", "BULLYING", "reporter", "STUDENT", "body", "没有令牌"))
			.status()).isEqualTo(403);
		// bad input: 400 by field in Chinese, what was typed is kept, nothing written
		Page bad = reporter.postForm("/help/" + school,
				Map.of("category", "", "reporter", "NOBODY", "body", "我写下的情况", "contactName", "小明"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("请选择求助类型").contains("您的身份").contains("我写下的情况").contains("value=\"小明\"");
		assertThat(tips()).isEqualTo(before);

		String text = "班上有同学每天放学在车棚堵我要钱，不给就打我-" + System.nanoTime();
		Page filed = reporter.postForm("/help/" + school,
				Map.of("category", "BULLYING", "reporter", "STUDENT", "body", text, "place", "自行车棚"));
		assertThat(filed.status()).as(filed.body()).isEqualTo(200);
		String code = find(filed.body(), "id=\"claim-code\">([2-9A-Z\\-]+)<");
		assertThat(code).matches("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){4}");
		assertThat(filed.header("Cache-Control")).contains("no-store");
		long id = jdbc.sql("select id from tip where body = ?").param(text).query(Long.class).single();

		// only the hash of the code is kept; nothing of the reporter but what they typed
		Map<String, Object> row = jdbc.sql("select * from tip where id = ?").param(id).query().singleRow();
		assertThat(row.get("claim_hash")).isEqualTo(HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256")
				.digest(code.replace("-", "").getBytes(StandardCharsets.US_ASCII))));
		assertThat(row.values().stream().map(String::valueOf)).noneMatch(v -> v.contains(address))
			.noneMatch(v -> v.contains(code));
		assertThat(row.get("contact_name")).isNull();
		assertThat(row.get("police_referred_at")).isNull();
		assertThat(row.get("investigation_due").toString())
			.isEqualTo(PlatformTime.today(clock).plusDays(10).toString());
		assertThat(jdbc.sql("select count(*) from tip_throttle where source_hash = ? or source_hash like ?")
			.params(address, "%" + address + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from audit_event where detail like ? or client_ip = ?")
			.params("%" + text + "%", address)
			.query(Long.class)
			.single()).as("the reporter leaves nothing in the audit log").isZero();

		// the school sees it; another school (same county or not), another county and the
		// police do not
		JsonNode list = json(api("GET", "/api/v1/tips", DemoUsers.SCHOOL_LEAD, null).body());
		assertThat(list.get("items").toString()).contains(text);
		JsonNode got = json(api("GET", "/api/v1/tips/" + id, DemoUsers.SCHOOL_LEAD, null).body());
		assertThat(got.get("anonymous").asBoolean()).isTrue();
		assertThat(got.get("state").asString()).isEqualTo("欺凌治理委员会调查中");
		String other = otherTianningSchoolUser(school);
		String wujin = wujinSchoolUser();
		for (String outsider : new String[] { other, wujin, DemoUsers.OTHER_COUNTY_EDUCATION, DemoUsers.STATION_OFFICER,
				DemoUsers.COUNTY_POLICE }) {
			assertThat(api("GET", "/api/v1/tips/" + id, outsider, null).status()).as(outsider).isEqualTo(404);
			assertThat(api("POST", "/api/v1/tips/" + id + "/reply", outsider, "{\"text\":\"x\"}").status()).as(outsider)
				.isEqualTo(404);
			assertThat(api("GET", "/api/v1/tips?state=all", outsider, null).body()).as(outsider).doesNotContain(text);
		}
		WebSession otherPage = WebSession.signedIn(port, other, PW);
		assertThat(otherPage.get("/tips/" + id).status()).isEqualTo(404);
		assertThat(otherPage.get("/tips?state=all").body()).doesNotContain(text);
		assertThat(api("GET", "/api/v1/tips/" + id, DemoUsers.COUNTY_EDUCATION, null).status()).isEqualTo(200);
		assertThat(api("GET", "/api/v1/tips/" + id, DemoUsers.ADMIN, null).status()).isEqualTo(403);

		// the school replies; the reporter reads it with the code in a new browser
		Page replied = api("POST", "/api/v1/tips/" + id + "/reply", DemoUsers.SCHOOL_LEAD,
				"{\"text\":\"同学你好，学校已安排老师在车棚值守，欺凌治理委员会正在调查。\"}");
		assertThat(replied.status()).as(replied.body()).isEqualTo(200);
		WebSession lead = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, PW);
		lead.get("/tips/" + id);
		assertThat(lead.postForm("/tips/" + id + "/notes", Map.of("text", "已约谈涉事学生家长（内部记录）")).status()).isEqualTo(302);
		WebSession later = new WebSession(port).from(address);
		later.get("/help/claim");
		Page wrong = later.postForm("/help/claim", Map.of("code", "ABCD-EFGH-JKLM-NPQR-STUV"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).contains("认领码不正确");
		Page claimed = later.postForm("/help/claim", Map.of("code", code.toLowerCase().replace("-", " ")));
		assertThat(claimed.status()).isEqualTo(302);
		Page mine = later.follow(claimed);
		assertThat(mine.body()).contains(text)
			.contains("学校已安排老师在车棚值守")
			.contains("学校回复")
			.doesNotContain("内部记录")
			.doesNotContain(DemoUsers.SCHOOL_LEAD);

		// the reporter adds information and a photo; a file that is no image is refused
		assertThat(later.postForm("/help/claim/messages", Map.of("text", "今天他们又来了，还有一个外校的人")).status()).isEqualTo(302);
		Page notImage = later.upload("/help/claim/photos", "photo", "a.png", "<svg/>".getBytes());
		assertThat(notImage.status()).isEqualTo(400);
		assertThat(notImage.body()).contains("只接受 JPEG、PNG 或 WebP");
		assertThat(later.upload("/help/claim/photos", "photo", "shot.png", PNG).status()).isEqualTo(302);
		JsonNode seen = json(api("GET", "/api/v1/tips/" + id, DemoUsers.SCHOOL_LEAD, null).body());
		assertThat(seen.get("messages").toString()).contains("还有一个外校的人").contains("内部记录");
		assertThat(seen.get("photos").asInt()).isEqualTo(1);
		long photo = jdbc.sql("select id from tip_attachment where tip_id = ?").param(id).query(Long.class).single();
		Page download = lead.get("/tips/" + id + "/attachments/" + photo);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.header("Content-Type")).isEqualTo("image/png");
		assertThat(otherPage.get("/tips/" + id + "/attachments/" + photo).status()).isEqualTo(404);

		// closing: the reporter reads the conclusion and can add no more
		Page closedPage = lead.postForm("/tips/" + id + "/close", Map.of("conclusion", ""));
		assertThat(closedPage.status()).isEqualTo(400);
		assertThat(closedPage.body()).contains("请填写办理结果");
		assertThat(lead.postForm("/tips/" + id + "/close", Map.of("conclusion", "经调查认定构成学生欺凌，已对涉事学生批评教育并通知家长，将持续回访。"))
			.status()).isEqualTo(302);
		assertThat(api("POST", "/api/v1/tips/" + id + "/close", DemoUsers.SCHOOL_LEAD, "{\"text\":\"再办结\"}").status())
			.isEqualTo(409);
		assertThat(later.get("/help/claim").body()).contains("已办结").contains("构成学生欺凌");
		assertThat(later.postForm("/help/claim/messages", Map.of("text", "还想补充")).status()).isEqualTo(400);
		// leaving forgets the tip on this browser
		assertThat(later.postForm("/help/claim/leave", Map.of()).status()).isEqualTo(302);
		assertThat(later.get("/help/claim").body()).contains("id=\"claim-form\"").doesNotContain(text);
	}

	@Test
	void dangerGoesToThePoliceAtOnceWithAWebhookThatCarriesNoText() {
		long school = schoolOfLead();
		notifications.add(new CurrentUser(0, "test", "测试", 1, Set.of(Role.SYSTEM_ADMIN)), "派出所短信",
				"http://127.0.0.1:9/tip-police", Set.of(EventType.TIP_POLICE), null);
		String text = "校门口有人拿刀威胁同学-" + System.nanoTime();
		WebSession reporter = new WebSession(port).from("10.13.2." + (System.nanoTime() % 200 + 1));
		reporter.get("/help/" + school);
		Page filed = reporter.postForm("/help/" + school, Map.of("category", "DANGER", "reporter", "PARENT", "body",
				text, "contactName", "王女士", "contactPhone", "13900000000"));
		assertThat(filed.status()).isEqualTo(200);
		assertThat(filed.body()).contains("已同时报告属地派出所");
		long id = jdbc.sql("select id from tip where body = ?").param(text).query(Long.class).single();
		for (String police : new String[] { DemoUsers.COUNTY_POLICE, DemoUsers.CITY_POLICE }) {
			JsonNode tip = json(api("GET", "/api/v1/tips/" + id, police, null).body());
			assertThat(tip.get("referredToPolice").asBoolean()).isTrue();
			assertThat(tip.get("contactPhone").asString()).isEqualTo("13900000000");
		}
		String payload = jdbc.sql("""
				select d.payload from webhook_delivery d where d.event_type = 'tip.police' and d.payload like ?""")
			.param("%\"tipId\":" + id + ",%")
			.query(String.class)
			.single();
		assertThat(payload).contains("tip.police").contains("人身危险或违法犯罪").doesNotContain(text).doesNotContain("139");

		// a bullying case the school later finds to be a crime is referred by hand
		String bullying = "被高年级学生多次殴打受伤-" + System.nanoTime();
		reporter.get("/help/" + school);
		reporter.postForm("/help/" + school, Map.of("category", "BULLYING", "reporter", "PARENT", "body", bullying));
		long caseId = jdbc.sql("select id from tip where body = ?").param(bullying).query(Long.class).single();
		assertThat(api("GET", "/api/v1/tips/" + caseId, DemoUsers.COUNTY_POLICE, null).status()).isEqualTo(404);
		WebSession lead = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, PW);
		lead.get("/tips/" + caseId);
		assertThat(lead.postForm("/tips/" + caseId + "/refer", Map.of("reason", "造成轻伤，涉嫌违法")).status()).isEqualTo(302);
		assertThat(api("GET", "/api/v1/tips/" + caseId, DemoUsers.COUNTY_POLICE, null).status()).isEqualTo(200);
		assertThat(lead.postForm("/tips/" + caseId + "/refer", Map.of("reason", "再转")).status()).isEqualTo(409);
	}

	@Test
	void aBullyingCasePastItsInvestigationDayIsOverdueAndTheTileCountsItsList() {
		long school = schoolOfLead();
		String text = "同学在网上造谣侮辱我-" + System.nanoTime();
		WebSession reporter = new WebSession(port).from("10.13.3." + (System.nanoTime() % 200 + 1));
		reporter.get("/help/" + school);
		reporter.postForm("/help/" + school, Map.of("category", "BULLYING", "reporter", "STUDENT", "body", text));
		long id = jdbc.sql("select id from tip where body = ?").param(text).query(Long.class).single();
		// eleven days later, by the platform's day
		jdbc.sql("update tip set investigation_due = ? where id = ?")
			.params(java.sql.Date.valueOf(PlatformTime.today(clock).minusDays(1)), id)
			.update();
		JsonNode overdue = json(api("GET", "/api/v1/tips?overdue=true&size=200", DemoUsers.SCHOOL_LEAD, null).body());
		assertThat(overdue.get("items").toString()).contains(text);
		WebSession lead = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, PW);
		String home = lead.get("/").body();
		long tile = Long.parseLong(find(home, "id=\"tile-tips-overdue\"[^>]*data-count=\"(\\d+)\""));
		assertThat(home).contains("本校欺凌案件调查逾期").contains("本校待处理求助");
		assertThat(tile).isEqualTo(overdue.get("total").asLong()).isPositive();
		String listed = lead.get("/tips?overdue=true").body();
		assertThat(find(listed, "共 (\\d+) 条")).isEqualTo(String.valueOf(tile));
		assertThat(lead.get("/tips/" + id).body()).contains("id=\"overdue\"");
		long open = Long.parseLong(find(home, "id=\"tile-tips-open\"[^>]*data-count=\"(\\d+)\""));
		assertThat(find(lead.get("/tips?state=open").body(), "共 (\\d+) 条")).isEqualTo(String.valueOf(open));
	}

	@Test
	void thePublicPageIsRateLimitedPerSourceAndKeepsOnlyAHash() {
		long school = schoolOfLead();
		String address = "10.13.4." + (System.nanoTime() % 200 + 1);
		WebSession flood = new WebSession(port).from(address);
		flood.get("/help/" + school);
		for (int i = 0; i < 10; i++) {
			assertThat(flood
				.postForm("/help/" + school,
						Map.of("category", "OTHER", "reporter", "OTHER", "body", "限流测试 " + i + " " + System.nanoTime()))
				.status()).isEqualTo(200);
		}
		long before = tips();
		Page refused = flood.postForm("/help/" + school,
				Map.of("category", "OTHER", "reporter", "OTHER", "body", "第十一条"));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.body()).contains("提交过于频繁").contains("第十一条");
		assertThat(tips()).isEqualTo(before);
		// another source is not held back
		WebSession other = new WebSession(port).from("10.13.6." + (System.nanoTime() % 200 + 1));
		other.get("/help/" + school);
		assertThat(other
			.postForm("/help/" + school,
					Map.of("category", "OTHER", "reporter", "OTHER", "body", "另一来源 " + System.nanoTime()))
			.status()).isEqualTo(200);

		// guessing claim codes: 20 wrong ones, then even the right one waits
		WebSession guesser = new WebSession(port).from("10.13.5." + (System.nanoTime() % 200 + 1));
		guesser.get("/help/claim");
		for (int i = 0; i < 20; i++) {
			assertThat(guesser
				.postForm("/help/claim", Map.of("code", "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZ" + "23456789ABCDEFGHJKLM".charAt(i)))
				.status()).isEqualTo(400);
		}
		assertThat(guesser.postForm("/help/claim", Map.of("code", "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ")).status()).isEqualTo(429);
		// the throttle keeps 64-hex hashes with an expiry, never an address
		assertThat(jdbc
			.sql("select count(*) from tip_throttle where source_hash !~ '^[0-9a-f]{64}$' or expires_at is null")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theSchoolLeadKeepsTheCommitteeAndPrintsThePoster() {
		long school = schoolOfLead();
		WebSession lead = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, PW);
		lead.get("/tips/committee");
		Page bad = lead.postForm("/tips/committee", Map.of("name", "", "duty", "法治副校长", "phone", "电话"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("请填写姓名").contains("value=\"法治副校长\"");
		String name = "周警官" + System.nanoTime() % 1000;
		assertThat(lead.postForm("/tips/committee", Map.of("name", name, "duty", "法治副校长", "phone", "0519-8888 1234"))
			.status()).isEqualTo(302);
		assertThat(lead.get("/tips/committee").body()).contains(name);
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		assertThat(county.get("/tips/committee?school=" + school).body()).contains(name);
		WebSession wujin = WebSession.signedIn(port, DemoUsers.OTHER_COUNTY_EDUCATION, PW);
		assertThat(wujin.get("/tips/committee?school=" + school).status()).isEqualTo(404);

		Page poster = lead.get("/tips/poster");
		assertThat(poster.body()).contains("/help/" + school + "/qr.png").contains("/help/" + school);
		Page qr = new WebSession(port).get("/help/" + school + "/qr.png");
		assertThat(qr.status()).isEqualTo(200);
		assertThat(qr.header("Content-Type")).isEqualTo("image/png");
		assertThat(qr.bytes().length).isGreaterThan(200);
		assertThat(new WebSession(port).get("/help/999999999").status()).isEqualTo(404);
	}

}
