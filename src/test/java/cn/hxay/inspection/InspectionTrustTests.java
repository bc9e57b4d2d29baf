package cn.hxay.inspection;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.inspection.InspectionFlowTests.PW;
import static cn.hxay.inspection.InspectionFlowTests.completeAnswers;
import static cn.hxay.support.Texts.find;
import static cn.hxay.inspection.InspectionFlowTests.inspectionOfLead;
import static cn.hxay.inspection.InspectionFlowTests.launch;
import static cn.hxay.inspection.InspectionFlowTests.version;
import static cn.hxay.inspection.InspectionFlowTests.withAction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What issue 10 found in the inspection loop, each through real HTTP and PostgreSQL:
 * co-signing keeps what the station typed, one failing item gives at most one open
 * hazard, a form is accepted only with its police part done, hazards from police-only
 * items stay with the police, bad input is a 400 with nothing written, sensitive reads
 * are audited, and every dashboard figure equals the list it opens.
 */
@PlatformTest
class InspectionTrustTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private WebSession county() {
		return WebSession.signedIn(port, "tianning.edu", PW);
	}

	/** A fresh campaign over 天宁区 with the school lead's form filled in as a draft. */
	private long filledForm(WebSession county, String title) {
		LocalDate today = LocalDate.now();
		long campaign = launch(county, title + "-" + System.nanoTime(), "320402", today, today.plusDays(30));
		long id = inspectionOfLead(port, campaign);
		WebSession school = WebSession.signedIn(port, "school.lead", PW);
		Page draft = school.follow(school.postForm("/inspections/" + id,
				withAction(completeAnswers(version(school.get("/inspections/" + id))), "draft")));
		assertThat(draft.body()).contains("草稿已保存");
		return id;
	}

	private static Map<String, Object> policeAnswers(String version) {
		Map<String, Object> form = new HashMap<>();
		form.put("version", version);
		form.put("a[disorderSpots]", "校门东侧网吧聚集闲散人员");
		form.put("a[disorderFixed]", "false");
		form.put("a[instability]", "无");
		return form;
	}

	/** Co-signed by the station with the given form, submitted by the school. */
	private void cosignAndSubmit(long id, Map<String, Object> stationForm) {
		WebSession station = WebSession.signedIn(port, "qinglong.police", PW);
		station.get("/inspections/" + id);
		Page signed = station.postForm("/inspections/" + id + "/cosign", stationForm);
		assertThat(signed.status()).as(signed.body()).isEqualTo(302);
		WebSession school = WebSession.signedIn(port, "school.lead", PW);
		Page submitted = school.follow(school.postForm("/inspections/" + id,
				Map.of("version", version(school.get("/inspections/" + id)), "action", "submit")));
		assertThat(submitted.body()).contains("检查表已提交");
	}

	@Test
	void coSigningSavesWhatTheStationTypedFirst() {
		long id = filledForm(county(), "会签保存");
		WebSession station = WebSession.signedIn(port, "qinglong.police", PW);
		Page page = station.get("/inspections/" + id);
		assertThat(page.body()).contains("id=\"cosign-button\"")
			.contains("formaction=\"/inspections/" + id + "/cosign\"");

		// a refused answer refuses the co-signature too, and the page keeps what was
		// typed
		Map<String, Object> bad = policeAnswers(version(page));
		bad.put("a[cameras]", "很多");
		Page refused = station.postForm("/inspections/" + id + "/cosign", bad);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("“视频探头数量”应为不小于 0 的数字").contains("value=\"很多\"").contains("校门东侧网吧聚集闲散人员");
		assertThat(station.get("/inspections/" + id).body()).contains("未会签").doesNotContain("网吧聚集");

		Page signed = station.follow(station.postForm("/inspections/" + id + "/cosign",
				policeAnswers(version(station.get("/inspections/" + id)))));
		assertThat(signed.body()).contains("派出所已会签");
		Page reloaded = station.get("/inspections/" + id);
		assertThat(reloaded.body()).contains("校门东侧网吧聚集闲散人员").contains("青龙派出所").doesNotContain(">未会签<");
		assertThat(Pattern.compile("id=\"a_disorderFixed_f\" value=\"false\" checked").matcher(reloaded.body()).find())
			.as("the typed police answer is kept")
			.isTrue();
	}

	@Test
	void aPhotoChosenOnTheFormIsSavedTogetherWithTheAnswers() {
		long id = filledForm(county(), "照片随表");
		WebSession school = WebSession.signedIn(port, "school.lead", PW);
		String v = version(school.get("/inspections/" + id));
		// the fill-in form is one multipart form: 保存草稿 sends the answers and the chosen
		// photo
		Page saved = school.follow(school.upload(
				"/inspections/" + id + "?version=" + v + "&action=draft&item=sitePhotos&a%5Bcameras%5D=77", "photo",
				"gate.png", InspectionFlowTests.PNG));
		assertThat(saved.body()).contains("草稿已保存，照片已上传").contains("value=\"77\"");
		assertThat(saved.body()).containsPattern("/inspections/" + id + "/photos/\\d+");
		// a refused photo keeps the saved answers and says why
		Page refused = school.follow(school.upload(
				"/inspections/" + id + "?version=" + version(saved) + "&action=draft&item=sitePhotos&a%5Bcameras%5D=78",
				"photo", "note.png", "not an image".getBytes()));
		assertThat(refused.body()).contains("草稿已保存；照片未上传").contains("value=\"78\"");
	}

	@Test
	void oneFailingItemHasAtMostOneOpenHazardAndASecondAttemptNamesIt() {
		WebSession county = county();
		long id = filledForm(county, "重复隐患");
		cosignAndSubmit(id,
				policeAnswers(version(WebSession.signedIn(port, "qinglong.police", PW).get("/inspections/" + id))));

		// raising from an item before acceptance is refused
		Page early = county.follow(county.postForm("/inspections/" + id + "/hazards", Map.of("item", "antiRamming")));
		assertThat(early.body()).contains("只有验收通过的检查表才能将不符合项登记为隐患");
		assertThat(openFromItem(id, "antiRamming")).isZero();

		Page accepted = county.follow(county.postForm("/inspections/" + id + "/accept",
				Map.of("version", version(county.get("/inspections/" + id)), "raiseHazards", "true")));
		assertThat(accepted.body()).contains("已验收通过");
		assertThat(openFromItem(id, "antiRamming")).isEqualTo(1);
		String number = jdbc
			.sql("select notice_number from hazard where source_inspection_id = ? and source_item = 'antiRamming'")
			.params(id)
			.query(String.class)
			.single();
		assertThat(accepted.body()).as("the failing row links its hazard instead of offering a second one")
			.contains("已登记 " + number);

		Page again = county.follow(county.postForm("/inspections/" + id + "/hazards", Map.of("item", "antiRamming")));
		assertThat(again.body()).contains("该项目已登记隐患 " + number);
		assertThat(openFromItem(id, "antiRamming")).isEqualTo(1);

		// the database refuses a second open hazard for the item whoever writes it
		assertThatThrownBy(() -> jdbc
			.sql("""
					insert into hazard (notice_number, school_id, school_name, region_code, unit_ids, place, category, grade,
					  description, requirements, responsible_unit, responsible_person, found_by, found_at, deadline, state,
					  source_inspection_id, source_item)
					select notice_number || '-copy', school_id, school_name, region_code, unit_ids, place, category, grade,
					  description, requirements, responsible_unit, responsible_person, found_by, found_at, deadline, 'PENDING',
					  source_inspection_id, source_item
					from hazard where source_inspection_id = ? and source_item = 'antiRamming'""")
			.params(id)
			.update()).isInstanceOf(DuplicateKeyException.class);
	}

	private long openFromItem(long inspectionId, String item) {
		return jdbc
			.sql("select count(*) from hazard where source_inspection_id = ? and source_item = ? and state <> 'CLOSED'")
			.params(inspectionId, item)
			.query(Long.class)
			.single();
	}

	@Test
	void aFormIsAcceptedOnlyWithItsPolicePartAnsweredOrDeclaredFree() {
		WebSession county = county();
		long id = filledForm(county, "公安部分");
		WebSession station = WebSession.signedIn(port, "qinglong.police", PW);
		cosignAndSubmit(id, Map.of("version", version(station.get("/inspections/" + id))));

		Page review = county.get("/inspections/" + id);
		assertThat(review.body()).contains("公安填报部分尚未完成");
		Page refused = county.postForm("/inspections/" + id + "/accept",
				Map.of("version", version(review), "comment", "同意", "raiseHazards", "true"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("公安填报部分尚未完成（校园周边治安乱点情况、治安乱点是否整改、涉校不稳定因素情况）").contains("无涉敏问题");
		assertThat(county.get("/inspections/" + id).body()).contains("已提交待验收");

		// returned, the station declares it has no sensitive findings, the school
		// resubmits
		county.postForm("/inspections/" + id + "/return",
				Map.of("version", version(county.get("/inspections/" + id)), "comment", "请派出所填写公安部分"));
		Page form = station.get("/inspections/" + id);
		assertThat(form.body()).contains("本校周边无涉敏问题");
		cosignAndSubmit(id,
				Map.of("version", version(form), "declarationShown", "true", "noSensitiveFindings", "true"));
		Page declared = county.get("/inspections/" + id);
		assertThat(declared.body()).contains("声明无涉敏问题").contains("青龙派出所").doesNotContain("公安填报部分尚未完成");
		Page accepted = county.follow(county.postForm("/inspections/" + id + "/accept",
				Map.of("version", version(declared), "raiseHazards", "false")));
		assertThat(accepted.body()).contains("已验收通过").contains("已验收");
		assertThat(jdbc.sql("select no_sensitive_findings_by from inspection where id = ?")
			.params(id)
			.query(String.class)
			.single()).contains("青龙派出所");
	}

	@Test
	void hazardsFromPoliceOnlyItemsArePoliceOnlyEverywhere() throws Exception {
		WebSession county = county();
		long id = filledForm(county, "涉敏隐患");
		WebSession station = WebSession.signedIn(port, "qinglong.police", PW);
		cosignAndSubmit(id, policeAnswers(version(station.get("/inspections/" + id))));
		long eduBefore = total(county, "tianning.edu");
		long policeBefore = total(county, "tianning.police");

		// the county police accepts: the failing police-only item becomes a police-only
		// hazard
		WebSession police = WebSession.signedIn(port, "tianning.police", PW);
		Page accepted = police.follow(police.postForm("/inspections/" + id + "/accept",
				Map.of("version", version(police.get("/inspections/" + id)), "raiseHazards", "true")));
		assertThat(accepted.body()).contains("已验收通过");
		long hazard = jdbc.sql("select id from hazard where source_inspection_id = ? and source_item = 'disorderFixed'")
			.params(id)
			.query(Long.class)
			.single();
		assertThat(jdbc.sql("select sensitive from hazard where id = ?").params(hazard).query(Boolean.class).single())
			.isTrue();
		Page own = police.get("/hazards/" + hazard);
		assertThat(own.body()).contains("治安乱点是否整改").contains("涉敏·仅公安可见");
		assertThat(new WebSession(port).api("GET", "/api/v1/hazards/" + hazard, "qinglong.police", PW, null, Map.of())
			.status()).isEqualTo(200);

		for (String reader : new String[] { "tianning.edu", "school.lead", "inspector", "city.edu" }) {
			WebSession session = WebSession.signedIn(port, reader, PW);
			assertThat(session.get("/hazards/" + hazard).status()).as(reader + " page").isEqualTo(404);
			assertThat(session.get("/hazards/" + hazard + "/notice.pdf").status()).as(reader + " PDF").isEqualTo(404);
			Page api = new WebSession(port).api("GET", "/api/v1/hazards/" + hazard, reader, PW, null, Map.of());
			assertThat(api.status()).as(reader + " API").isEqualTo(404);
			assertThat(new WebSession(port).api("GET", "/api/v1/hazards", reader, PW, null, Map.of()).body())
				.as(reader + " API list")
				.doesNotContain("\"id\":" + hazard + ",")
				.doesNotContain("治安乱点是否整改");
			assertThat(session.get("/hazards").body()).as(reader + " ledger page")
				.doesNotContain("/hazards/" + hazard + "\"");
			assertThat(InspectionFlowTests.text(session.get("/hazards/ledger.xlsx").bytes()))
				.as(reader + " ledger Excel")
				.doesNotContain("治安乱点是否整改");
			assertThat(session.get("/hazards/" + hazard + "/photos/1").status()).isEqualTo(404);
		}
		// the inspection history shows the line to the police only
		assertThat(stepsText(county, id)).contains("登记隐患").contains("硬质防冲撞设施有无").doesNotContain("治安乱点是否整改");
		assertThat(stepsText(police, id)).contains("治安乱点是否整改");
		// the figures: the education office counts only the non-sensitive hazard, the
		// police both
		assertThat(total(county, "tianning.edu")).isEqualTo(eduBefore + 1);
		assertThat(total(county, "tianning.police")).isEqualTo(policeBefore + 2);
	}

	private String stepsText(WebSession session, long id) {
		String body = session.get("/inspections/" + id).body();
		return body.substring(body.indexOf("id=\"steps\""));
	}

	/** 天宁区's hazard total in the ledger statistics as a user sees it. */
	private long total(WebSession any, String user) {
		String body = new WebSession(port).api("GET", "/api/v1/hazards/statistics", user, PW, null, Map.of()).body();
		Matcher m = Pattern.compile("\"key\":\"320402\",\"total\":(\\d+)").matcher(body);
		return m.find() ? Long.parseLong(m.group(1)) : 0;
	}

	@Test
	void badInputIsRefusedWith400AndNothingIsWritten() {
		WebSession county = county();
		long id = filledForm(county, "输入校验");
		WebSession school = WebSession.signedIn(port, "school.lead", PW);
		String before = version(school.get("/inspections/" + id));
		Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
		cases.put("no version", Map.of("a[cameras]", "5", "action", "draft"));
		cases.put("version not a number", Map.of("version", "abc", "a[cameras]", "5", "action", "draft"));
		cases.put("NUL in text", Map.of("version", before, "a[report]", "报告\u0000", "action", "draft"));
		cases.put("text too long", Map.of("version", before, "a[report]", "长".repeat(2001), "action", "draft"));
		cases.put("headmaster too long", Map.of("version", before, "headmaster", "名".repeat(51), "action", "draft"));
		for (var c : cases.entrySet()) {
			Page refused = school.postForm("/inspections/" + id, c.getValue());
			assertThat(refused.status()).as(c.getKey()).isEqualTo(400);
		}
		assertThat(version(school.get("/inspections/" + id))).as("nothing written").isEqualTo(before);
		Page nul = school.postForm("/inspections/" + id, cases.get("NUL in text"));
		// NUL cannot be typed by a person: every request carrying one is refused before
		// any
		// handler, by the one rule in shared.web.TextInputCheck
		assertThat(nul.body()).contains("“a[report]”含有不允许的空字符");

		// a photo that is not a multipart upload
		Page notMultipart = school.postForm("/inspections/" + id + "/photos", Map.of("item", "sitePhotos"));
		assertThat(notMultipart.status()).isEqualTo(400);
		assertThat(notMultipart.body()).contains("multipart/form-data");

		// review forms: missing version, over-long comment
		WebSession station = WebSession.signedIn(port, "qinglong.police", PW);
		cosignAndSubmit(id, policeAnswers(version(station.get("/inspections/" + id))));
		String submitted = version(county.get("/inspections/" + id));
		assertThat(county.postForm("/inspections/" + id + "/return", Map.of("comment", "理由")).status()).isEqualTo(400);
		Page longComment = county.postForm("/inspections/" + id + "/return",
				Map.of("version", submitted, "comment", "长".repeat(2001)));
		assertThat(longComment.status()).isEqualTo(400);
		assertThat(longComment.body()).contains("意见不能超过 1900 字");
		assertThat(
				county.postForm("/inspections/" + id + "/accept", Map.of("version", submitted, "raiseHazards", "maybe"))
					.status())
			.isEqualTo(400);
		assertThat(version(county.get("/inspections/" + id))).isEqualTo(submitted);

		// the launch form: unknown school kind, far dates, bad dates; typed values kept
		Map<String, Object> launch = new HashMap<>();
		launch.put("title", "校验任务");
		launch.put("issuers", "天宁区教育局");
		launch.put("regionCode", "320402");
		launch.put("templateCode", "changzhou-2019-annex1");
		launch.put("schoolKinds", "SPACESHIP");
		launch.put("selfCheckFrom", LocalDate.now().toString());
		launch.put("selfCheckDue", "9999-12-31");
		county.get("/inspections/campaigns/new");
		Page unknownKind = county.postForm("/inspections/campaigns", launch);
		assertThat(unknownKind.status()).isEqualTo(400);
		assertThat(unknownKind.body()).contains("“学校类型”的值无效").contains("value=\"校验任务\"");
		launch.remove("schoolKinds");
		Page farDate = county.postForm("/inspections/campaigns", launch);
		assertThat(farDate.status()).isEqualTo(400);
		assertThat(farDate.body()).contains("日期须在");
		launch.put("selfCheckDue", "明天");
		assertThat(county.postForm("/inspections/campaigns", launch).status()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from inspection_campaign where title = '校验任务'").query(Long.class).single())
			.isZero();

		// an unknown list filter
		long campaign = jdbc.sql("select campaign_id from inspection where id = ?")
			.params(id)
			.query(Long.class)
			.single();
		Page badFilter = county.get("/inspections/campaigns/" + campaign + "/schools?state=BOGUS");
		assertThat(badFilter.status()).isEqualTo(400);
		assertThat(badFilter.body()).contains("没有这个状态");
		WebSession city = WebSession.signedIn(port, "city.edu", PW);
		city.get("/inspections/campaigns/" + campaign);
		Page badPercent = city.postForm("/inspections/campaigns/" + campaign + "/sampling", Map.of("percent", "abc"));
		assertThat(badPercent.status()).isEqualTo(400);
		assertThat(badPercent.body()).contains("“抽查比例”的值无效");
		Page badRegion = city.postForm("/inspections/campaigns/" + campaign + "/sampling",
				Map.of("percent", "10", "region", "32\u0000"));
		assertThat(badRegion.status()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from inspection where campaign_id = ? and sampled")
			.params(campaign)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void readingPoliceAnswersLeavesAnAuditRow() {
		WebSession county = county();
		long id = filledForm(county, "涉敏审计");
		WebSession station = WebSession.signedIn(port, "qinglong.police", PW);
		cosignAndSubmit(id, policeAnswers(version(station.get("/inspections/" + id))));
		long before = audits(id);
		county.get("/inspections/" + id + "/annex1.xlsx");
		assertThat(audits(id)).as("a reader who sees no police item leaves no sensitive-read row").isEqualTo(before);
		station.get("/inspections/" + id + "/annex1.xlsx");
		station.get("/inspections/" + id + "/annex1.pdf");
		station.get("/inspections/" + id);
		assertThat(audits(id)).isEqualTo(before + 3);
		assertThat(jdbc
			.sql("select detail from audit_event where action = 'INSPECTION_SENSITIVE_READ' and subject_id = ?"
					+ " order by id")
			.params(Long.toString(id))
			.query(String.class)
			.list()).anySatisfy(d -> assertThat(d).contains("附件1 Excel"))
			.anySatisfy(d -> assertThat(d).contains("附件1 PDF"))
			.anySatisfy(d -> assertThat(d).contains("检查表页面"));
	}

	private long audits(long id) {
		return jdbc
			.sql("select count(*) from audit_event where action = 'INSPECTION_SENSITIVE_READ' and subject_id = ?")
			.params(Long.toString(id))
			.query(Long.class)
			.single();
	}

	@Test
	void everyFigureOfTheCampaignDashboardEqualsTheListItOpens() {
		WebSession city = WebSession.signedIn(port, "city.edu", PW);
		// the demo campaign has forms in every state across two counties
		String campaigns = city.get("/inspections").body();
		String demo = find(campaigns, "href=\"/inspections/campaigns/(\\d+)\"[^>]*>[^<]*秋季学校及周边安全排查整改");
		int checked = checkDashboard(city, Long.parseLong(demo));
		assertThat(checked).isGreaterThanOrEqualTo(7 * 7);

		// a fresh campaign with an accepted form sampled by the city
		WebSession county = county();
		long id = filledForm(county, "看板核对");
		cosignAndSubmit(id,
				policeAnswers(version(WebSession.signedIn(port, "qinglong.police", PW).get("/inspections/" + id))));
		county.postForm("/inspections/" + id + "/accept",
				Map.of("version", version(county.get("/inspections/" + id)), "raiseHazards", "false"));
		long campaign = jdbc.sql("select campaign_id from inspection where id = ?")
			.params(id)
			.query(Long.class)
			.single();
		city.get("/inspections/campaigns/" + campaign);
		city.postForm("/inspections/campaigns/" + campaign + "/sampling", Map.of("percent", "100"));
		String dashboard = city.get("/inspections/campaigns/" + campaign).body();
		assertThat(dashboard).contains("state=SAMPLED\">1</a>");
		checkDashboard(city, campaign);
	}

	/** Opens every figure's link and compares the list's length with the figure. */
	private int checkDashboard(WebSession session, long campaign) {
		String body = session.get("/inspections/campaigns/" + campaign).body();
		Matcher link = Pattern
			.compile("<a[^>]*href=\"(/inspections/campaigns/" + campaign + "/schools[^\"]*)\"[^>]*>(\\d+)</a>")
			.matcher(body);
		int checked = 0;
		while (link.find()) {
			String path = link.group(1).replace("&amp;", "&");
			Page list = session.get(path);
			assertThat(list.status()).as(path).isEqualTo(200);
			assertThat(find(list.body(), "id=\"total\">(\\d+)<")).as(path).isEqualTo(link.group(2));
			checked++;
		}
		assertThat(checked).isGreaterThan(0);
		return checked;
	}

}
