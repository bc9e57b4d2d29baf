package cn.hxay.hazard;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.hxay.support.Texts.find;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hazard ledger over real HTTP and PostgreSQL: raise → notice PDF → fix → return →
 * fix → 销号; overdue → 挂牌督办.
 */
@PlatformTest
class HazardLedgerTests {

	private static final String PW = "Demo@2026";

	@LocalServerPort
	int port;

	@Autowired
	HazardOverdueJob overdueJob;

	@Autowired
	Clock clock;

	private Page api(String method, String path, String user, String json, String ifMatch) {
		return new WebSession(port).api(method, path, user, PW, json,
				ifMatch == null ? Map.of() : Map.of("If-Match", "\"" + ifMatch + "\""));
	}

	private long schoolOfLead() {
		Page page = api("GET", "/api/v1/schools", "school.lead", null, null);
		assertThat(page.status()).isEqualTo(200);
		return Long.parseLong(find(page.body(), "\"id\":(\\d+)"));
	}

	private Page raise(String user, long schoolId, String grade, String deadline, String place) {
		String json = """
				{"schoolId":%d,"place":"%s","category":"PHYSICAL","grade":"%s","description":"校门防冲撞设施缺失",
				 "requirements":"设置硬质防冲撞隔离设施","responsibleUnit":"学校总务处","responsiblePerson":"王建国",
				 "deadline":%s}""".formatted(schoolId, place, grade,
				deadline == null ? "null" : "\"" + deadline + "\"");
		return api("POST", "/api/v1/hazards", user, json, null);
	}

	@Test
	void aHazardIsFollowedFromNoticeToClosing() throws Exception {
		long school = schoolOfLead();
		Page raised = raise("tianning.edu", school, "SERIOUS", null, "南校门-" + System.nanoTime());
		assertThat(raised.status()).as(raised.body()).isEqualTo(201);
		String id = find(raised.body(), "\"id\":(\\d+)");
		assertThat(raised.body()).contains("\"stateLabel\":\"待整改\"");

		Page pdf = new WebSession(port).api("GET", "/api/v1/hazards/" + id + "/notice.pdf", "school.lead", PW, null,
				Map.of("Accept", "application/pdf"));
		assertThat(pdf.status()).isEqualTo(200);
		try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("隐患整改通知书").contains("设置硬质防冲撞隔离设施").contains("王建国").contains("较大");
		}

		Page other = api("GET", "/api/v1/hazards/" + id, "wujin.edu", null, null);
		assertThat(other.status()).isEqualTo(404);

		Page started = api("POST", "/api/v1/hazards/" + id + "/start", "school.lead", null, "0");
		assertThat(started.status()).as(started.body()).isEqualTo(200);
		Page submitted = api("POST", "/api/v1/hazards/" + id + "/submit", "school.lead",
				"{\"safeguards\":\"临时设置铁马并安排保安值守\"}", "1");
		assertThat(submitted.body()).contains("已提交待验收").contains("临时设置铁马");

		Page selfClose = api("POST", "/api/v1/hazards/" + id + "/close", "school.lead", "{}", "2");
		assertThat(selfClose.status()).isEqualTo(403);

		Page returned = api("POST", "/api/v1/hazards/" + id + "/return", "tianning.edu", "{\"comment\":\"隔离桩高度不足\"}",
				"2");
		assertThat(returned.body()).as(returned.body()).contains("\"stateLabel\":\"整改中\"");
		api("POST", "/api/v1/hazards/" + id + "/submit", "school.lead", "{}", "3");
		Page closed = api("POST", "/api/v1/hazards/" + id + "/close", "tianning.edu", "{\"comment\":\"复查合格\"}", "4");
		assertThat(closed.status()).as(closed.body()).isEqualTo(200);
		assertThat(closed.body()).contains("\"stateLabel\":\"已销号\"");

		Page steps = api("GET", "/api/v1/hazards/" + id + "/steps", "tianning.edu", null, null);
		assertThat(steps.body()).contains("验收退回").contains("隔离桩高度不足").contains("验收销号");
	}

	@Test
	void theLedgerComesOutAsExcelAndTheCountyHasARectificationRate() throws Exception {
		long school = schoolOfLead();
		String place = "操场-" + System.nanoTime();
		raise("tianning.edu", school, "GENERAL", null, place);
		Page xlsx = new WebSession(port).api("GET", "/api/v1/hazards/ledger.xlsx?grade=GENERAL", "tianning.edu", PW,
				null, Map.of("Accept", "*/*"));
		assertThat(xlsx.status()).isEqualTo(200);
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(xlsx.bytes()))) {
			var sheet = book.getSheet("隐患台账");
			assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("隐患部位");
			boolean found = false;
			for (int r = 2; r <= sheet.getLastRowNum(); r++) {
				found |= place.equals(sheet.getRow(r).getCell(4).getStringCellValue());
				assertThat(sheet.getRow(r).getCell(6).getStringCellValue()).isEqualTo("一般");
			}
			assertThat(found).isTrue();
		}
		Page wujin = new WebSession(port).api("GET", "/api/v1/hazards/ledger.xlsx", "wujin.edu", PW, null,
				Map.of("Accept", "*/*"));
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(wujin.bytes()))) {
			var sheet = book.getSheet("隐患台账");
			for (int r = 2; r <= sheet.getLastRowNum(); r++) {
				assertThat(sheet.getRow(r).getCell(4).getStringCellValue()).isNotEqualTo(place);
			}
		}
		Page figures = api("GET", "/api/v1/hazards/statistics", "tianning.edu", null, null);
		assertThat(figures.status()).isEqualTo(200);
		assertThat(figures.body()).contains("\"rate\":").contains("\"overdue\":");
	}

	@Test
	void illegalMovesAreRefusedAndAMajorHazardNeedsItsPlanBeforeSubmitting() {
		long school = schoolOfLead();
		Page major = raise("tianning.edu", school, "MAJOR", null, "教学楼-" + System.nanoTime());
		String id = find(major.body(), "\"id\":(\\d+)");
		assertThat(major.body()).contains("\"supervised\":true");
		Page closeEarly = api("POST", "/api/v1/hazards/" + id + "/close", "tianning.edu", "{}", "0");
		assertThat(closeEarly.status()).isEqualTo(400);
		assertThat(closeEarly.body()).contains("只有已提交待验收的隐患才能销号");
		Page noPlan = api("POST", "/api/v1/hazards/" + id + "/submit", "school.lead", "{}", "0");
		assertThat(noPlan.status()).isEqualTo(400);
		assertThat(noPlan.body()).contains("重大隐患须先填写");
		assertThat(api("GET", "/api/v1/hazards/" + id, "school.lead", null, null).body())
			.contains("\"stateLabel\":\"待整改\"");
	}

	@Test
	void theSecondWriterGetsAConflictInsteadOfOverwriting() {
		long school = schoolOfLead();
		String id = find(raise("tianning.edu", school, "GENERAL", null, "食堂-" + System.nanoTime()).body(),
				"\"id\":(\\d+)");
		Page first = api("POST", "/api/v1/hazards/" + id + "/safeguards", "school.lead", "{\"safeguards\":\"张贴警示标识\"}",
				"0");
		assertThat(first.status()).isEqualTo(200);
		Page second = api("POST", "/api/v1/hazards/" + id + "/safeguards", "tianning.edu", "{\"safeguards\":\"拉警戒线\"}",
				"0");
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.body()).contains("已被他人修改");
		assertThat(api("GET", "/api/v1/hazards/" + id, "tianning.edu", null, null).body()).contains("张贴警示标识");
	}

	@Test
	void anOverdueHazardGoesUnderListedSupervision() {
		long school = schoolOfLead();
		LocalDate deadline = LocalDate.now(clock).plusDays(2);
		String id = find(
				raise("tianning.edu", school, "SERIOUS", deadline.toString(), "围墙-" + System.nanoTime()).body(),
				"\"id\":(\\d+)");

		overdueJob.run(Clock.offset(clock, Duration.ofDays(1)));
		assertThat(api("GET", "/api/v1/hazards/" + id, "tianning.edu", null, null).body())
			.contains("\"overdue\":false");

		assertThat(overdueJob.run(Clock.offset(clock, Duration.ofDays(4)))).isGreaterThanOrEqualTo(1);
		Page h = api("GET", "/api/v1/hazards/" + id, "tianning.edu", null, null);
		assertThat(h.body()).contains("\"overdue\":true").contains("\"supervised\":true");
		Page list = api("GET", "/api/v1/hazards?supervised=true", "city.edu", null, null);
		assertThat(list.body()).contains("\"id\":" + id + ",");

		String version = find(h.body(), "\"version\":(\\d+)");
		Page plan = api("POST", "/api/v1/hazards/" + id + "/plan", "tianning.edu", """
				{"goal":"月底前完成围墙加固","measures":"拆除重砌","funds":"12万元，区财政","people":"王建国","deadline":"%s",
				 "emergencyPlan":"设置警戒区，安排专人巡查"}""".formatted(deadline.plusDays(20)), version);
		assertThat(plan.status()).as(plan.body()).isEqualTo(200);
		assertThat(plan.body()).contains("拆除重砌");
	}

	@Test
	void defaultDeadlinesFollowTheRegionsOwnPeriods() {
		Page wujinSchools = api("GET", "/api/v1/schools", "wujin.edu", null, null);
		long wujin = Long.parseLong(find(wujinSchools.body(), "\"id\":(\\d+)"));
		LocalDate today = LocalDate.now(clock);
		// 武进区 sets 一般 2 days and 较大 15 days; 重大 keeps the national 90 days
		assertThat(raise("wujin.edu", wujin, "GENERAL", null, "操场-" + System.nanoTime()).body())
			.contains("\"deadline\":\"" + today.plusDays(2) + "\"");
		assertThat(raise("wujin.edu", wujin, "SERIOUS", null, "食堂-" + System.nanoTime()).body())
			.contains("\"deadline\":\"" + today.plusDays(15) + "\"");
		assertThat(raise("wujin.edu", wujin, "MAJOR", null, "宿舍-" + System.nanoTime()).body())
			.contains("\"deadline\":\"" + today.plusDays(90) + "\"");
		// 天宁区 has no setting of its own: 一般 is fixed on the spot
		assertThat(raise("tianning.edu", schoolOfLead(), "GENERAL", null, "门卫室-" + System.nanoTime()).body())
			.contains("\"deadline\":\"" + today + "\"");
	}

}
