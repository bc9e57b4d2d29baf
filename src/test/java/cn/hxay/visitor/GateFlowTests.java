package cn.hxay.visitor;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import cn.hxay.demo.DemoUsers;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.notification.EventType;
import cn.hxay.notification.Notifications;
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
 * The gate over real HTTP and PostgreSQL: a visitor on a key-person list of the police or
 * on the school's ban list is refused with one sentence and the police station alerted
 * (the school never learns why); an ordinary visitor is checked in with the ID number
 * masked and only hashed at rest, escorted and checked out; pre-registration; bad input
 * refused by field with nothing written; scope; kindergarten pick-up cards.
 */
@PlatformTest
class GateFlowTests {

	private static final String PW = DemoUsers.PASSWORD;

	private static final AtomicLong SERIAL = new AtomicLong();

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Notifications notifications;

	private Page api(String method, String path, String user, String body) {
		return new WebSession(port).api(method, path, user, PW, body, Map.of());
	}

	/** A fresh valid GB 11643 number. */
	static String idNumber() {
		long n = SERIAL.incrementAndGet();
		String first17 = "320411" + "1979" + String.format("%02d", 1 + n % 12) + String.format("%02d", 1 + n % 28)
				+ String.format("%03d", (System.nanoTime() / 1000 + n) % 1000);
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

	private JsonNode leadSchool() {
		return json(api("GET", "/api/v1/schools", DemoUsers.SCHOOL_LEAD, null).body()).get("items").get(0);
	}

	private String checkIn(String name, String id) {
		return """
				{"name":"%s","idNumber":"%s","purpose":"送教学资料","host":"王老师","plate":"苏D 12345","escort":"保安 李师傅"}"""
			.formatted(name, id);
	}

	@Test
	void aWatchListHitAlertsTheStationAndTellsTheGatekeeperNothingMore() {
		JsonNode school = leadSchool();
		String keyPersonId = idNumber();
		String name = "门岗测试重点人员" + SERIAL.get();
		// the police register a key person at the school's own coordinates: linked to the
		// school (within the nearby radius)
		Page created = api("POST", "/api/v1/key-persons", DemoUsers.COUNTY_POLICE,
				"""
						{"name":"%s","idNumber":"%s","phone":"13912345678","address":"测试路 1 号","longitude":%s,
						 "latitude":%s,"stationId":%d,"officer":"测试民警","risk":"HIGH","category":"SCHOOL_DISPUTE",
						 "measures":"每日走访","guardians":"父亲 张某","communityContacts":"网格员 李某"}""".formatted(name,
						keyPersonId, school.get("longitude").asString(), school.get("latitude").asString(),
						school.get("policeStationId").asLong()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long alertsBefore = jdbc.sql("select count(*) from gate_alert").query(Long.class).single();
		// the station's SMS gateway subscribes to gate alerts (a receiver that is never
		// called: the outbox row is what is checked)
		long webhook = notifications
			.add(new CurrentUser(0, "admin", "管理员", 1, java.util.Set.of(Role.SYSTEM_ADMIN)), "派出所短信网关（测试）",
					"http://127.0.0.1:9/gate", java.util.Set.of(EventType.GATE_ALERT), null)
			.id();

		// the gatekeeper (the school's account) checks the person in on the page
		WebSession gate = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, PW);
		gate.get("/visits");
		Page refused = gate.postForm("/visits",
				Map.of("name", "张三", "idNumber", keyPersonId, "purpose", "找人", "host", "王老师", "escort", "保安 李师傅"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"refused\"")
			.contains("请勿放行，请联系属地派出所")
			.doesNotContain("重点人员")
			.doesNotContain(name)
			.doesNotContain("禁入名单中")
			.doesNotContain("公安重点");
		// the same through the API: one sentence, no visit details
		Page refusedApi = api("POST", "/api/v1/visits", DemoUsers.SCHOOL_LEAD, checkIn("张三", keyPersonId));
		assertThat(refusedApi.status()).isEqualTo(201);
		assertThat(json(refusedApi.body()).get("refused").asBoolean()).isTrue();
		assertThat(json(refusedApi.body()).get("message").asString()).isEqualTo(CheckInResult.REFUSED);
		assertThat(refusedApi.body()).doesNotContain("POLICE").doesNotContain("重点").doesNotContain(name);

		// the station is alerted at once, police only
		assertThat(jdbc.sql("select count(*) from gate_alert").query(Long.class).single()).isEqualTo(alertsBefore + 2);
		Page alerts = api("GET", "/api/v1/visits/alerts", DemoUsers.COUNTY_POLICE, null);
		assertThat(alerts.status()).isEqualTo(200);
		JsonNode alert = json(alerts.body()).get(0);
		assertThat(alert.get("schoolName").asString()).isEqualTo(school.get("name").asString());
		assertThat(alert.get("source").asString()).isEqualTo("公安重点人员名单");
		assertThat(alert.get("idNumber").asString()).doesNotContain(keyPersonId).contains("****");
		long kpAlert = alert.get("keyPersonAlertId").asLong();
		assertThat(jdbc.sql("select count(*) from key_person_gate_alert where id = ? and station_id = ?")
			.params(kpAlert, school.get("policeStationId").asLong())
			.query(Long.class)
			.single()).isEqualTo(1);
		// the police open the key person from the alert; the school cannot
		WebSession police = WebSession.signedIn(port, DemoUsers.COUNTY_POLICE, PW);
		Page opened = police.get("/key-persons/gate-alerts/" + kpAlert);
		assertThat(opened.status()).isEqualTo(302);
		assertThat(opened.location().orElseThrow()).contains("/key-persons/" + json(created.body()).get("id").asLong());
		assertThat(gate.get("/key-persons/gate-alerts/" + kpAlert).status()).isEqualTo(403);
		for (String user : new String[] { DemoUsers.SCHOOL_LEAD, DemoUsers.COUNTY_EDUCATION, DemoUsers.INSPECTOR }) {
			assertThat(api("GET", "/api/v1/visits/alerts", user, null).status()).as(user).isEqualTo(403);
		}
		assertThat(police.get("/visits/alerts").body()).contains("公安重点人员名单").contains("查看重点人员");

		// the school's own lists say 未放行 and nothing more
		Page day = api("GET", "/api/v1/visits", DemoUsers.SCHOOL_LEAD, null);
		assertThat(day.body()).contains("未放行").doesNotContain("POLICE").doesNotContain("重点").doesNotContain(name);
		assertThat(gate.get("/visits").body()).contains("未放行").doesNotContain("重点人员");
		// the webhook outbox learns the school and the alert at once, never the person
		java.util.List<String> pushed = jdbc.sql(
				"select title || ' ' || payload from webhook_delivery where webhook_id = ? and event_type = 'gate.alert'")
			.param(webhook)
			.query(String.class)
			.list();
		assertThat(pushed).hasSize(2);
		assertThat(pushed.get(0)).contains(school.get("name").asString())
			.contains("gateAlertId")
			.doesNotContain(name)
			.doesNotContain(keyPersonId)
			.doesNotContain("重点");
		notifications.enable(webhook, false);
		jdbc.sql("update webhook_delivery set delivered_at = now() where webhook_id = ?").param(webhook).update();
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'KEY_PERSON_GATE_HIT'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void theSchoolsOwnBanListRefusesAtTheGate() {
		String banned = idNumber();
		WebSession gate = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, PW);
		gate.get("/visits/bans");
		Page added = gate.postForm("/visits/bans", Map.of("name", "赵某", "idNumber", banned, "reason", "多次滋扰教师"));
		assertThat(added.status()).isEqualTo(302);
		assertThat(gate.get("/visits/bans").body()).contains("赵某").doesNotContain(banned);
		Page again = gate.postForm("/visits/bans", Map.of("name", "赵某", "idNumber", banned, "reason", "重复"));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.body()).contains("已在本校禁入名单中");

		Page refused = api("POST", "/api/v1/visits", DemoUsers.SCHOOL_LEAD, checkIn("赵某", banned));
		assertThat(json(refused.body()).get("message").asString()).isEqualTo("请勿放行，请联系属地派出所");
		JsonNode alert = json(api("GET", "/api/v1/visits/alerts", DemoUsers.COUNTY_POLICE, null).body()).get(0);
		assertThat(alert.get("source").asString()).isEqualTo("学校禁入名单");
		assertThat(alert.get("keyPersonAlertId").isNull()).isTrue();
	}

	@Test
	void aVisitorIsCheckedInEscortedAndCheckedOutWithTheIdNumberOnlyMaskedAndHashed() {
		String id = idNumber();
		String name = "李访客" + SERIAL.get();
		long visits = jdbc.sql("select count(*) from visit").query(Long.class).single();
		// bad input: refused by field, nothing written
		String wrongCheck = id.substring(0, 17) + (id.endsWith("0") ? "1" : "0");
		Page bad = api("POST", "/api/v1/visits", DemoUsers.SCHOOL_LEAD, "{\"name\":\"\",\"idNumber\":\"" + wrongCheck
				+ "\",\"purpose\":\"\",\"host\":\"王老师\",\"plate\":\"ABC\"}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("name")
			.contains("idNumber")
			.contains("校验位")
			.contains("escort")
			.contains("plate");
		WebSession gate = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, PW);
		gate.get("/visits");
		Page badPage = gate.postForm("/visits",
				Map.of("name", name, "idNumber", "123", "purpose", "家访回访", "host", "王老师", "escort", ""));
		assertThat(badPage.status()).isEqualTo(400);
		assertThat(badPage.body()).contains("身份证号应为 18 位").contains("请填写陪同人员").contains(name).contains("家访回访");
		assertThat(jdbc.sql("select count(*) from visit").query(Long.class).single()).isEqualTo(visits);

		Page in = api("POST", "/api/v1/visits", DemoUsers.SCHOOL_LEAD, checkIn(name, id));
		assertThat(in.status()).as(in.body()).isEqualTo(201);
		JsonNode visit = json(in.body()).get("visit");
		assertThat(visit.get("status").asString()).isEqualTo("INSIDE");
		assertThat(visit.get("plate").asString()).isEqualTo("苏D12345");
		assertThat(visit.get("escort").asString()).isEqualTo("保安 李师傅");
		assertThat(visit.get("idNumber").asString()).isEqualTo(id.substring(0, 4) + "**********" + id.substring(14));
		long visitId = visit.get("id").asLong();
		// nowhere in PostgreSQL or on the page in clear
		assertThat(jdbc.sql("select count(*) from visit where id = ? and row(visit.*)::text like ?")
			.params(visitId, "%" + id + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select id_hash from visit where id = ?").param(visitId).query(String.class).single())
			.hasSize(64);
		Page page = gate.get("/visits");
		assertThat(page.body()).contains(name).doesNotContain(id).contains("在校访客");

		// out of scope: another county's officer gets 404; the county sees the figures
		assertThat(api("GET", "/api/v1/visits/" + visitId, DemoUsers.OTHER_COUNTY_EDUCATION, null).status())
			.isEqualTo(404);
		assertThat(api("GET", "/api/v1/visits/" + visitId, DemoUsers.COUNTY_EDUCATION, null).status()).isEqualTo(200);
		assertThat(api("GET", "/api/v1/visits", DemoUsers.COUNTY_EDUCATION, null).body())
			.contains(leadSchool().get("name").asString());
		assertThat(api("GET", "/api/v1/visits", DemoUsers.OTHER_COUNTY_EDUCATION, null).body())
			.doesNotContain(leadSchool().get("name").asString());
		assertThat(api("POST", "/api/v1/visits", DemoUsers.COUNTY_EDUCATION, checkIn(name, id)).status())
			.as("only the school's own accounts work the gate")
			.isEqualTo(403);

		Page out = api("POST", "/api/v1/visits/" + visitId + "/check-out", DemoUsers.SCHOOL_LEAD, null);
		assertThat(json(out.body()).get("status").asString()).isEqualTo("LEFT");
		assertThat(api("POST", "/api/v1/visits/" + visitId + "/check-out", DemoUsers.SCHOOL_LEAD, null).status())
			.isEqualTo(409);
	}

	@Test
	void aPreRegisteredVisitorIsCheckedInFromTheList() {
		String name = "预约访客" + SERIAL.incrementAndGet();
		String today = json(api("GET", "/api/v1/visits", DemoUsers.SCHOOL_LEAD, null).body()).get("day").asString();
		Page pre = api("POST", "/api/v1/visits/pre-registrations", DemoUsers.SCHOOL_LEAD, """
				{"name":"%s","purpose":"参加家长会","host":"三年级二班 陈老师","expectedOn":"%s"}""".formatted(name, today));
		assertThat(pre.status()).as(pre.body()).isEqualTo(201);
		long id = json(pre.body()).get("id").asLong();
		assertThat(json(pre.body()).get("status").asString()).isEqualTo("EXPECTED");
		Page in = api("POST", "/api/v1/visits", DemoUsers.SCHOOL_LEAD, """
				{"idNumber":"%s","escort":"陈老师","preRegistration":%d}""".formatted(idNumber(), id));
		assertThat(in.status()).as(in.body()).isEqualTo(201);
		JsonNode visit = json(in.body()).get("visit");
		assertThat(visit.get("id").asLong()).isEqualTo(id);
		assertThat(visit.get("name").asString()).isEqualTo(name);
		assertThat(visit.get("purpose").asString()).isEqualTo("参加家长会");
		Page twice = api("POST", "/api/v1/visits", DemoUsers.SCHOOL_LEAD, """
				{"idNumber":"%s","escort":"陈老师","preRegistration":%d}""".formatted(idNumber(), id));
		assertThat(twice.status()).isEqualTo(409);
	}

	@Test
	void pickUpCardsAreCheckedPersonByPerson() {
		WebSession gate = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, PW);
		gate.get("/visits/pickup-cards");
		String mother = idNumber();
		String stranger = idNumber();
		String card = "K" + SERIAL.incrementAndGet();
		Page issued = gate.postForm("/visits/pickup-cards", Map.of("cardNo", card, "childName", "小明", "className",
				"小一班", "adult1Name", "王丽", "adult1Relation", "母亲", "adult1IdNumber", mother));
		assertThat(issued.status()).as(issued.body()).isEqualTo(302);
		Page cards = gate.get("/visits/pickup-cards");
		assertThat(cards.body()).contains(card).contains("王丽（母亲）").doesNotContain(mother);
		Page passed = gate.postForm("/visits/pickup-cards/check", Map.of("cardNo", card, "idNumber", mother));
		assertThat(passed.body()).contains("核验通过：王丽（母亲）接 小一班 小明");
		Page failed = gate.postForm("/visits/pickup-cards/check", Map.of("cardNo", card, "idNumber", stranger));
		assertThat(failed.body()).contains("核验不通过").contains("请勿交接幼儿").doesNotContain("核验通过");
		assertThat(jdbc
			.sql("select count(*) from pickup_check c join pickup_card p on p.id = c.card_id where p.card_no = ?")
			.param(card)
			.query(Long.class)
			.single()).isEqualTo(2);
		// the demo school lead's school is a kindergarten: its cards set the posture fact
		// that Guangxi's rule GX-KG-01 (桂政办发〔2018〕113号 二(二)1) judges
		long schoolId = leadSchool().get("id").asLong();
		assertThat(api("GET", "/api/v1/schools/" + schoolId + "/posture", DemoUsers.SCHOOL_LEAD, null).body())
			.contains("\"pickUpCards\":true");
		Page bad = gate.postForm("/visits/pickup-cards/check", Map.of("cardNo", "NOPE", "idNumber", mother));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("没有卡号为 NOPE");
	}

}
