package cn.hxay.unlicensed;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.hxay.demo.DemoUsers;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.PlatformTime;
import cn.hxay.surroundings.Gcj02;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.apache.poi.ss.usermodel.Row;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 无证办学 through HTTP and PostgreSQL: a refused form keeps what was typed and writes
 * nothing; 青龙派出所 registers a care point from GCJ-02 coordinates; 天宁区教育局 sees it, 武进区 gets
 * 404, a school and the administrator 403; with the clock moved on it is overdue, banned,
 * due for its re-check, and the re-check catches it open again as a new case; a licence
 * closes another; the start-page tile equals its list; the Excel ledger read back with
 * POI.
 */
@PlatformTest
class UnlicensedFlowTests {

	static final String PW = DemoUsers.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UnlicensedInstitutions institutions;

	@Autowired
	Organisations organisations;

	@Autowired
	Clock clock;

	Page api(String method, String path, String user, String body) {
		return new WebSession(port).api(method, path, user, PW, body, Map.of());
	}

	long count() {
		return jdbc.sql("select count(*) from unlicensed_institution").query(Long.class).single();
	}

	long unitOf(String username) {
		return jdbc.sql("select organisation_id from user_account where username = ?")
			.param(username)
			.query(Long.class)
			.single();
	}

	String body(String name, String system, double lon, double lat, LocalDate deadline) {
		return """
				{"kind":"CARE_POINT","name":"%s","address":"青龙街道某小区 3 幢 101","coordinateSystem":"%s",
				 "longitude":"%s","latitude":"%s","operator":"赵某","children":"16","stationId":"%d","townshipId":"",
				 "foundBy":"青龙派出所社区民警","foundOn":"%s","department":"天宁区教育局、青龙街道","deadline":"%s"}""".formatted(name,
				system, lon, lat, unitOf(DemoUsers.STATION_OFFICER), PlatformTime.today(clock), deadline);
	}

	@Test
	void refusedFormKeepsWhatWasTypedAndWritesNothing() {
		WebSession bureau = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		assertThat(bureau.get("/unlicensed-institutions/new").body()).contains("青龙派出所").contains("GCJ-02");
		long before = count();
		Map<String, String> bad = new LinkedHashMap<>();
		bad.put("kind", "CARE_POINT");
		bad.put("name", "我输入的看护点");
		bad.put("address", "某路 8 号");
		bad.put("coordinateSystem", "GCJ02");
		bad.put("longitude", "东经一百二十度");
		bad.put("latitude", "31.78");
		bad.put("operator", "");
		bad.put("children", "很多");
		bad.put("stationId", Long.toString(unitOf(DemoUsers.STATION_OFFICER)));
		bad.put("townshipId", "");
		bad.put("foundBy", "网格员");
		bad.put("foundOn", PlatformTime.today(clock).toString());
		bad.put("department", "区教育局");
		bad.put("deadline", "下周五");
		Page refused = bureau.postForm("/unlicensed-institutions", bad);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("value=\"我输入的看护点\"")
			.contains("value=\"东经一百二十度\"")
			.contains("value=\"很多\"")
			.contains("value=\"下周五\"")
			.contains("请填写举办者")
			.contains("在园（班）人数须为 0–10000 的整数")
			.contains("请填写办证期限");
		assertThat(count()).isEqualTo(before);
		// a station of another county is refused by field
		bad.put("operator", "某某");
		bad.put("longitude", "119.95");
		bad.put("children", "10");
		bad.put("deadline", PlatformTime.today(clock).plusDays(10).toString());
		bad.put("stationId",
				jdbc.sql("select min(id) from organisation where kind = 'POLICE_STATION' and region_code = '320412'")
					.query(String.class)
					.single());
		Page otherCounty = bureau.postForm("/unlicensed-institutions", bad);
		assertThat(otherCounty.status()).isEqualTo(400);
		assertThat(otherCounty.body()).contains("属地派出所须为您管辖范围内的派出所").contains("value=\"我输入的看护点\"");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void overdueBannedReopenedAndCaughtByTheRecheckWithinItsScope() {
		LocalDate today = PlatformTime.today(clock);
		double[] gcj = Gcj02.fromWgs84(31.7801, 119.9702);
		Page created = api("POST", "/api/v1/unlicensed-institutions", DemoUsers.STATION_OFFICER,
				body("测试午托点-" + System.nanoTime(), "GCJ02", gcj[1], gcj[0], today.plusDays(3)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode u = json(created.body());
		long id = u.get("id").asLong();
		// stored in WGS-84, what was typed kept beside it
		assertThat(u.get("latitude").asDouble()).isCloseTo(31.7801, org.assertj.core.data.Offset.offset(0.000002));
		assertThat(u.get("longitude").asDouble()).isCloseTo(119.9702, org.assertj.core.data.Offset.offset(0.000002));
		assertThat(u.get("inputSystem").asString()).isEqualTo("GCJ02");

		// scope: the county bureau and police see it; 武进区 gets 404; a school and the
		// administrator 403; the inspector reads but does not write
		assertThat(api("GET", "/api/v1/unlicensed-institutions/" + id, DemoUsers.COUNTY_EDUCATION, null).status())
			.isEqualTo(200);
		assertThat(api("GET", "/api/v1/unlicensed-institutions/" + id, DemoUsers.COUNTY_POLICE, null).status())
			.isEqualTo(200);
		assertThat(api("GET", "/api/v1/unlicensed-institutions/" + id, DemoUsers.OTHER_COUNTY_EDUCATION, null).status())
			.isEqualTo(404);
		WebSession wujin = WebSession.signedIn(port, DemoUsers.OTHER_COUNTY_EDUCATION, PW);
		assertThat(wujin.get("/unlicensed-institutions/" + id).status()).isEqualTo(404);
		assertThat(wujin.get("/unlicensed-institutions").body()).doesNotContain(u.get("name").asString());
		assertThat(api("GET", "/api/v1/unlicensed-institutions/" + id, DemoUsers.SCHOOL_LEAD, null).status())
			.isEqualTo(403);
		assertThat(api("GET", "/api/v1/unlicensed-institutions/" + id, DemoUsers.ADMIN, null).status()).isEqualTo(403);
		assertThat(api("GET", "/api/v1/unlicensed-institutions/" + id, DemoUsers.INSPECTOR, null).status())
			.isEqualTo(200);
		assertThat(api("POST", "/api/v1/unlicensed-institutions/" + id + "/ban", DemoUsers.INSPECTOR,
				"{\"version\":\"0\",\"note\":\"取缔\"}")
			.status()).isEqualTo(403);

		// the clock moves on: overdue the day after its deadline, not before
		CurrentUser officer = new CurrentUser(0, "t", "青龙派出所民警", unitOf(DemoUsers.STATION_OFFICER),
				Set.of(Role.STATION_OFFICER));
		DataScope scope = organisations.scopeOf(officer.organisationId(), false);
		assertThat(listed(officer, scope, InstitutionFilter.overdueOnly(), today.plusDays(3), id)).isFalse();
		assertThat(listed(officer, scope, InstitutionFilter.overdueOnly(), today.plusDays(4), id)).isTrue();

		// 取缔 ten days on: closed out, no longer overdue, its re-check due 30 days later
		Clock banDay = Clock.offset(clock, Duration.ofDays(10));
		UnlicensedInstitution banned = institutions.ban(officer, scope, id,
				new LedgerMove("0", null, "会同街道、市场监管依法取缔，16 名儿童由家长接回", null, null), banDay);
		assertThat(banned.status()).isEqualTo(InstitutionStatus.BANNED);
		assertThat(banned.recheckDue()).isEqualTo(today.plusDays(40));
		assertThat(listed(officer, scope, InstitutionFilter.overdueOnly(), today.plusDays(11), id)).isFalse();
		assertThat(listed(officer, scope, InstitutionFilter.recheckOnly(), today.plusDays(39), id)).isFalse();
		assertThat(listed(officer, scope, InstitutionFilter.recheckOnly(), today.plusDays(40), id)).isTrue();
		assertThatThrownBy(() -> institutions.license(officer, scope, id,
				new LedgerMove(Integer.toString(banned.version()), "X-1", null, null, null), banDay))
			.isInstanceOf(ConcurrentEditException.class);

		// the re-check finds it open again: a new case, linked, within its own deadline
		Clock recheckDay = Clock.offset(clock, Duration.ofDays(41));
		UnlicensedInstitution reopened = institutions.recheck(officer, scope, id,
				new LedgerMove(Integer.toString(banned.version()), null, "原址换招牌继续招收儿童", "true",
						today.plusDays(61).toString()),
				recheckDay);
		assertThat(reopened.id()).isNotEqualTo(id);
		assertThat(reopened.previousId()).isEqualTo(id);
		assertThat(reopened.status()).isEqualTo(InstitutionStatus.PENDING);
		assertThat(reopened.foundOn()).isEqualTo(today.plusDays(41));
		assertThat(listed(officer, scope, InstitutionFilter.recheckOnly(), today.plusDays(41), id)).isFalse();
		assertThat(listed(officer, scope, InstitutionFilter.overdueOnly(), today.plusDays(62), reopened.id())).isTrue();
		assertThatThrownBy(() -> institutions.recheck(officer, scope, id,
				new LedgerMove(Integer.toString(banned.version() + 1), null, "再次复查", "false", null), recheckDay))
			.isInstanceOf(ConcurrentEditException.class);
		WebSession bureau = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		String page = bureau.get("/unlicensed-institutions/" + id).body();
		assertThat(page).contains("已取缔（销号）").contains("发现重新开办，已重新立案").contains("编号 " + reopened.id());
		assertThat(bureau.get("/unlicensed-institutions/" + reopened.id()).body()).contains("取缔后复查发现重新开办")
			.contains("编号 " + id);
		assertThat(json(api("GET", "/api/v1/unlicensed-institutions/" + id + "/steps", DemoUsers.COUNTY_EDUCATION, null)
			.body())).extracting(s -> s.get("action").asString()).containsExactly("发现立案", "取缔销号", "复查");
		assertThat(
				api("GET", "/api/v1/unlicensed-institutions/" + reopened.id(), DemoUsers.OTHER_COUNTY_EDUCATION, null)
					.status())
			.isEqualTo(404);
	}

	@Test
	void aLicenceClosesACaseOnThePageAndTheTileEqualsTheOverdueList() throws Exception {
		LocalDate today = PlatformTime.today(clock);
		String name = "测试培训班-" + System.nanoTime();
		Page created = api("POST", "/api/v1/unlicensed-institutions", DemoUsers.COUNTY_EDUCATION,
				body(name, "WGS84", 119.9651, 31.7712, today.plusDays(5)).replace("CARE_POINT", "TUTORING"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = json(created.body()).get("id").asLong();
		WebSession bureau = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		bureau.get("/unlicensed-institutions/" + id);
		Page refused = bureau.postForm("/unlicensed-institutions/" + id + "/license",
				Map.of("version", "0", "licenceNo", "", "note", "我写的说明"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("请填写办学许可证或登记证书编号").contains("我写的说明");
		Page done = bureau.postForm("/unlicensed-institutions/" + id + "/license",
				Map.of("version", "0", "licenceNo", "教民13204027000123号", "note", ""));
		assertThat(done.status()).isEqualTo(302);
		assertThat(bureau.follow(done).body()).contains("已办证（销号）").contains("教民13204027000123号");
		Page again = bureau.postForm("/unlicensed-institutions/" + id + "/ban", Map.of("version", "1", "note", "取缔"));
		assertThat(again.status()).isEqualTo(409);

		// time passes for one pending case (its deadline now yesterday): the tile counts
		// it,
		// and its list holds as many
		Page other = api("POST", "/api/v1/unlicensed-institutions", DemoUsers.STATION_OFFICER,
				body("测试看护点-" + System.nanoTime(), "WGS84", 119.9661, 31.7722, today.plusDays(5)));
		long late = json(other.body()).get("id").asLong();
		jdbc.sql("update unlicensed_institution set deadline = ? where id = ?")
			.params(java.sql.Date.valueOf(today.minusDays(1)), late)
			.update();
		String home = bureau.get("/").body();
		String tag = find(home, "(<a class=\"card todo-tile[^>]*tile-unlicensed-overdue[^>]*>)");
		long tile = Long.parseLong(find(tag, "data-count=\"(\\d+)\""));
		assertThat(tile).isPositive();
		String list = bureau.get("/unlicensed-institutions?overdue=true").body();
		assertThat(list).contains("共 " + tile + " 条").contains("/unlicensed-institutions/" + late);

		// the Excel ledger within scope, read back
		List<String> names = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(
				new ByteArrayInputStream(bureau.get("/unlicensed-institutions/export.xlsx").bytes()))) {
			Sheet sheet = book.getSheetAt(0);
			Row header = sheet.getRow(0);
			for (int c = 0; c < InstitutionWorkbook.HEADERS.length; c++) {
				assertThat(header.getCell(c).getStringCellValue()).isEqualTo(InstitutionWorkbook.HEADERS[c]);
			}
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				names.add(row.getCell(1).getStringCellValue());
				if (row.getCell(1).getStringCellValue().equals(name)) {
					assertThat(row.getCell(13).getStringCellValue()).isEqualTo("已办证（销号）");
					assertThat(row.getCell(15).getStringCellValue()).isEqualTo("教民13204027000123号");
					assertThat(row.getCell(3).getStringCellValue()).isEqualTo("天宁区");
				}
			}
		}
		assertThat(names).contains(name).contains("小太阳午托班").doesNotContain("湖塘爱心托管");
		try (XSSFWorkbook book = new XSSFWorkbook(
				new ByteArrayInputStream(WebSession.signedIn(port, DemoUsers.OTHER_COUNTY_EDUCATION, PW)
					.get("/unlicensed-institutions/export.xlsx")
					.bytes()))) {
			String all = new org.apache.poi.xssf.extractor.XSSFExcelExtractor(book).getText();
			assertThat(all).contains("湖塘爱心托管").doesNotContain(name).doesNotContain("小太阳午托班");
		}
	}

	private boolean listed(CurrentUser user, DataScope scope, InstitutionFilter filter, LocalDate day, long id) {
		return institutions.search(user, scope, filter, new PageRequest(0, 200), day)
			.items()
			.stream()
			.anyMatch(u -> u.id() == id);
	}

}
