package cn.hxay.inspection;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import cn.hxay.demo.DemoUsers;
import cn.hxay.dispute.Disputes;
import cn.hxay.drill.AnnexFigures;
import cn.hxay.organisation.Organisations;
import cn.hxay.shared.PlatformTime;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.support.Texts.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Annex 1's rows for drills and safety education, school buses and disputes come from the
 * records: a school's group activities, sessions, a bus with a lapsed sign and a dispute
 * are recorded over HTTP, and the Annex 1 Excel of the school's form, read back with POI,
 * holds exactly what the drill, bus and dispute records say, each cell noting its source;
 * the dispute row (a sensitive item) only for police; the form page prefills them with
 * their source, and a school's different answer is kept and set against the records.
 */
@PlatformTest
class AnnexRecordsTests {

	private static final String PW = DemoUsers.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@Autowired
	Disputes disputes;

	@Autowired
	Organisations organisations;

	@Autowired
	JdbcClient jdbc;

	private Page api(String method, String path, String user, String body) {
		return new WebSession(port).api(method, path, user, PW, body, Map.of());
	}

	private Page created(Page page) {
		assertThat(page.status()).as(page.body()).isEqualTo(201);
		return page;
	}

	/** Annex 1 read back: each label with the cell next to it, and its comment. */
	private static Map<String, Cell> cells(byte[] xlsx) throws Exception {
		Map<String, Cell> cells = new HashMap<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			for (Row row : sheet) {
				for (int col = 0; col + 1 < 4; col += 2) {
					Cell label = row.getCell(col);
					if (label != null && row.getCell(col + 1) != null && !label.getStringCellValue().isEmpty()) {
						cells.put(label.getStringCellValue(), row.getCell(col + 1));
					}
				}
			}
		}
		return cells;
	}

	@Test
	void annexOneCellsEqualTheDrillBusAndDisputeRecords() throws Exception {
		LocalDate today = PlatformTime.today(clock);
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		long campaign = InspectionFlowTests.launch(county, "附件1取数" + System.nanoTime() % 100000, "320402", today,
				today.plusDays(20));
		long inspection = InspectionFlowTests.inspectionOfLead(port, campaign);
		long school = json(api("GET", "/api/v1/schools", DemoUsers.SCHOOL_LEAD, null).body()).get("items")
			.get(0)
			.get("id")
			.asLong();

		// the records: two group activities (one without a responsible school leader), a
		// lecture, a bus whose sign has lapsed, a dispute
		created(api("POST", "/api/v1/drills/activities", DemoUsers.SCHOOL_LEAD, """
				{"schoolId":%d,"heldOn":"%s","title":"寒假研学","people":120,"leaderResponsible":true,"leaderName":"王校长"}"""
			.formatted(school, today.minusDays(3))));
		created(api("POST", "/api/v1/drills/activities", DemoUsers.SCHOOL_LEAD, """
				{"schoolId":%d,"heldOn":"%s","title":"社区志愿服务","people":45,"leaderResponsible":false}"""
			.formatted(school, today.minusDays(2))));
		created(api("POST", "/api/v1/drills/sessions", DemoUsers.SCHOOL_LEAD, """
				{"schoolId":%d,"kind":"LEGAL_LECTURE","heldOn":"%s","topic":"预防校园欺凌","speaker":"李警官","audience":600}"""
			.formatted(school, today.minusDays(1))));
		created(api("POST", "/api/v1/school-buses", DemoUsers.SCHOOL_LEAD,
				"""
						{"schoolId":%d,"plate":"苏D%05d","seats":19,"signNumber":"XC-%d","signValidUntil":"%s","inspectionValidUntil":"%s"}"""
					.formatted(school, System.nanoTime() % 100000, System.nanoTime() % 1000, today.minusDays(1),
							today.plusDays(200))));
		created(api("POST", "/api/v1/disputes", DemoUsers.STATION_OFFICER, """
				{"schoolId":%d,"kind":"PARENT_SCHOOL","title":"家长到校讨说法","description":"学生受伤，家长多次到校。",
				 "parties":"学生家长、学校","responsibleUnit":"青龙派出所","responsibleOfficer":"李警官","deadline":"%s"}"""
			.formatted(school, today.plusDays(5))));

		// what the records say, read through their own APIs
		JsonNode drill = null;
		for (JsonNode row : json(
				api("GET", "/api/v1/drills/annex?from=" + today.minusDays(AnnexRecords.PERIOD_DAYS) + "&to=" + today,
						DemoUsers.SCHOOL_LEAD, null)
					.body())
			.get("schools")) {
			if (row.get("schoolId").asLong() == school) {
				drill = row;
			}
		}
		assertThat(drill).isNotNull();
		AnnexFigures figures = new AnnexFigures(school, "", "", drill.get("educationSessions").asInt(),
				drill.get("legalLectures").asInt(), drill.get("educationAudience").asInt(),
				drill.get("activities").asInt(), drill.get("people").asInt(), false);
		assertThat(figures.activities()).isGreaterThanOrEqualTo(2);
		assertThat(drill.get("ledBySchoolLeader").asBoolean()).isFalse();
		String bus = null;
		for (JsonNode row : json(api("GET", "/api/v1/school-buses/annex", DemoUsers.SCHOOL_LEAD, null).body())) {
			if (row.get("schoolId").asLong() == school) {
				bus = row.get("text").asString();
			}
		}
		assertThat(bus).contains("证照过期");
		long unit = jdbc.sql("select organisation_id from user_account where username = ?")
			.param(DemoUsers.STATION_OFFICER)
			.query(Long.class)
			.single();
		long disputesOfSchool = disputes.countsBySchool(organisations.scopeOf(unit, true)).get(school).total();

		// the police station's Annex 1: every row from the records, each noting its
		// source
		Page police = WebSession.signedIn(port, DemoUsers.STATION_OFFICER, PW)
			.get("/inspections/" + inspection + "/annex1.xlsx");
		assertThat(police.status()).isEqualTo(200);
		Map<String, Cell> cells = cells(police.bytes());
		assertThat(cells.get("假期学生安全教育情况").getStringCellValue()).isEqualTo(figures.educationText());
		assertThat(cells.get("假期师生团体活动次数").getStringCellValue()).isEqualTo(String.valueOf(figures.activities()));
		assertThat(cells.get("假期师生团体活动总人数").getStringCellValue()).isEqualTo(String.valueOf(figures.people()));
		assertThat(cells.get("团体活动安全是否由校级领导直接负责").getStringCellValue()).isEqualTo("否");
		assertThat(cells.get("校车等安全隐患情况（无校车等用“/”）").getStringCellValue()).isEqualTo(bus);
		assertThat(cells.get("涉校不稳定因素情况").getStringCellValue()).startsWith("矛盾纠纷 " + disputesOfSchool + " 件");
		assertThat(cells.get("校车等安全隐患情况（无校车等用“/”）").getCellComment().getString().getString()).contains("来自校车与驾驶人台账");
		assertThat(cells.get("假期师生团体活动次数").getCellComment().getString().getString()).contains("来自安全教育与团体活动记录");
		assertThat(cells.get("涉校不稳定因素情况").getCellComment().getString().getString()).contains("来自矛盾纠纷台账");

		// the county (education) gets the same rows but never the dispute one
		Map<String, Cell> education = cells(county.get("/inspections/" + inspection + "/annex1.xlsx").bytes());
		assertThat(education.get("校车等安全隐患情况（无校车等用“/”）").getStringCellValue()).isEqualTo(bus);
		assertThat(education.get("涉校不稳定因素情况").getStringCellValue()).isEqualTo(AnnexForms.HIDDEN);
		assertThat(education.get("涉校不稳定因素情况").getCellComment()).isNull();

		// the school's form starts from the records, with their source; no dispute row
		WebSession lead = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, PW);
		Page form = lead.get("/inspections/" + inspection);
		assertThat(form.body()).contains("id=\"record-schoolBusHazards\"")
			.contains("来自校车与驾驶人台账")
			.contains("id=\"record-groupActivities\"")
			.doesNotContain("id=\"record-instability\"")
			.doesNotContain("矛盾纠纷 ");
		// a different answer is kept, and set against the records for the reviewer
		Map<String, Object> draft = new HashMap<>();
		draft.put("version", InspectionFlowTests.version(form));
		draft.put("action", "draft");
		draft.put("a[groupActivities]", String.valueOf(figures.activities() + 1));
		Page saved = lead.postForm("/inspections/" + inspection, draft);
		assertThat(saved.status()).as(saved.body()).isIn(200, 302);
		assertThat(lead.get("/inspections/" + inspection).body()).contains("id=\"record-notes\"")
			.contains("“假期师生团体活动次数”填报“" + (figures.activities() + 1) + "”");
		Cell corrected = cells(county.get("/inspections/" + inspection + "/annex1.xlsx").bytes()).get("假期师生团体活动次数");
		assertThat(corrected.getStringCellValue()).isEqualTo(String.valueOf(figures.activities() + 1));
		assertThat(corrected.getCellComment().getString().getString()).contains("学校填报")
			.contains("为“" + figures.activities() + "”");
	}

}
