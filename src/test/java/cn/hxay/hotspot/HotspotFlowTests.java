package cn.hxay.hotspot;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.hxay.demo.DemoUsers;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.shared.NotFoundException;
import cn.hxay.surroundings.Distance;
import cn.hxay.surroundings.Gcj02;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.apache.poi.xssf.extractor.XSSFExcelExtractor;
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
 * 治安乱点 through HTTP and PostgreSQL: police only (education, school and inspector users
 * get 403, another county's station 404); a refused form keeps what was typed; a hotspot
 * registered from GCJ-02 coordinates finds the schools within 500 m; the inspection Annex
 * 1 and Annex 2 print it in 校园周边治安乱点情况 / 是否整改 for police readers, and non-police readers
 * still see only the sensitive-item mark; fixing it turns 是否整改 to 是.
 */
@PlatformTest
class HotspotFlowTests {

	static final String PW = DemoUsers.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Hotspots hotspots;

	@Autowired
	Organisations organisations;

	@Autowired
	java.time.Clock clock;

	Page api(String method, String path, String user, String body) {
		return new WebSession(port).api(method, path, user, PW, body, Map.of());
	}

	long unitOf(String username) {
		return jdbc.sql("select organisation_id from user_account where username = ?")
			.param(username)
			.query(Long.class)
			.single();
	}

	@Test
	void policeOnlyAndARefusedFormKeepsWhatWasTyped() {
		for (String user : List.of(DemoUsers.COUNTY_EDUCATION, DemoUsers.CITY_EDUCATION, DemoUsers.SCHOOL_LEAD,
				DemoUsers.INSPECTOR)) {
			assertThat(api("GET", "/api/v1/hotspots", user, null).status()).as(user).isEqualTo(403);
			assertThat(WebSession.signedIn(port, user, PW).get("/hotspots").status()).as(user).isEqualTo(403);
		}
		WebSession station = WebSession.signedIn(port, DemoUsers.STATION_OFFICER, PW);
		assertThat(station.get("/hotspots/new").body()).contains("青龙派出所").contains("GCJ-02");
		long before = jdbc.sql("select count(*) from hotspot").query(Long.class).single();
		Map<String, String> bad = new LinkedHashMap<>();
		bad.put("name", "我输入的乱点");
		bad.put("address", "某路口");
		bad.put("coordinateSystem", "GCJ02");
		bad.put("longitude", "一百二十");
		bad.put("latitude", "31.78");
		bad.put("problem", "");
		bad.put("stationId", Long.toString(unitOf(DemoUsers.STATION_OFFICER)));
		bad.put("townshipId", "");
		Page refused = station.postForm("/hotspots", bad);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("value=\"我输入的乱点\"")
			.contains("value=\"一百二十\"")
			.contains("请写明治安问题")
			.contains("请填写经度");
		assertThat(jdbc.sql("select count(*) from hotspot").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void theAnnexColumnsComeFromTheRegisterForPoliceAndStayHiddenFromOthers() throws Exception {
		long qinglong = unitOf(DemoUsers.STATION_OFFICER);
		long leadUnit = unitOf(DemoUsers.SCHOOL_LEAD);
		double[] lead = jdbc.sql("select latitude, longitude from school where organisation_id = ?")
			.param(leadUnit)
			.query((rs, n) -> new double[] { rs.getDouble(1), rs.getDouble(2) })
			.single();
		// a 青龙派出所 school with a form in the demo campaign, far from the demo lead's
		// school
		// (whose form other tests fill in by hand)
		List<long[]> forms = jdbc.sql("""
				select i.id, s.id, (s.latitude * 1000000)::bigint, (s.longitude * 1000000)::bigint, i.campaign_id
				from inspection i join school s on s.id = i.school_id join inspection_campaign c on c.id = i.campaign_id
				where s.police_station_id = ? and s.latitude is not null and c.title like '%秋季学校及周边安全排查整改'
				order by s.id""")
			.param(qinglong)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) })
			.list();
		long[] target = forms.stream()
			.filter(f -> Distance.wholeMetres(f[2] / 1e6, f[3] / 1e6, lead[0], lead[1]) > 2_000)
			.findFirst()
			.orElseThrow();
		double lat = target[2] / 1e6 + 80 / 111_195.0;
		double lon = target[3] / 1e6;
		double[] gcj = Gcj02.fromWgs84(lat, lon);
		String name = "测试乱点-" + System.nanoTime();
		Page created = api("POST", "/api/v1/hotspots", DemoUsers.STATION_OFFICER, """
				{"name":"%s","address":"校门北侧","coordinateSystem":"GCJ02","longitude":"%s","latitude":"%s",
				 "problem":"夜间闲散人员聚集饮酒滋事","stationId":"%d","townshipId":""}""".formatted(name, gcj[1], gcj[0],
				qinglong));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode h = json(created.body());
		long id = h.get("id").asLong();
		JsonNode near = null;
		for (JsonNode s : h.get("schools")) {
			if (s.get("schoolId").asLong() == target[1]) {
				near = s;
			}
		}
		assertThat(near).as("the school 80 m away is near").isNotNull();
		assertThat(near.get("distanceMetres").asInt()).isBetween(79, 81);

		// scope: the county police see it, a 武进区 station's scope does not
		assertThat(api("GET", "/api/v1/hotspots/" + id, DemoUsers.COUNTY_POLICE, null).status()).isEqualTo(200);
		assertThat(api("GET", "/api/v1/hotspots/" + id, DemoUsers.COUNTY_EDUCATION, null).status()).isEqualTo(403);
		long wujinStation = jdbc
			.sql("select min(id) from organisation where kind = 'POLICE_STATION' and region_code = '320412'")
			.query(Long.class)
			.single();
		CurrentUser other = new CurrentUser(0, "t", "武进民警", wujinStation, Set.of(Role.STATION_OFFICER));
		DataScope otherScope = organisations.scopeOf(wujinStation, false);
		assertThatThrownBy(() -> hotspots.get(other, otherScope, id)).isInstanceOf(NotFoundException.class);
		assertThat(hotspots.annexBySchool(otherScope, List.of(target[1])).get(target[1]) == null
				|| !hotspots.annexBySchool(otherScope, List.of(target[1])).get(target[1]).situation().contains(name))
			.isTrue();

		// Annex 1 and Annex 2 from the register: police read the hotspot, education the
		// mark
		WebSession station = WebSession.signedIn(port, DemoUsers.STATION_OFFICER, PW);
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		String annex1 = text(station.get("/inspections/" + target[0] + "/annex1.xlsx").bytes());
		assertThat(annex1).contains(name + "（夜间闲散人员聚集饮酒滋事，整改中）").contains("否（");
		String educationCopy = text(county.get("/inspections/" + target[0] + "/annex1.xlsx").bytes());
		assertThat(educationCopy).doesNotContain(name).contains("（敏感信息，由公安机关掌握）");
		String annex2 = text(station.get("/inspections/campaigns/" + target[4] + "/annex2.xlsx?region=320402").bytes());
		assertThat(annex2).contains(name);
		assertThat(text(county.get("/inspections/campaigns/" + target[4] + "/annex2.xlsx?region=320402").bytes()))
			.doesNotContain(name)
			.doesNotContain("夜间闲散人员聚集饮酒滋事");

		// a step, then fixed: 是否整改 follows; a fixed hotspot takes no more steps
		assertThat(api("POST", "/api/v1/hotspots/" + id + "/steps", DemoUsers.STATION_OFFICER,
				"{\"version\":\"0\",\"text\":\"\",\"fixed\":\"false\"}")
			.status()).isEqualTo(400);
		WebSession officer = WebSession.signedIn(port, DemoUsers.STATION_OFFICER, PW);
		officer.get("/hotspots/" + id);
		Page step = officer.postForm("/hotspots/" + id + "/steps", Map.of("version", "0", "text", "夜间巡逻频次提高到每小时一次"));
		assertThat(step.status()).isEqualTo(302);
		Page done = api("POST", "/api/v1/hotspots/" + id + "/steps", DemoUsers.STATION_OFFICER,
				"{\"version\":\"1\",\"text\":\"安装监控探头，聚集人员已劝离\",\"fixed\":\"true\"}");
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(json(done.body()).get("statusLabel").asString()).isEqualTo("已整改");
		assertThat(api("POST", "/api/v1/hotspots/" + id + "/steps", DemoUsers.STATION_OFFICER,
				"{\"version\":\"2\",\"text\":\"再一步\",\"fixed\":\"false\"}")
			.status()).isEqualTo(409);
		assertThat(text(station.get("/inspections/" + target[0] + "/annex1.xlsx").bytes()))
			.contains(name + "（夜间闲散人员聚集饮酒滋事，已整改）");
		assertThat(officer.get("/hotspots/" + id).body()).contains("夜间巡逻频次提高到每小时一次")
			.contains("安装监控探头")
			.contains("整改完成");

		// the register as Excel, filtered like the list: the row with its school and
		// distance; the county bureau is refused it like every hotspot page
		Page ledger = station.get("/hotspots/export.xlsx?status=FIXED&text=" + name);
		assertThat(ledger.status()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ledger.bytes()))) {
			org.apache.poi.ss.usermodel.Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("周边学校（直线距离）");
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(name);
			assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("青龙派出所");
			assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).containsPattern("（(79|80|81) 米）");
			assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("已整改");
		}
		assertThat(station.get("/hotspots/export.xlsx?status=OPEN&text=" + name).bytes()).isNotEmpty();
		assertThat(county.get("/hotspots/export.xlsx").status()).isEqualTo(403);
	}

	@Test
	void aPoliceUnitsAnnex2ReportIsPrefilledFromTheRegisterAndPoliceOnly() {
		java.time.LocalDate today = cn.hxay.shared.PlatformTime.today(clock);
		Page created = api("POST", "/api/v1/reports", DemoUsers.COUNTY_POLICE, """
				{"title":"附件2-治安乱点-%d","form":"CHANGZHOU_ANNEX2","cadence":"ONE_OFF","startsOn":"%s","endsOn":"%s",
				 "finalDueOn":"%s","lockDays":0,"remindDays":3,"targetKind":"POLICE_STATION"}"""
			.formatted(System.nanoTime(), today.minusDays(20), today.minusDays(1), today.plusDays(7)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode def = json(created.body());
		String period = def.get("periods").get(0).get("start").asString();
		Page opened = api("POST", "/api/v1/reports/" + def.get("id").asLong() + "/submissions?period=" + period,
				DemoUsers.STATION_OFFICER, null);
		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		Map<String, JsonNode> values = new java.util.HashMap<>();
		json(opened.body()).get("values").forEach(v -> values.put(v.get("field").asString(), v));
		long total = json(api("GET", "/api/v1/hotspots?size=1", DemoUsers.STATION_OFFICER, null).body()).get("total")
			.asLong();
		long fixed = json(api("GET", "/api/v1/hotspots?size=1&status=FIXED", DemoUsers.STATION_OFFICER, null).body())
			.get("total")
			.asLong();
		assertThat(total).isPositive();
		assertThat(values.get("disorder").get("value").asString()).isEqualTo(Long.toString(total));
		assertThat(values.get("disorderFixed").get("value").asString()).isEqualTo(Long.toString(fixed));
		assertThat(values.get("disorder").get("policeOnly").asBoolean()).isTrue();
	}

	private static String text(byte[] xlsx) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			return new XSSFExcelExtractor(book).getText();
		}
	}

}
