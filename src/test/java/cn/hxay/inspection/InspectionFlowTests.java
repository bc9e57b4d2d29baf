package cn.hxay.inspection;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.hxay.posture.Postures;
import cn.hxay.posture.SecurityPosture;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.hxay.support.Texts.find;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspection loop over real HTTP and PostgreSQL: a county launches a campaign, a
 * school fills in its form with the police station, the county returns it, the school
 * resubmits, the county accepts (posture updated, failing items on the hazard ledger),
 * the hazard is followed to 销号, the Annex forms come out, and the city samples.
 */
@PlatformTest
public class InspectionFlowTests {

	static final String PW = "Demo@2026";

	/** A 1×1 PNG. */
	static final byte[] PNG = java.util.Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	@LocalServerPort
	int port;

	@Autowired
	Postures postures;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	public static String version(Page page) {
		return find(page.body(), "name=\"version\" value=\"(\\d+)\"");
	}

	/** Launches a campaign over one county and returns its id. */
	public static long launch(WebSession officer, String title, String region, LocalDate from, LocalDate due) {
		officer.get("/inspections/campaigns/new");
		Map<String, Object> form = new HashMap<>();
		form.put("title", title);
		form.put("issuers", "天宁分局、天宁区教育局");
		form.put("regionCode", region);
		form.put("templateCode", "changzhou-2019-annex1");
		String[] names = { "组织部署", "自查自纠", "检查验收" };
		LocalDate[] froms = { from.minusDays(5), from, due.plusDays(1) };
		LocalDate[] tos = { from.minusDays(1), due, due.plusDays(30) };
		for (int i = 0; i < names.length; i++) {
			form.put("phases[" + i + "].name", names[i]);
			form.put("phases[" + i + "].from", froms[i].toString());
			form.put("phases[" + i + "].to", tos[i].toString());
		}
		form.put("selfCheckFrom", from.toString());
		form.put("selfCheckDue", due.toString());
		form.put("reporting", "每月3日前报送");
		Page launched = officer.postForm("/inspections/campaigns", form);
		assertThat(launched.status()).as(launched.body()).isEqualTo(302);
		return Long.parseLong(find(launched.location().orElseThrow(), "/inspections/campaigns/(\\d+)"));
	}

	/** The school lead's inspection in a campaign. */
	public static long inspectionOfLead(int port, long campaign) {
		Page list = WebSession.signedIn(port, "school.lead", PW).get("/inspections/campaigns/" + campaign + "/schools");
		assertThat(list.status()).isEqualTo(200);
		return Long.parseLong(find(list.body(), "href=\"/inspections/(\\d+)\""));
	}

	/**
	 * Every required, non-sensitive answer of Annex 1, complying except the anti-ramming
	 * facility.
	 */
	static Map<String, Object> completeAnswers(String version) {
		Map<String, Object> a = new HashMap<>();
		a.put("version", version);
		for (String yes : List.of("workingTeam", "holidayDutyRoster", "leaderOnDuty", "rulesInPlace",
				"videoRetention30", "perimeterIntrusionAlarm", "keyAreaIntrusionAlarm", "oneKeyAlarmAtGate",
				"technicalSystemsWorking", "isolationFence", "liftingBollards", "electricalFireGovernance",
				"chemicalsThreePrevention")) {
			a.put("a[" + yes + "]", "true");
		}
		a.put("a[antiRamming]", "false");
		a.put("a[oneKeyAlarmInDormitory]", "/");
		a.put("a[workingTeamLead]", "李校长");
		a.put("a[guards]", "3");
		a.put("a[certifiedGuards]", "3");
		a.put("a[overAgeGuards]", "0");
		a.put("a[cameras]", "48");
		a.put("a[hazardsFound]", "1");
		a.put("a[hazardsFixed]", "0");
		a.put("a[hazardsOpen]", "1");
		a.put("a[report]", "已完成自查，校门硬质防冲撞设施待建设。");
		a.put("headmaster", "李明");
		return a;
	}

	@Test
	void aCampaignRunsFromSelfInspectionToAcceptanceAndEveryHazardToClosing() throws Exception {
		LocalDate today = LocalDate.now();
		WebSession county = WebSession.signedIn(port, "tianning.edu", PW);
		String title = "天宁区护校安园大检查-" + System.nanoTime();
		long campaign = launch(county, title, "320402", today, today.plusDays(30));

		Page dashboard = county.get("/inspections/campaigns/" + campaign);
		assertThat(dashboard.body()).contains(title).contains("天宁区").contains("合计").contains("自查自纠");
		String assigned = find(dashboard.body(), "schools\\?region=320402\">(\\d+)</a>");
		assertThat(Integer.parseInt(assigned)).isGreaterThan(10);

		// the school fills in part of the form and tries to submit: refused, nothing
		// typed is lost
		WebSession school = WebSession.signedIn(port, "school.lead", PW);
		assertThat(school.get("/inspections").body()).contains(title);
		long id = inspectionOfLead(port, campaign);
		Matcher others = Pattern.compile("href=\"/inspections/(\\d+)\"")
			.matcher(county.get("/inspections/campaigns/" + campaign + "/schools").body());
		while (others.find()) {
			if (Long.parseLong(others.group(1)) != id) {
				assertThat(school.get("/inspections/" + others.group(1)).status())
					.as("a school never sees another school's form")
					.isEqualTo(404);
				break;
			}
		}
		Page form = school.get("/inspections/" + id);
		assertThat(form.body()).contains("待自查").contains("是否成立工作专班").contains("敏感项，由派出所填写");
		Page refused = school.postForm("/inspections/" + id,
				Map.of("version", version(form), "a[workingTeam]", "true", "a[cameras]", "36", "action", "submit"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("“学校假期是否有值班表”为必填项").contains("请先由派出所会签").contains("value=\"36\"");
		Page bad = school.postForm("/inspections/" + id,
				Map.of("version", version(refused), "a[cameras]", "很多", "action", "draft"));
		assertThat(bad.body()).contains("“视频探头数量”应为不小于 0 的数字").contains("value=\"很多\"");

		Page draft = school.follow(school.postForm("/inspections/" + id,
				withAction(completeAnswers(version(school.get("/inspections/" + id))), "draft")));
		assertThat(draft.body()).contains("草稿已保存").contains("填报中");

		// the police station fills in the sensitive items and co-signs; the school never
		// sees them
		WebSession station = WebSession.signedIn(port, "qinglong.police", PW);
		Page stationView = station.get("/inspections/" + id);
		assertThat(stationView.body()).contains("校园周边治安乱点情况").doesNotContain("敏感项，由派出所填写");
		station.postForm("/inspections/" + id, Map.of("version", version(stationView), "a[disorderSpots]",
				"校门东侧网吧聚集闲散人员", "a[disorderFixed]", "false", "a[instability]", "无", "action", "draft"));
		Page signed = station.follow(station.postForm("/inspections/" + id + "/cosign",
				Map.of("version", version(station.get("/inspections/" + id)))));
		assertThat(signed.body()).contains("派出所已会签").contains("青龙派出所");
		Page schoolView = school.get("/inspections/" + id);
		assertThat(schoolView.body()).doesNotContain("网吧聚集").contains("青龙派出所");

		Page submitted = school
			.follow(school.postForm("/inspections/" + id, Map.of("version", version(schoolView), "action", "submit")));
		assertThat(submitted.body()).contains("检查表已提交").contains("已提交待验收");

		// the county sees the answers but not the sensitive ones, and returns the form
		Page review = county.get("/inspections/" + id);
		SecurityPosture onRecord = postures
			.current(Long.parseLong(find(school.get("/schools").body(), "href=\"/schools/(\\d+)\"")));
		if (onRecord.guardsReported() && onRecord.guardCount() != 3) {
			assertThat(review.body()).contains("检查表填报保安员 3 名，学校安全防范档案登记 " + onRecord.guardCount() + " 名");
		}
		else {
			assertThat(review.body()).doesNotContain("检查表填报保安员");
		}
		assertThat(review.body()).contains("（敏感信息，由公安机关掌握）")
			.doesNotContain("网吧聚集")
			.contains("应为“有”（依据：国办发〔2017〕35号 §三(九)）");
		Page returned = county.follow(county.postForm("/inspections/" + id + "/return",
				Map.of("version", version(review), "comment", "请补充校门现场照片")));
		assertThat(returned.body()).contains("已退回").contains("请补充校门现场照片");

		// the school adds a photo (a text file is refused) and resubmits
		Page notImage = school.follow(school.upload("/inspections/" + id + "/photos?item=sitePhotos", "photo",
				"photo.jpg", "not an image".getBytes()));
		assertThat(notImage.body()).contains("只接受 JPEG、PNG 或 WebP 格式的照片");
		Page uploaded = school
			.follow(school.upload("/inspections/" + id + "/photos?item=sitePhotos", "photo", "gate.png", PNG));
		assertThat(uploaded.body()).contains("照片已上传");
		String photoPath = "/inspections/" + id + "/photos/"
				+ find(uploaded.body(), "/inspections/" + id + "/photos/(\\d+)");
		Page photo = county.get(photoPath);
		assertThat(photo.status()).isEqualTo(200);
		assertThat(photo.header("Content-Type")).isEqualTo("image/png");
		assertThat(photo.bytes()).isEqualTo(PNG);
		school.postForm("/inspections/" + id,
				Map.of("version", version(school.get("/inspections/" + id)), "action", "submit"));

		// another county sees neither the form nor its photos
		WebSession otherCounty = WebSession.signedIn(port, "wujin.edu", PW);
		assertThat(otherCounty.get("/inspections/" + id).status()).isEqualTo(404);
		assertThat(otherCounty.get(photoPath).status()).isEqualTo(404);

		// acceptance updates the posture and puts the failing item on the ledger
		long schoolId = Long.parseLong(find(school.get("/schools").body(), "href=\"/schools/(\\d+)\""));
		Page accepted = county.follow(county.postForm("/inspections/" + id + "/accept",
				Map.of("version", version(county.get("/inspections/" + id)), "raiseHazards", "true")));
		assertThat(accepted.body()).contains("已验收通过").contains("登记隐患");
		SecurityPosture posture = postures.current(schoolId);
		assertThat(posture.antiRamming()).isFalse();
		assertThat(posture.cameras()).isEqualTo(48);
		assertThat(posture.workingTeamLead()).isEqualTo("李校长");

		Page ledger = county.get("/hazards?region=320402&state=PENDING");
		String schoolName = find(school.get("/inspections/" + id).body(), "<h1 class=\"h4\"><span>([^<]+)</span>");
		String hazardId = find(ledger.body(),
				"href=\"/hazards/(\\d+)\">[^<]+</a>\\s*<div[^>]*>.*?</div></td>\\s*<td data-label=\"学校\">"
						+ Pattern.quote(schoolName) + "</td><td data-label=\"部位\">硬质防冲撞设施</td>");
		Page hazard = school.get("/hazards/" + hazardId);
		assertThat(hazard.body()).contains("检查发现：硬质防冲撞设施有无").contains("李明");
		// 拉单挂账 gives the grade's ledger period (较大: 30 days), not a deadline on the day
		// found
		assertThat(jdbc.sql("select deadline - cast(found_at as date) from hazard where id = ?")
			.param(Long.parseLong(hazardId))
			.query(Integer.class)
			.single()).isBetween(29, 31);
		Page hazardPhoto = school
			.follow(school.upload("/hazards/" + hazardId + "/photos?caption=before", "photo", "before.png", PNG));
		assertThat(hazardPhoto.body()).contains("照片已上传").contains("before");
		String hazardPhotoPath = "/hazards/" + hazardId + "/photos/"
				+ find(hazardPhoto.body(), "/hazards/" + hazardId + "/photos/(\\d+)");
		assertThat(county.get(hazardPhotoPath).bytes()).isEqualTo(PNG);
		assertThat(otherCounty.get(hazardPhotoPath).status()).isEqualTo(404);
		assertThat(otherCounty.get("/hazards/" + hazardId).status()).isEqualTo(404);
		Page pdf = school.get("/hazards/" + hazardId + "/notice.pdf");
		try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
			assertThat(new PDFTextStripper().getText(doc)).contains("隐患整改通知书").contains("硬质防冲撞设施");
		}
		hazard = school.follow(school.postForm("/hazards/" + hazardId + "/start", Map.of("version", version(hazard))));
		assertThat(hazard.body()).contains("整改中");
		hazard = school.follow(school.postForm("/hazards/" + hazardId + "/submit",
				Map.of("version", version(hazard), "text", "已安装升降柱")));
		assertThat(hazard.body()).contains("已提交待验收").doesNotContain("close-button");
		hazard = county.follow(county.postForm("/hazards/" + hazardId + "/close",
				Map.of("version", version(county.get("/hazards/" + hazardId)), "text", "现场核实")));
		assertThat(hazard.body()).contains("已销号");

		// the forms: Annex 1 for the school (sensitive items only for police), Annex 2
		// for the district
		String educationCopy = text(county.get("/inspections/" + id + "/annex1.xlsx").bytes());
		assertThat(educationCopy).contains("学校及周边安全排查整改情况报表")
			.contains("是否成立工作专班")
			.contains("李校长")
			.contains("（敏感信息，由公安机关掌握）")
			.contains("所长：青龙派出所社区民警");
		assertThat(text(station.get("/inspections/" + id + "/annex1.xlsx").bytes())).contains("校门东侧网吧聚集闲散人员");
		try (PDDocument doc = Loader.loadPDF(county.get("/inspections/" + id + "/annex1.pdf").bytes())) {
			assertThat(new PDFTextStripper().getText(doc)).contains("学校及周边安全排查整改情况报表").contains("李明");
		}
		String summary = text(county.get("/inspections/campaigns/" + campaign + "/annex2.xlsx?region=320402").bytes());
		assertThat(summary).contains("学校及周边安全排查整改情况汇总表（天宁区）").contains("青龙派出所").contains("属地派出所");
		try (PDDocument doc = Loader
			.loadPDF(station.get("/inspections/campaigns/" + campaign + "/annex2.pdf?region=320402").bytes())) {
			assertThat(new PDFTextStripper().getText(doc)).contains("汇总表").contains("网吧聚集");
		}

		// the same for other systems over the JSON API, sensitive answers for police only
		Page apiProgress = new WebSession(port).api("GET", "/api/v1/inspection-campaigns/" + campaign + "/progress",
				"tianning.edu", PW, null, Map.of());
		assertThat(apiProgress.body()).contains("\"regionName\":\"天宁区\"").contains("\"accepted\":1");
		Page apiForm = new WebSession(port).api("GET", "/api/v1/inspections/" + id, "tianning.edu", PW, null, Map.of());
		assertThat(apiForm.body()).contains("\"stateLabel\":\"已验收\"").contains("国办发〔2017〕35号").doesNotContain("网吧聚集");
		assertThat(new WebSession(port).api("GET", "/api/v1/inspections/" + id, "qinglong.police", PW, null, Map.of())
			.body()).contains("网吧聚集");
		assertThat(
				new WebSession(port).api("GET", "/api/v1/inspections/" + id, "wujin.edu", PW, null, Map.of()).status())
			.isEqualTo(404);

		// the city samples every accepted form and fails this one: it goes back to the
		// school
		WebSession city = WebSession.signedIn(port, "city.edu", PW);
		Page sampled = city
			.follow(city.postForm("/inspections/campaigns/" + campaign + "/sampling", Map.of("percent", "100")));
		assertThat(sampled.body()).contains("已随机抽中 1 所");
		Page failed = city.follow(city.postForm("/inspections/" + id + "/sample-result",
				Map.of("version", version(city.get("/inspections/" + id)), "passed", "false", "comment", "照片与现场不符")));
		assertThat(failed.body()).contains("已退回").contains("市级抽查不合格：照片与现场不符");
		assertThat(county.get("/inspections/" + id).body()).contains("市级抽中").contains("验收通过").contains("退回");
	}

	@Test
	void theSecondWriterGetsAConflictAndNothingIsOverwritten() {
		LocalDate today = LocalDate.now();
		WebSession county = WebSession.signedIn(port, "tianning.edu", PW);
		long campaign = launch(county, "并发测试-" + System.nanoTime(), "320402", today, today.plusDays(10));
		long id = inspectionOfLead(port, campaign);
		WebSession school = WebSession.signedIn(port, "school.lead", PW);
		WebSession station = WebSession.signedIn(port, "qinglong.police", PW);
		String stale = version(school.get("/inspections/" + id));
		assertThat(version(station.get("/inspections/" + id))).isEqualTo(stale);
		school.postForm("/inspections/" + id, Map.of("version", stale, "a[cameras]", "20", "action", "draft"));
		Page conflict = station.postForm("/inspections/" + id,
				Map.of("version", stale, "a[cameras]", "99", "action", "draft"));
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.body()).contains("已被他人修改，您的修改未保存");
		assertThat(school.get("/inspections/" + id).body()).contains("value=\"20\"").doesNotContain("value=\"99\"");
	}

	@Test
	void formsNotSubmittedInTimeShowAsMissedOnTheDashboard() {
		LocalDate today = LocalDate.now();
		WebSession county = WebSession.signedIn(port, "wujin.edu", PW);
		long campaign = launch(county, "武进区逾期测试-" + System.nanoTime(), "320412", today.minusDays(20),
				today.minusDays(1));
		Page dashboard = county.get("/inspections/campaigns/" + campaign);
		String assigned = find(dashboard.body(), "schools\\?region=320412\">(\\d+)</a>");
		String missed = find(dashboard.body(), "region=320412&amp;state=MISSED\"[^>]*>(\\d+)</a>");
		assertThat(missed).isEqualTo(assigned);
		Page list = county.get("/inspections/campaigns/" + campaign + "/schools?region=320412&state=MISSED");
		assertThat(list.body()).contains("逾期未报");
		// a school leader cannot launch, and a campaign outside one's scope is not found
		Page refused = WebSession.signedIn(port, "school.lead", PW).get("/inspections/campaigns/" + campaign);
		assertThat(refused.status()).isEqualTo(404);
	}

	static Map<String, Object> withAction(Map<String, Object> form, String action) {
		Map<String, Object> all = new HashMap<>(form);
		all.put("action", action);
		return all;
	}

	static String text(byte[] xlsx) throws Exception {
		List<String> cells = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : book.getSheetAt(0)) {
				for (Cell cell : row) {
					cells.add(cell.toString());
				}
			}
		}
		return String.join("|", cells);
	}

}
