package cn.hxay.report;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.hxay.demo.DemoUsers;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.PlatformTime;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 填报 through HTTP and PostgreSQL: 常州市教育局 asks the counties for a half-monthly report; 天宁区
 * opens it with the hazard ledger's figures filled in (equal to the ledger's lists),
 * corrects one with a reason, attests and submits (locked, on time); the city reopens it
 * (recorded), 武进区 reports after the due day (迟报, judged by the period, not the day it was
 * typed), another county is refused after the lock (漏报); the late list, the 通报 and its
 * PDF, the Annex-style summary in Excel and PDF read back. A 10th/25th statistics table
 * of the police with each case attached, over a shifted clock, and reminders once per
 * unit.
 */
@PlatformTest
class ReportFlowTests {

	static final String PW = DemoUsers.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	Reports reports;

	@Autowired
	Organisations organisations;

	@Autowired
	ReportReminderJob reminders;

	@Autowired
	JdbcClient jdbc;

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

	CurrentUser user(String username, Role role) {
		return new CurrentUser(0, username, username, unitOf(username), java.util.Set.of(role));
	}

	@Test
	void halfMonthlyReportPrefilledSubmittedLockedReopenedLateMissingAndNoticed() throws Exception {
		LocalDate today = PlatformTime.today(clock);
		String title = "半月报测试-" + System.nanoTime();
		// bad definitions: 400 by field, nothing written
		Page bad = api("POST", "/api/v1/reports", DemoUsers.CITY_EDUCATION, """
				{"title":"","form":"PROGRESS","cadence":"MONTHLY","startsOn":"%s","targetKind":"SCHOOL"}"""
			.formatted(today));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("请填写报表名称").contains("次月几日前报送");
		assertThat(api("POST", "/api/v1/reports", DemoUsers.SCHOOL_LEAD, "{}").status()).isEqualTo(403);
		Page created = api("POST", "/api/v1/reports", DemoUsers.CITY_EDUCATION, """
				{"title":"%s","form":"PROGRESS","cadence":"HALF_MONTHLY","dueDay":3,"startsOn":"%s","lockDays":5,
				 "remindDays":2,"targetKind":"COUNTY_EDUCATION_BUREAU"}""".formatted(title, today.minusDays(60)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode def = json(created.body());
		long id = def.get("id").asLong();
		ReportDefinition d = reports.definition(DataScope.everything(true), id);
		Period current = d.current(today).orElseThrow();
		assertThat(current.start().getDayOfMonth()).isIn(1, 16);
		assertThat(current.due()).isEqualTo(current.end().plusDays(3));
		// a period whose lock passed: 漏报, and no report may be opened for it any more
		Period old = d.periods(today).stream().filter(p -> p.lockedAfter().isBefore(today)).findFirst().orElseThrow();
		JsonNode oldUnits = json(
				api("GET", "/api/v1/reports/" + id + "/units?period=" + old.start(), DemoUsers.CITY_EDUCATION, null)
					.body());
		assertThat(oldUnits.size()).isEqualTo(6);
		oldUnits.forEach(u -> assertThat(u.get("status").asString()).isEqualTo("MISSING"));
		assertThat(api("POST", "/api/v1/reports/" + id + "/submissions?period=" + old.start(),
				DemoUsers.COUNTY_EDUCATION, null)
			.status()).isEqualTo(403);

		// 天宁区 opens the current period: the figures are the ledger's lists for its scope
		Page opened = api("POST", "/api/v1/reports/" + id + "/submissions?period=" + current.start(),
				DemoUsers.COUNTY_EDUCATION, null);
		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		JsonNode s = json(opened.body());
		long sid = s.get("id").asLong();
		Map<String, JsonNode> values = byField(s);
		// the ledger's own lists, as the county reads them
		long hazards = json(api("GET", "/api/v1/hazards", DemoUsers.COUNTY_EDUCATION, null).body()).size();
		long closed = json(api("GET", "/api/v1/hazards?state=CLOSED", DemoUsers.COUNTY_EDUCATION, null).body()).size();
		long supervised = json(api("GET", "/api/v1/hazards?supervised=true", DemoUsers.COUNTY_EDUCATION, null).body())
			.size();
		assertThat(values.get("hazardsTotal").get("prefilled").asString()).isEqualTo(Long.toString(hazards));
		assertThat(values.get("hazardsClosed").get("prefilled").asString()).isEqualTo(Long.toString(closed));
		assertThat(values.get("hazardsSupervised").get("prefilled").asString()).isEqualTo(Long.toString(supervised));
		assertThat(values.get("hazardsTotal").get("source").asString()).isEqualTo("隐患台账");
		// other units cannot see it; a county of the city and the city can
		assertThat(api("GET", "/api/v1/reports/submissions/" + sid, DemoUsers.OTHER_COUNTY_EDUCATION, null).status())
			.isEqualTo(404);
		assertThat(api("GET", "/api/v1/reports/submissions/" + sid, DemoUsers.CITY_EDUCATION, null).status())
			.isEqualTo(200);

		// a corrected figure needs its reason; submitting needs the attestation; nothing
		// written
		int version = s.get("version").asInt();
		String corrected = Long.toString(hazards + 2);
		Page noReason = api("PUT", "/api/v1/reports/submissions/" + sid, DemoUsers.COUNTY_EDUCATION, """
				{"version":%d,"values":{"progress":"本期完成排查","hazardsTotal":"%s"},"submit":true,"attest":true}"""
			.formatted(version, corrected));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.body()).contains("请说明修改原因");
		Page noAttest = api("PUT", "/api/v1/reports/submissions/" + sid, DemoUsers.COUNTY_EDUCATION, """
				{"version":%d,"values":{"progress":"本期完成排查","hazardsTotal":"%s"},
				 "reasons":{"hazardsTotal":"两处隐患尚未录入平台"},"submit":true}""".formatted(version, corrected));
		assertThat(noAttest.status()).isEqualTo(400);
		assertThat(noAttest.body()).contains("确认填报内容");
		assertThat(json(api("GET", "/api/v1/reports/submissions/" + sid, DemoUsers.COUNTY_EDUCATION, null).body())
			.get("version")
			.asInt()).isEqualTo(version);
		Map<String, String> fill = new HashMap<>();
		values.forEach((k, v) -> fill.put(k, v.get("value").isNull() ? "0" : v.get("value").asString()));
		fill.put("progress", "本期完成排查");
		fill.put("hazardsTotal", corrected);
		String body = tools.jackson.databind.json.JsonMapper.shared()
			.writeValueAsString(Map.of("version", version, "values", fill, "reasons",
					Map.of("hazardsTotal", "两处隐患尚未录入平台"), "submit", true, "attest", true));
		Page submitted = api("PUT", "/api/v1/reports/submissions/" + sid, DemoUsers.COUNTY_EDUCATION, body);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		JsonNode after = json(submitted.body());
		assertThat(after.get("state").asString()).isEqualTo("SUBMITTED");
		assertThat(byField(after).get("hazardsTotal").get("reason").asString()).isEqualTo("两处隐患尚未录入平台");
		assertThat(byField(after).get("hazardsTotal").get("corrected").asBoolean()).isTrue();
		// locked: a second save is refused
		assertThat(api("PUT", "/api/v1/reports/submissions/" + sid, DemoUsers.COUNTY_EDUCATION,
				"{\"version\":%d,\"values\":{\"progress\":\"改\"}}".formatted(after.get("version").asInt()))
			.status()).isEqualTo(409);
		assertThat(status(id, current, "天宁区教育局")).isEqualTo("ON_TIME");

		// reopening: not by the unit itself, not by a sibling county, only by the level
		// above with a reason
		assertThat(api("POST", "/api/v1/reports/submissions/" + sid + "/reopen", DemoUsers.COUNTY_EDUCATION,
				"{\"reason\":\"自己改\"}")
			.status()).isEqualTo(403);
		assertThat(api("POST", "/api/v1/reports/submissions/" + sid + "/reopen", DemoUsers.OTHER_COUNTY_EDUCATION,
				"{\"reason\":\"x\"}")
			.status()).isEqualTo(404);
		assertThat(
				api("POST", "/api/v1/reports/submissions/" + sid + "/reopen", DemoUsers.INSPECTOR, "{\"reason\":\"x\"}")
					.status())
			.isEqualTo(403);
		assertThat(
				api("POST", "/api/v1/reports/submissions/" + sid + "/reopen", DemoUsers.CITY_EDUCATION, "{}").status())
			.isEqualTo(400);
		Page reopened = api("POST", "/api/v1/reports/submissions/" + sid + "/reopen", DemoUsers.CITY_EDUCATION,
				"{\"reason\":\"隐患数与区台账不一致，请核实\"}");
		assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
		assertThat(json(reopened.body()).get("state").asString()).isEqualTo("REOPENED");
		assertThat(reopened.body()).contains("退回修改").contains("隐患数与区台账不一致，请核实");
		JsonNode again = json(api("PUT", "/api/v1/reports/submissions/" + sid, DemoUsers.COUNTY_EDUCATION, """
				{"version":%d,"values":{"hazardsTotal":"%d"},"submit":true,"attest":true}"""
			.formatted(json(reopened.body()).get("version").asInt(), hazards)).body());
		assertThat(again.get("state").asString()).isEqualTo("SUBMITTED");
		assertThat(again.toString()).contains("重新报送");
		assertThat(status(id, current, "天宁区教育局")).as("still judged by the first submission").isEqualTo("ON_TIME");

		// shifted clock: 武进区 typed after the due day is late for this period; a county
		// typing after the lock is refused; the standings move with the day
		DataScope wujinScope = organisations.scopeOf(unitOf(DemoUsers.OTHER_COUNTY_EDUCATION), false);
		CurrentUser wujin = user(DemoUsers.OTHER_COUNTY_EDUCATION, Role.COUNTY_EDUCATION_ADMIN);
		Submission w = reports.open(wujin, wujinScope, id, current.start());
		Map<String, String> wv = new HashMap<>();
		w.values().forEach(v -> wv.put(v.field(), v.value() == null ? "0" : v.value()));
		wv.put("progress", "补报");
		Instant afterDue = current.due().plusDays(1).atTime(10, 0).atZone(PlatformTime.ZONE).toInstant();
		reports.save(wujin, wujinScope, w.id(), w.version(), wv, Map.of(), true, true, afterDue);
		assertThat(status(id, current, "武进区教育局")).isEqualTo("LATE");
		DataScope city = organisations.scopeOf(unitOf(DemoUsers.CITY_EDUCATION), false);
		Map<String, String> byUnit = new HashMap<>();
		reports.board(city, id, current.start(), current.due())
			.forEach(r -> byUnit.put(r.target().unitName(), r.status().name()));
		assertThat(byUnit).containsEntry("天宁区教育局", "ON_TIME").containsEntry("武进区教育局", "LATE");
		assertThat(byUnit.values()).contains("DUE");
		reports.board(city, id, current.start(), current.due().plusDays(1))
			.stream()
			.filter(r -> r.submissionId() == null)
			.forEach(r -> assertThat(r.status()).isEqualTo(ReportStatus.OVERDUE));
		reports.board(city, id, current.start(), current.lockedAfter().plusDays(1))
			.stream()
			.filter(r -> r.submissionId() == null)
			.forEach(r -> assertThat(r.status()).isEqualTo(ReportStatus.MISSING));
		long otherUnit = reports.board(city, id, current.start(), today)
			.stream()
			.filter(r -> r.submissionId() == null)
			.findFirst()
			.orElseThrow()
			.target()
			.unitId();
		CurrentUser other = new CurrentUser(0, "x", "x", otherUnit, java.util.Set.of(Role.COUNTY_EDUCATION_ADMIN));
		DataScope otherScope = organisations.scopeOf(otherUnit, false);
		Submission o = reports.open(other, otherScope, id, current.start());
		Instant afterLock = current.lockedAfter().plusDays(1).atTime(9, 0).atZone(PlatformTime.ZONE).toInstant();
		assertThatThrownBy(
				() -> reports.save(other, otherScope, o.id(), o.version(), wv, Map.of(), true, true, afterLock))
			.isInstanceOf(ForbiddenException.class)
			.hasMessageContaining("锁定");

		// the late list: the level above only
		assertThat(api("GET", "/api/v1/reports/" + id + "/late?period=" + current.start(), DemoUsers.COUNTY_EDUCATION,
				null)
			.status()).isEqualTo(403);
		JsonNode late = json(
				api("GET", "/api/v1/reports/" + id + "/late?period=" + current.start(), DemoUsers.CITY_EDUCATION, null)
					.body());
		assertThat(late.toString()).contains("武进区教育局").doesNotContain("天宁区教育局");

		// the 通报 from the late list, its PDF read back and drawn
		assertThat(api("POST", "/api/v1/reports/" + id + "/notices", DemoUsers.COUNTY_EDUCATION,
				"{\"period\":\"%s\"}".formatted(current.start()))
			.status()).isEqualTo(403);
		Page notice = api("POST", "/api/v1/reports/" + id + "/notices", DemoUsers.CITY_EDUCATION,
				"{\"period\":\"%s\",\"remark\":\"请于三日内补报。\"}".formatted(current.start()));
		assertThat(notice.status()).as(notice.body()).isEqualTo(201);
		JsonNode n = json(notice.body());
		assertThat(n.get("number").asString()).matches("常州教通〔\\d{4}〕\\d+号");
		assertThat(n.get("units").toString()).contains("武进区教育局：迟报");
		WebSession citySession = WebSession.signedIn(port, DemoUsers.CITY_EDUCATION, PW);
		Page pdf = citySession.get(n.get("pdf").asString());
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.header("Content-Disposition")).contains(".pdf");
		try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("常州市教育局文件")
				.contains(n.get("number").asString())
				.contains("武进区教育局：迟报")
				.contains("请于三日内补报")
				.contains("盖章");
		}
		save("report-notice.pdf", pdf.bytes());

		// the summary: numbers as numbers, a 合计 row, units not reported marked 未报 (not 0)
		Page xlsx = citySession.get("/reports/" + id + "/summary.xlsx?period=" + current.start());
		assertThat(xlsx.status()).isEqualTo(200);
		save("report-summary.xlsx", xlsx.bytes());
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(title);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("填报单位：常州市教育局").contains("数据截至");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 3);
			assertThat(sheet.getColumnWidth(1)).isGreaterThan(2000);
			int hazardsColumn = -1;
			for (int k = 0; k < sheet.getRow(2).getLastCellNum(); k++) {
				if (sheet.getRow(2).getCell(k).getStringCellValue().equals("排查隐患（处）")) {
					hazardsColumn = k;
				}
			}
			assertThat(hazardsColumn).isPositive();
			Row tianning = null;
			Row total = null;
			int notReported = 0;
			for (int r = 3; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null || row.getCell(1) == null) {
					continue;
				}
				if (row.getCell(1).getStringCellValue().equals("天宁区教育局")) {
					tianning = row;
				}
				if (row.getCell(0).getStringCellValue().equals("合计")) {
					total = row;
				}
				if (row.getCell(hazardsColumn) != null && row.getCell(hazardsColumn).getCellType() == CellType.STRING
						&& row.getCell(hazardsColumn).getStringCellValue().equals("未报")) {
					notReported++;
				}
			}
			assertThat(tianning).isNotNull();
			assertThat(tianning.getCell(hazardsColumn).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat((long) tianning.getCell(hazardsColumn).getNumericCellValue()).isEqualTo(hazards);
			assertThat(total).isNotNull();
			assertThat(total.getCell(hazardsColumn).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(notReported).isEqualTo(4);
		}
		Page summaryPdf = citySession.get("/reports/" + id + "/summary.pdf?period=" + current.start());
		assertThat(summaryPdf.status()).isEqualTo(200);
		save("report-summary.pdf", summaryPdf.bytes());
		try (PDDocument doc = Loader.loadPDF(summaryPdf.bytes())) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains(title).contains("合计").contains("未报").contains("负责人（签字）").contains("天宁区教育局");
		}
		// pages: the report page shows the standings; the county cannot export
		assertThat(citySession.get("/reports/" + id + "?period=" + current.start()).body()).contains("迟报")
			.contains("按时报送")
			.contains("依此名单发出通报");
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		assertThat(county.get("/reports/" + id + "/summary.xlsx").status()).isEqualTo(403);
	}

	@Test
	void tenthAnd25thStatisticsTableOfThePoliceWithEachCaseAttachedAndReminders() throws Exception {
		LocalDate today = PlatformTime.today(clock);
		Page created = api("POST", "/api/v1/reports", DemoUsers.COUNTY_POLICE, """
				{"title":"护校安园专项行动统计表-%d","form":"FUQING_2013","cadence":"TENTH_AND_25TH","startsOn":"%s",
				 "lockDays":3,"remindDays":2,"targetKind":"POLICE_STATION"}""".formatted(System.nanoTime(),
				today.minusDays(40)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode def = json(created.body());
		long id = def.get("id").asLong();
		for (JsonNode p : def.get("periods")) {
			LocalDate end = LocalDate.parse(p.get("end").asString());
			assertThat(end.getDayOfMonth()).isIn(10, 25);
			assertThat(p.get("due").asString()).isEqualTo(p.get("end").asString());
			LocalDate start = LocalDate.parse(p.get("start").asString());
			assertThat(start.getDayOfMonth()).isIn(11, 26);
		}
		// the education side does not see the police's report
		assertThat(api("GET", "/api/v1/reports/" + id, DemoUsers.COUNTY_EDUCATION, null).status()).isEqualTo(404);
		ReportDefinition d = reports.definition(DataScope.everything(true), id);
		Period current = d.current(today).orElseThrow();
		DataScope county = organisations.scopeOf(unitOf(DemoUsers.COUNTY_POLICE), true);
		List<UnitStatus> atDue = reports.board(county, id, current.start(), current.due());
		assertThat(atDue).isNotEmpty().allMatch(r -> r.status() == ReportStatus.DUE);
		assertThat(reports.board(county, id, current.start(), current.due().plusDays(1)))
			.allMatch(r -> r.status() == ReportStatus.OVERDUE);
		assertThat(reports.board(county, id, current.start(), current.lockedAfter().plusDays(1)))
			.allMatch(r -> r.status() == ReportStatus.MISSING);

		// reminders: two days before the due day, once per station
		Clock beforeDue = Clock.fixed(current.due().minusDays(1).atTime(9, 0).atZone(PlatformTime.ZONE).toInstant(),
				PlatformTime.ZONE);
		int first = reminders.run(beforeDue);
		assertThat(first).isGreaterThanOrEqualTo(atDue.size());
		assertThat(jdbc.sql("select count(*) from report_reminder where definition_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(atDue.size());
		reminders.run(beforeDue);
		assertThat(jdbc.sql("select count(*) from report_reminder where definition_id = ?")
			.param(id)
			.query(Long.class)
			.single()).as("once per unit and period").isEqualTo(atDue.size());

		// 青龙派出所 fills it in: each case attached; hazard figures of a police unit are
		// police-only
		Page opened = api("POST", "/api/v1/reports/" + id + "/submissions?period=" + current.start(),
				DemoUsers.STATION_OFFICER, null);
		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		JsonNode s = json(opened.body());
		assertThat(byField(s).get("supervisionHazards").get("policeOnly").asBoolean()).isTrue();
		long sid = s.get("id").asLong();
		Map<String, String> values = new HashMap<>();
		byField(s).forEach((k, v) -> values.put(k, v.get("value").isNull() ? "0" : v.get("value").asString()));
		// the platform's incidents of the period are counted and listed one line each;
		// one more case than the platform knows needs a reason and its own line
		long platformCases = Long.parseLong(byField(s).get("crimeCases").get("prefilled").asString());
		String platformLines = byField(s).get("crimeDetail").get("prefilled").asString();
		assertThat(platformLines.lines().filter(l -> !l.isBlank()).count()).isEqualTo(platformCases);
		values.put("crimeCases", Long.toString(platformCases + 1));
		values.put("crimeDetail", platformLines);
		values.put("supervisionAccountable", "0");
		values.put("supervisionDetail", "");
		values.put("preventionPrevented", "0");
		var mapper = tools.jackson.databind.json.JsonMapper.shared();
		Map<String, String> reasons = Map.of("crimeCases", "一起寻衅滋事案由派出所直接受理，未在平台登记");
		Page one = api("PUT", "/api/v1/reports/submissions/" + sid, DemoUsers.STATION_OFFICER,
				mapper.writeValueAsString(Map.of("version", s.get("version").asInt(), "values", values, "reasons",
						reasons, "submit", true, "attest", true)));
		assertThat(one.status()).isEqualTo(400);
		assertThat(one.body()).contains("共 " + (platformCases + 1) + " 起，已填 " + platformCases + " 起");
		// a line added to the platform's cases needs no reason of its own
		values.put("crimeDetail", (platformLines.isBlank() ? "" : platformLines + "\n") + "11月5日 校门口 寻衅滋事，行政拘留5日");
		Page ok = api("PUT", "/api/v1/reports/submissions/" + sid, DemoUsers.STATION_OFFICER,
				mapper.writeValueAsString(Map.of("version", s.get("version").asInt(), "values", values, "reasons",
						reasons, "submit", true, "attest", true)));
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		assertThat(json(ok.body()).get("policeOnly").asBoolean()).isTrue();
		assertThat(json(
				api("GET", "/api/v1/reports/" + id + "/units?period=" + current.start(), DemoUsers.COUNTY_POLICE, null)
					.body())
			.toString()).contains("ON_TIME");
	}

	@Test
	void pageFormKeepsWhatWasTypedAndStartPageTileEqualsItsList() {
		WebSession city = WebSession.signedIn(port, DemoUsers.CITY_EDUCATION, PW);
		city.get("/reports/new");
		Page bad = city.postForm("/reports", Map.of("title", "我输入的报表", "form", "PROGRESS", "cadence", "EVERY_N_DAYS",
				"dueDay", "三", "periodDays", "", "startsOn", "2026-13-45", "targetKind", "COUNTY_EDUCATION_BUREAU"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("value=\"我输入的报表\"").contains("value=\"三\"").contains("value=\"2026-13-45\"");
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		String home = county.get("/").body();
		String tag = cn.hxay.support.Texts.find(home, "(<a class=\"card todo-tile[^>]*tile-report-due[^>]*>)");
		long tile = Long.parseLong(cn.hxay.support.Texts.find(tag, "data-count=\"(\\d+)\""));
		String list = county.get("/reports/todo").body();
		assertThat(list).contains("共 " + tile + " 条");
		assertThat(list.split("class=\"todo-row\"").length - 1).isEqualTo((int) tile);
	}

	@Test
	void annex2OfTheSchoolsFilledOnThePageAndSummarisedWithUnreportedSchoolsMarked() throws Exception {
		LocalDate today = PlatformTime.today(clock);
		// the period runs to today, so its figures are the ledger as it stands now (a
		// past
		// period is figured as of its end)
		String title = "附件2测试-" + System.nanoTime();
		Page created = api("POST", "/api/v1/reports", DemoUsers.COUNTY_EDUCATION, """
				{"title":"%s","form":"CHANGZHOU_ANNEX2","cadence":"ONE_OFF","startsOn":"%s","endsOn":"%s",
				 "finalDueOn":"%s","lockDays":0,"remindDays":3,"targetKind":"SCHOOL"}""".formatted(title,
				today.minusDays(20), today, today.plusDays(7)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = json(created.body()).get("id").asLong();
		WebSession school = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, PW);
		assertThat(school.get("/reports/" + id).body()).contains("开始填报");
		Page opened = school.follow(school.postForm("/reports/" + id + "/open", Map.of()));
		assertThat(opened.status()).isEqualTo(200);
		long sid = Long.parseLong(cn.hxay.support.Texts.find(opened.body(), "action=\"/reports/submissions/(\\d+)\""));
		String prefilled = cn.hxay.support.Texts.find(opened.body(),
				"id=\"v_hazards\" name=\"v_hazards\" value=\"(\\d+)\"");
		long ledger = json(api("GET", "/api/v1/hazards", DemoUsers.SCHOOL_LEAD, null).body()).size();
		assertThat(prefilled).isEqualTo(Long.toString(ledger));
		String version = cn.hxay.support.Texts.find(opened.body(), "name=\"version\" value=\"(\\d+)\"");
		// the closed hazards as prefilled (other tests may have closed one at this
		// school)
		String fixed = cn.hxay.support.Texts.find(opened.body(), "id=\"v_fixed\" name=\"v_fixed\" value=\"(\\d+)\"");
		// a changed figure without its reason: 400, what was typed stays on the page
		Page refused = school.postForm("/reports/submissions/" + sid,
				Map.of("version", version, "v_disorder", "校门东侧有流动摊贩聚集", "v_disorderFixed", "是", "v_hazards",
						Long.toString(ledger + 1), "v_fixed", fixed, "v_instability", "无", "attest", "on", "action",
						"submit"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("请说明修改原因")
			.contains("校门东侧有流动摊贩聚集")
			.contains("value=\"" + (ledger + 1) + "\"");
		Page done = school.postForm("/reports/submissions/" + sid,
				Map.of("version", version, "v_disorder", "校门东侧有流动摊贩聚集", "v_disorderFixed", "是", "v_hazards",
						Long.toString(ledger + 1), "r_hazards", "围墙裂缝一处未录入平台", "v_fixed", fixed, "v_instability", "无",
						"attest", "on", "action", "submit"));
		assertThat(done.status()).as(done.body()).isEqualTo(302);
		assertThat(school.follow(done).body()).contains("已报送（已锁定）").contains("围墙裂缝一处未录入平台");

		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		Page xlsx = county.get("/reports/" + id + "/summary.xlsx");
		assertThat(xlsx.status()).isEqualTo(200);
		save("annex2-summary.xlsx", xlsx.bytes());
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("学校及周边安全排查整改情况汇总表");
			Row head = sheet.getRow(2);
			assertThat(head.getCell(0).getStringCellValue()).isEqualTo("区域");
			assertThat(head.getCell(1).getStringCellValue()).isEqualTo("属地派出所");
			assertThat(head.getCell(2).getStringCellValue()).isEqualTo("学校名称");
			assertThat(head.getCell(5).getStringCellValue()).isEqualTo("校园隐患总数");
			int reported = 0;
			long unreported = 0;
			Row total = null;
			for (int r = 3; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null || row.getCell(5) == null) {
					continue;
				}
				if (row.getCell(0).getStringCellValue().equals("合计")) {
					total = row;
				}
				else if (row.getCell(5).getCellType() == CellType.NUMERIC) {
					reported++;
					assertThat(row.getCell(0).getStringCellValue()).isEqualTo("天宁区");
					assertThat(row.getCell(1).getStringCellValue()).endsWith("派出所");
					assertThat((long) row.getCell(5).getNumericCellValue()).isEqualTo(ledger + 1);
				}
				else {
					assertThat(row.getCell(5).getStringCellValue()).isEqualTo("未报");
					unreported++;
				}
			}
			assertThat(reported).isEqualTo(1);
			// every other school of 天宁区 (the demo's 70, plus any another test registered)
			assertThat(unreported).isEqualTo(jdbc.sql("select count(*) - 1 from school where region_code = '320402'")
				.query(Long.class)
				.single());
			assertThat(total).isNotNull();
			assertThat((long) total.getCell(5).getNumericCellValue()).isEqualTo(ledger + 1);
		}
		Page pdf = county.get("/reports/" + id + "/summary.pdf");
		save("annex2-summary.pdf", pdf.bytes());
		try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("学校及周边安全排查整改情况汇总表")
				.contains("填报单位：天宁区教育局")
				.contains("合计")
				.contains("未报")
				.contains("校门东侧有流动摊贩聚集");
		}
	}

	private String status(long id, Period p, String unit) {
		for (JsonNode u : json(
				api("GET", "/api/v1/reports/" + id + "/units?period=" + p.start(), DemoUsers.CITY_EDUCATION, null)
					.body())) {
			if (u.get("unitName").asString().equals(unit)) {
				return u.get("status").asString();
			}
		}
		throw new AssertionError(unit);
	}

	private static Map<String, JsonNode> byField(JsonNode submission) {
		Map<String, JsonNode> values = new HashMap<>();
		submission.get("values").forEach(v -> values.put(v.get("field").asString(), v));
		return values;
	}

	private static void save(String name, byte[] bytes) throws Exception {
		Path dir = Path.of("target", "report-documents");
		Files.createDirectories(dir);
		Files.write(dir.resolve(name), bytes);
	}

}
