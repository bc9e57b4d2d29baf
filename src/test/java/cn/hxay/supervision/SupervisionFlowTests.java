package cn.hxay.supervision;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import cn.hxay.demo.DemoUsers;
import cn.hxay.hazard.HazardLedger;
import cn.hxay.shared.PlatformTime;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.support.Texts.find;
import static cn.hxay.support.Texts.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Supervision through HTTP and PostgreSQL: 常州市教育局 makes an unannounced visit to two 天宁区
 * schools and raises a finding on the hazard ledger (linked both ways); issues a 通报 as a
 * red-header PDF (read back with PDFBox, drawn with pdftoppm) that 天宁区 signs for from its
 * start-page to-do while the issuer sees who has not; 天宁区 records a 约谈 on an overdue
 * hazard; groups keep their members' changes; scope, the read-only 督导员 and police-only
 * records are refused where they must be.
 */
@PlatformTest
class SupervisionFlowTests {

	static final String PW = DemoUsers.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HazardLedger ledger;

	@Autowired
	Clock clock;

	Page api(String method, String path, String user, String body) {
		return new WebSession(port).api(method, path, user, PW, body, Map.of());
	}

	long unitOf(String username) {
		return jdbc.sql("select organisation_id from user_account where username = ?")
			.param(username)
			.query(Long.class)
			.single();
	}

	List<Long> schools(String region, int n) {
		return jdbc.sql("select id from school where region_code = ? order by id limit ?")
			.params(region, n)
			.query(Long.class)
			.list();
	}

	@Test
	void anUnannouncedVisitsFindingGoesOnTheHazardLedgerLinkedBothWays() {
		LocalDate today = PlatformTime.today(clock);
		List<Long> tianning = schools("320402", 2);
		long wujin = schools("320412", 1).get(0);
		WebSession city = WebSession.signedIn(port, DemoUsers.CITY_EDUCATION, PW);
		city.get("/supervision/visits/new");
		// refused by field, what was typed kept, nothing written
		long before = jdbc.sql("select count(*) from supervision_visit").query(Long.class).single();
		Page bad = city.postForm("/supervision/visits",
				Map.of("kind", "UNANNOUNCED", "visitedOn", "2026-13-45", "team", "督导组 张三（保留）", "summary", "已输入的情况"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("督导日期").contains("督导组 张三（保留）").contains("已输入的情况").contains("2026-13-45");
		assertThat(jdbc.sql("select count(*) from supervision_visit").query(Long.class).single()).isEqualTo(before);
		// a county cannot visit another county's school
		Page outside = api("POST", "/api/v1/supervision/visits", DemoUsers.COUNTY_EDUCATION, """
				{"kind":"SUPERVISION","visitedOn":"%s","team":"天宁区教育局","schoolIds":[%d]}""".formatted(today, wujin));
		assertThat(outside.status()).isEqualTo(400);
		assertThat(outside.body()).contains("不在您的管辖范围内");
		// the read-only 督导员 and a school may not record visits
		assertThat(api("POST", "/api/v1/supervision/visits", DemoUsers.INSPECTOR, "{}").status()).isEqualTo(403);
		assertThat(api("POST", "/api/v1/supervision/visits", DemoUsers.SCHOOL_LEAD, "{}").status()).isEqualTo(403);

		Page created = city.postForm("/supervision/visits", Map.of("kind", "UNANNOUNCED", "visitedOn", today.toString(),
				"team", "市教育局 王海燕", "schoolIds", tianning.get(0) + "", "summary", "直奔现场"));
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		String visit = find(created.location().orElseThrow(), "/supervision/visits/(\\d+)");
		Page finding = city.postForm("/supervision/visits/" + visit + "/findings",
				Map.of("schoolId", tianning.get(0) + "", "text", "监控室无人值守，录像仅保存 7 天"));
		assertThat(finding.status()).isEqualTo(302);
		long findingId = jdbc.sql("select id from supervision_finding where visit_id = ?")
			.param(Long.parseLong(visit))
			.query(Long.class)
			.single();
		// a hazard form with a missing field is refused and keeps what was typed
		Page badHazard = city.postForm("/supervision/visits/" + visit + "/hazard",
				Map.of("findingId", findingId + "", "schoolId", tianning.get(0) + "", "place", "监控室", "category",
						"TECHNICAL", "grade", "GENERAL", "description", "监控室无人值守", "requirements", "",
						"responsibleUnit", "学校", "responsiblePerson", "校长"));
		assertThat(badHazard.status()).isEqualTo(400);
		assertThat(badHazard.body()).contains("请填写整改要求").contains("监控室无人值守");
		Page raised = city.postForm("/supervision/visits/" + visit + "/hazard",
				Map.of("findingId", findingId + "", "schoolId", tianning.get(0) + "", "place", "监控室", "category",
						"TECHNICAL", "grade", "GENERAL", "description", "监控室无人值守，录像仅保存 7 天", "requirements",
						"落实 24 小时值守，录像保存不少于 30 天", "responsibleUnit", "学校", "responsiblePerson", "校长"));
		assertThat(raised.status()).as(raised.body()).isEqualTo(302);

		// the hazard is on the ledger, says where it came from, and the finding links to
		// it
		long hazardId = jdbc.sql("select hazard_id from supervision_finding where id = ?")
			.param(findingId)
			.query(Long.class)
			.single();
		JsonNode hazard = json(api("GET", "/api/v1/hazards/" + hazardId, DemoUsers.COUNTY_EDUCATION, null).body());
		assertThat(hazard.get("description").asString()).contains("常州市教育局" + today + "明察暗访发现").contains("录像仅保存 7 天");
		assertThat(hazard.get("schoolId").asLong()).isEqualTo(tianning.get(0));
		String ledger = api("GET", "/api/v1/hazards?region=320402", DemoUsers.COUNTY_EDUCATION, null).body();
		assertThat(ledger).contains("\"id\":" + hazardId);
		Page page = city.get("/supervision/visits/" + visit);
		assertThat(page.body()).contains("href=\"/hazards/" + hazardId + "\"")
			.contains(hazard.get("noticeNumber").asString());
		// raised once only
		Page again = api("POST", "/api/v1/supervision/visits/" + visit + "/hazards?findingId=" + findingId,
				DemoUsers.CITY_EDUCATION, """
						{"schoolId":0,"place":"监控室","category":"TECHNICAL","grade":"GENERAL","description":"x",
						 "requirements":"x","responsibleUnit":"x","responsiblePerson":"x"}""");
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.body()).contains("不能重复登记");

		// scope: 武进区 does not see the visit; 天宁区 and the visited school do; the 督导员 reads
		assertThat(api("GET", "/api/v1/supervision/visits/" + visit, DemoUsers.OTHER_COUNTY_EDUCATION, null).status())
			.isEqualTo(404);
		assertThat(api("GET", "/api/v1/supervision/visits/" + visit, DemoUsers.COUNTY_EDUCATION, null).status())
			.isEqualTo(200);
		assertThat(api("GET", "/api/v1/supervision/visits/" + visit, DemoUsers.INSPECTOR, null).status())
			.isEqualTo(200);
		assertThat(api("POST", "/api/v1/supervision/visits/" + visit + "/findings", DemoUsers.COUNTY_EDUCATION,
				"{\"schoolId\":%d,\"text\":\"区里补充\"}".formatted(tianning.get(0)))
			.status()).as("a county adds nothing to the city's visit").isEqualTo(403);
		// the list filters by kind and county, and the Excel has the hazard number
		String list = city.get("/supervision/visits?kind=UNANNOUNCED&region=320402&year=" + today.getYear()).body();
		assertThat(list).contains("href=\"/supervision/visits/" + visit + "\"");
		assertThat(city.get("/supervision/visits?kind=SUPERVISION&region=320412").body())
			.doesNotContain("href=\"/supervision/visits/" + visit + "\"");
	}

	@Test
	void aNoticeIsARedHeaderPdfWithAGaplessNumberAndRecipientsSignForIt() throws Exception {
		long tianning = unitOf(DemoUsers.COUNTY_EDUCATION);
		long wujin = unitOf(DemoUsers.OTHER_COUNTY_EDUCATION);
		// recipients outside the issuer's scope are refused
		Page outside = api("POST", "/api/v1/supervision/notices", DemoUsers.COUNTY_EDUCATION, """
				{"kind":"CRITICISM","title":"越权","body":"x","recipientIds":[%d]}""".formatted(wujin));
		assertThat(outside.status()).isEqualTo(400);
		assertThat(outside.body()).contains("不在您的管辖范围内");
		assertThat(api("POST", "/api/v1/supervision/notices", DemoUsers.INSPECTOR, "{}").status()).isEqualTo(403);

		Page issued = api("POST", "/api/v1/supervision/notices", DemoUsers.CITY_EDUCATION, """
				{"kind":"CRITICISM","title":"关于寒假前安全检查情况的通报","body":"经检查，下列单位工作不到位。\\n请于十日内整改。",
				 "recipientIds":[%d,%d]}""".formatted(tianning, wujin));
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		JsonNode n = json(issued.body());
		String number = n.get("number").asString();
		int year = PlatformTime.today(clock).getYear();
		assertThat(number).matches("常州教安〔" + year + "〕\\d+号");
		// the next one takes the next number
		Page second = api("POST", "/api/v1/supervision/notices", DemoUsers.CITY_EDUCATION, """
				{"kind":"COMMENDATION","title":"关于表扬护学岗工作先进单位的通报","body":"予以通报表扬。","recipientIds":[%d]}"""
			.formatted(tianning));
		JsonNode n2 = json(second.body());
		int first = Integer.parseInt(find(number, "〕(\\d+)号"));
		assertThat(n2.get("number").asString()).isEqualTo("常州教安〔" + year + "〕" + (first + 1) + "号");
		// 武进区 does not see a notice sent only to 天宁区
		assertThat(api("GET", "/api/v1/supervision/notices/" + n2.get("id").asLong(), DemoUsers.OTHER_COUNTY_EDUCATION,
				null)
			.status()).isEqualTo(404);

		// the red-header PDF, read back and drawn
		WebSession city = WebSession.signedIn(port, DemoUsers.CITY_EDUCATION, PW);
		long id = n.get("id").asLong();
		Page pdf = city.get("/supervision/notices/" + id + "/document.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.header("Content-Type")).contains("application/pdf");
		try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("常州市教育局文件")
				.contains(number)
				.contains("关于寒假前安全检查情况的通报")
				.contains("天宁区教育局、武进区教育局")
				.contains("请于十日内整改")
				.contains("盖章");
		}
		Path dir = Path.of("target", "supervision-documents");
		Files.createDirectories(dir);
		Files.write(dir.resolve("notice.pdf"), pdf.bytes());
		Process draw = new ProcessBuilder("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1",
				dir.resolve("notice.pdf").toString(), dir.resolve("notice").toString())
			.redirectErrorStream(true)
			.start();
		assertThat(draw.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(draw.exitValue()).isZero();
		try (var files = Files.list(dir)) {
			Path png = files
				.filter(p -> p.getFileName().toString().startsWith("notice") && p.toString().endsWith(".png"))
				.findFirst()
				.orElseThrow();
			assertThat(Files.size(png)).isGreaterThan(5_000);
		}

		// 天宁区's start page counts what its list shows; it signs; the issuer sees who has
		// not
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		String tile = find(county.get("/").body(),
				"id=\"tile-supervision-notices\"[\\s\\S]*?class=\"todo-value[^\"]*\"[^>]*>(\\d+)<");
		JsonNode pending = json(
				api("GET", "/api/v1/supervision/notices?pending=true&size=200", DemoUsers.COUNTY_EDUCATION, null)
					.body());
		assertThat(pending.get("total").asLong()).isEqualTo(Long.parseLong(tile));
		Page pendingPage = county.get("/supervision/notices?pending=true");
		assertThat(pendingPage.body()).contains("data-notice-id=\"" + id + "\"");
		assertThat(api("POST", "/api/v1/supervision/notices/" + id + "/receipt", DemoUsers.INSPECTOR, null).status())
			.isEqualTo(403);
		county.get("/supervision/notices/" + id);
		Page signed = county.postForm("/supervision/notices/" + id + "/receipt", Map.of());
		assertThat(signed.status()).isEqualTo(302);
		assertThat(county.get("/supervision/notices?pending=true").body())
			.doesNotContain("data-notice-id=\"" + id + "\"");
		JsonNode after = json(
				api("GET", "/api/v1/supervision/notices?pending=true&size=200", DemoUsers.COUNTY_EDUCATION, null)
					.body());
		assertThat(after.get("total").asLong()).isEqualTo(Long.parseLong(tile) - 1);
		String issuer = city.get("/supervision/notices/" + id).body();
		String notConfirmed = find(issuer, "<ul id=\"not-confirmed\">([\\s\\S]*?)</ul>");
		assertThat(notConfirmed).contains("武进区教育局").doesNotContain("天宁区教育局");
		assertThat(find(issuer, "<ul id=\"confirmed\">([\\s\\S]*?)</ul>")).contains("天宁区教育局");
		// a unit the notice did not go to cannot sign it
		assertThat(api("POST", "/api/v1/supervision/notices/" + n2.get("id").asLong() + "/receipt",
				DemoUsers.OTHER_COUNTY_EDUCATION, null)
			.status()).isEqualTo(404);
	}

	@Test
	void aCountyHoldsASchoolToAccountForAnOverdueHazardAndPoliceRecordsStayPolice() throws Exception {
		LocalDate today = PlatformTime.today(clock);
		long school = schools("320402", 3).get(2);
		long schoolUnit = jdbc.sql("select organisation_id from school where id = ?")
			.param(school)
			.query(Long.class)
			.single();
		Page h = api("POST", "/api/v1/hazards", DemoUsers.COUNTY_EDUCATION, """
				{"schoolId":%d,"place":"围墙","category":"PHYSICAL","grade":"GENERAL","description":"围墙倒塌未修复",
				 "requirements":"修复","responsibleUnit":"学校","responsiblePerson":"校长","deadline":"%s"}"""
			.formatted(school, today));
		assertThat(h.status()).as(h.body()).isEqualTo(201);
		long hazardId = json(h.body()).get("id").asLong();
		String accountability = """
				{"kind":"INTERVIEW","targetUnitId":%d,"decidedOn":"%s","reason":"隐患逾期未整改","measures":"约谈校长",
				 "hazardId":%d}""".formatted(schoolUnit, today, hazardId);
		// not overdue yet: refused
		Page early = api("POST", "/api/v1/supervision/accountability", DemoUsers.COUNTY_EDUCATION, accountability);
		assertThat(early.status()).isEqualTo(400);
		assertThat(early.body()).contains("逾期未改或挂牌督办");
		ledger.flagOverdue(today.plusDays(1));
		Page recorded = api("POST", "/api/v1/supervision/accountability", DemoUsers.COUNTY_EDUCATION, accountability);
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		JsonNode a = json(recorded.body());
		assertThat(a.get("hazardId").asLong()).isEqualTo(hazardId);
		assertThat(a.get("hazardNumber").asString()).isNotBlank();
		// a target outside the county is refused; 武进区 does not see the record
		long wujinSchool = jdbc.sql("select organisation_id from school where region_code = '320412' limit 1")
			.query(Long.class)
			.single();
		assertThat(api("POST", "/api/v1/supervision/accountability", DemoUsers.COUNTY_EDUCATION, """
				{"kind":"VETO","targetUnitId":%d,"decidedOn":"%s","reason":"越权"}""".formatted(wujinSchool, today))
			.status()).isEqualTo(400);
		String listed = api("GET", "/api/v1/supervision/accountability?region=320402&year=" + today.getYear(),
				DemoUsers.CITY_EDUCATION, null)
			.body();
		assertThat(listed).contains("\"id\":" + a.get("id").asLong());
		assertThat(api("GET", "/api/v1/supervision/accountability?size=200", DemoUsers.OTHER_COUNTY_EDUCATION, null)
			.body()).doesNotContain("\"id\":" + a.get("id").asLong() + ",");
		// the page links to the hazard; the Excel carries its number
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		assertThat(county.get("/supervision/accountability?kind=INTERVIEW").body())
			.contains("href=\"/hazards/" + hazardId + "\"");
		Page xlsx = county.get("/supervision/accountability.xlsx?region=320402");
		assertThat(xlsx.status()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("问责记录");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			boolean found = false;
			for (int r = 3; r <= sheet.getLastRowNum(); r++) {
				found |= sheet.getRow(r).getCell(8).getStringCellValue().equals(a.get("hazardNumber").asString());
			}
			assertThat(found).isTrue();
		}
		// a bad form keeps what was typed
		county.get("/supervision/accountability/new");
		Page bad = county.postForm("/supervision/accountability", Map.of("kind", "INTERVIEW", "targetUnitId",
				schoolUnit + "", "decidedOn", today.toString(), "reason", "事由保留", "hazardId", "abc"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("关联隐患编号").contains("事由保留").contains("value=\"abc\"");

		// an incident behind a record: linked for those who may open the incident, not
		// for the school
		long leadUnit = unitOf(DemoUsers.SCHOOL_LEAD);
		long leadSchool = jdbc.sql("select id from school where organisation_id = ?")
			.param(leadUnit)
			.query(Long.class)
			.single();
		Page incident = api("POST", "/api/v1/incidents", DemoUsers.STATION_OFFICER, """
				{"schoolId":%d,"type":"OTHER","occurredAt":"%s","place":"校门口","persons":"学生 1 名",
				 "what":"放学时段校外人员滋扰","deaths":0,"injured":0}""".formatted(leadSchool,
				PlatformTime.local(clock.instant()).withNano(0).minusHours(1)));
		assertThat(incident.status()).as(incident.body()).isEqualTo(201);
		long incidentId = json(incident.body()).get("id").asLong();
		Page linked = api("POST", "/api/v1/supervision/accountability", DemoUsers.COUNTY_EDUCATION, """
				{"kind":"INTERVIEW","targetUnitId":%d,"decidedOn":"%s","reason":"门卫值守不力","incidentId":%d}"""
			.formatted(leadUnit, today, incidentId));
		assertThat(linked.status()).as(linked.body()).isEqualTo(201);
		long linkedId = json(linked.body()).get("id").asLong();
		assertThat(json(linked.body()).get("incidentId").asLong()).isEqualTo(incidentId);
		JsonNode seenBySchool = json(
				api("GET", "/api/v1/supervision/accountability?size=200", DemoUsers.SCHOOL_LEAD, null).body());
		boolean seen = false;
		for (JsonNode item : seenBySchool.get("items")) {
			if (item.get("id").asLong() == linkedId) {
				seen = true;
				assertThat(item.get("incidentId").isNull()).as("the school may not open incidents").isTrue();
			}
		}
		assertThat(seen).isTrue();
		assertThat(api("POST", "/api/v1/supervision/accountability", DemoUsers.OTHER_COUNTY_EDUCATION, """
				{"kind":"INTERVIEW","targetUnitId":%d,"decidedOn":"%s","reason":"越权","incidentId":%d}"""
			.formatted(wujinSchool, today, incidentId)).body()).contains("所关联的案事件不存在或不在您的管辖范围内");

		// a record made by the police is police-only
		long station = jdbc.sql("select organisation_id from user_account where username = ?")
			.param(DemoUsers.STATION_OFFICER)
			.query(Long.class)
			.single();
		Page police = api("POST", "/api/v1/supervision/accountability", DemoUsers.CITY_POLICE, """
				{"kind":"ACCOUNTABILITY","targetUnitId":%d,"decidedOn":"%s","reason":"警情处置迟缓"}""".formatted(station,
				today));
		assertThat(police.status()).as(police.body()).isEqualTo(201);
		long policeId = json(police.body()).get("id").asLong();
		assertThat(json(police.body()).get("policeOnly").asBoolean()).isTrue();
		assertThat(api("GET", "/api/v1/supervision/accountability?size=200", DemoUsers.CITY_POLICE, null).body())
			.contains("\"id\":" + policeId + ",");
		assertThat(api("GET", "/api/v1/supervision/accountability?size=200", DemoUsers.ADMIN, null).body())
			.doesNotContain("\"id\":" + policeId + ",");
		assertThat(api("GET", "/api/v1/supervision/accountability?size=200", DemoUsers.CITY_EDUCATION, null).body())
			.doesNotContain("警情处置迟缓");
	}

	@Test
	void groupsKeepTheirMembersChangesAndListsMaskPhones() {
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		county.get("/supervision");
		Page bad = county.postForm("/supervision/groups", Map.of("kind", "NOPE", "name", "天宁区护校安园工作专班（保留）"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("类型").contains("天宁区护校安园工作专班（保留）");
		Page created = county.postForm("/supervision/groups",
				Map.of("kind", "WORKING_TEAM", "name", "天宁区护校安园工作专班", "duties", "日常督导"));
		assertThat(created.status()).isEqualTo(302);
		String group = find(created.location().orElseThrow(), "/supervision/groups/(\\d+)");
		Page badMember = county.postForm("/supervision/groups/" + group + "/members",
				Map.of("name", "赵六", "role", "LEADER", "position", "副局长", "phone", "12ab"));
		assertThat(badMember.status()).isEqualTo(400);
		assertThat(badMember.body()).contains("联系电话应为").contains("赵六").contains("12ab");
		assertThat(county
			.postForm("/supervision/groups/" + group + "/members",
					Map.of("name", "赵六", "role", "LEADER", "position", "副局长", "phone", "13912345678"))
			.status()).isEqualTo(302);
		assertThat(county
			.postForm("/supervision/groups/" + group + "/members",
					Map.of("name", "钱七", "role", "LIAISON", "position", "安稳科科员", "phone", "13900001111"))
			.status()).isEqualTo(302);
		String list = county.get("/supervision").body();
		assertThat(list).contains("赵六 139****5678").doesNotContain("13912345678");
		assertThat(county.get("/supervision/groups/" + group).body()).contains("13912345678");
		long member = jdbc.sql("select id from supervision_member where group_id = ? and name = '钱七'")
			.param(Long.parseLong(group))
			.query(Long.class)
			.single();
		assertThat(county
			.postForm("/supervision/groups/" + group + "/leave", Map.of("memberId", member + "", "reason", "岗位调整"))
			.status()).isEqualTo(302);
		String page = county.get("/supervision/groups/" + group).body();
		assertThat(find(page, "<ul id=\"past-members\">([\\s\\S]*?)</ul>")).contains("钱七").contains("岗位调整");
		assertThat(find(page, "<ul id=\"changes\"[^>]*>([\\s\\S]*?)</ul>")).contains("钱七 不再担任联络员");
		// another unit's group: read within scope, never changed
		assertThat(api("POST", "/api/v1/supervision/groups/" + group + "/members", DemoUsers.CITY_EDUCATION, """
				{"name":"孙八","role":"MEMBER","position":"x","phone":"13900002222"}""").status()).isEqualTo(403);
		assertThat(api("GET", "/api/v1/supervision/groups/" + group, DemoUsers.OTHER_COUNTY_EDUCATION, null).status())
			.isEqualTo(404);
		assertThat(api("GET", "/api/v1/supervision/groups/" + group, DemoUsers.CITY_EDUCATION, null).status())
			.isEqualTo(200);
		// the demo city's group is there, its leader's phone masked in the list
		assertThat(api("GET", "/api/v1/supervision/groups", DemoUsers.CITY_EDUCATION, null).body())
			.contains("常州市护校安园工作领导小组")
			.contains("138****0001");
	}

}
