package cn.hxay.posture;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.hxay.demo.DemoUsers;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The posture page over real HTTP: full ID numbers never reach a browser (only an editor
 * who states a reason sees one, and that is audited), a save that does not touch them
 * keeps them, and an empty guard table means "not reported".
 */
@PlatformTest
class PostureFormTests {

	private static final Pattern ID_NUMBER = Pattern.compile("(?<!\\d)\\d{17}[0-9Xx](?![0-9])");

	private static final String FIRST_ID = "320402198005011234";

	private static final String SECOND_ID = "32040219751203567X";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Postures postures;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void noFullIdNumberLeavesTheServerForAnyRole() {
		long leadSchool = jdbc.sql("""
				select s.id from school s join user_account u on u.organisation_id = s.organisation_id
				where u.username = ?""").param(DemoUsers.SCHOOL_LEAD).query(Long.class).single();
		long stationSchool = jdbc.sql("""
				select s.id from school s join user_account u on u.organisation_id = s.police_station_id
				where u.username = ? order by s.id limit 1""")
			.param(DemoUsers.STATION_OFFICER)
			.query(Long.class)
			.single();
		recordGuards(leadSchool);
		recordGuards(stationSchool);
		for (String user : List.of(DemoUsers.ADMIN, DemoUsers.CITY_EDUCATION, DemoUsers.CITY_POLICE,
				DemoUsers.INSPECTOR, DemoUsers.COUNTY_EDUCATION, DemoUsers.COUNTY_POLICE, DemoUsers.SCHOOL_LEAD,
				DemoUsers.STATION_OFFICER)) {
			WebSession session = WebSession.signedIn(port, user, DemoUsers.PASSWORD);
			long school = user.equals(DemoUsers.STATION_OFFICER) ? stationSchool : leadSchool;
			Page page = session.get("/schools/" + school + "/posture");
			assertThat(page.status()).as(user).isEqualTo(200);
			assertThat(page.body()).as(user).contains("320402********1234").doesNotContain(FIRST_ID, SECOND_ID);
			assertThat(ID_NUMBER.matcher(page.body()).find()).as(user + " posture page").isFalse();
			for (String path : List.of("/schools/" + school + "/compliance", "/schools/" + school)) {
				assertThat(ID_NUMBER.matcher(session.get(path).body()).find()).as(user + " " + path).isFalse();
			}
			Page api = session.api("GET", "/api/v1/compliance/schools/" + school + "/findings", user,
					DemoUsers.PASSWORD, null, Map.of());
			assertThat(api.status()).isEqualTo(200);
			assertThat(ID_NUMBER.matcher(api.body()).find()).as(user + " findings API").isFalse();
		}
	}

	@Test
	void anEditorRevealsAnIdNumberOnlyWithAReasonAndEveryRevealIsAudited() {
		long school = tianningSchool(0);
		long version = recordGuards(school);
		String path = "/schools/" + school + "/posture/versions/" + version + "/guards/1/id-number";
		WebSession officer = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD);
		assertThat(officer.get("/schools/" + school + "/posture").body()).contains("查看完整号码")
			.contains("hx-post=\"" + path + "\"")
			.contains("hx-include=\"#reveal-reason-1\"")
			.contains("hx-target=\"#id-cell-1\"");
		long audited = reveals(school);

		Page refused = officer.postForm(path, Map.of("reason", " "));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("请填写查看完整身份证号的理由").doesNotContain(SECOND_ID);
		assertThat(reveals(school)).isEqualTo(audited);

		Page shown = officer.postForm(path, Map.of("reason", "核对保安员证信息"));
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.body()).contains(SECOND_ID).contains("guards[1].idNumber");
		assertThat(reveals(school)).isEqualTo(audited + 1);
		Map<String, Object> row = jdbc.sql("""
				select actor, detail from audit_event where action = 'GUARD_ID_NUMBER_REVEALED' and subject_id = ?
				order by id desc limit 1""").param(Long.toString(school)).query().singleRow();
		assertThat(row.get("actor")).isEqualTo(DemoUsers.COUNTY_EDUCATION);
		assertThat((String) row.get("detail")).contains("核对保安员证信息").contains("李四").doesNotContain(SECOND_ID);

		for (String reader : List.of(DemoUsers.INSPECTOR, DemoUsers.COUNTY_POLICE)) {
			WebSession session = WebSession.signedIn(port, reader, DemoUsers.PASSWORD);
			assertThat(session.get("/schools/" + school + "/posture").body()).doesNotContain("查看完整号码");
			Page forbidden = session.postForm(path, Map.of("reason", "想看看"));
			assertThat(forbidden.status()).as(reader).isEqualTo(403);
			assertThat(forbidden.body()).doesNotContain(SECOND_ID);
		}
		assertThat(reveals(school)).isEqualTo(audited + 1);
	}

	@Test
	void savingThePageWithoutTouchingIdNumbersKeepsThem() {
		long school = tianningSchool(1);
		recordGuards(school);
		WebSession officer = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD);
		Map<String, Object> form = PostureFormPage.fields(officer.get("/schools/" + school + "/posture").body());
		assertThat(form.values()).noneMatch(v -> ID_NUMBER.matcher(String.valueOf(v)).find());
		assertThat(form).containsEntry("guards[0].ref", "0").containsEntry("guards[0].idNumber", "");
		form.put("guards[0].name", "张三丰");
		boolean closed = !Boolean.FALSE.equals(postures.current(school).closedManagement());
		PostureFormPage.with(form, "closedManagement", Boolean.toString(!closed));
		Page saved = officer.postForm("/schools/" + school + "/posture", form);
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);

		SecurityPosture now = postures.current(school);
		assertThat(now.closedManagement()).isEqualTo(!closed);
		assertThat(now.guardList()).extracting(Guard::name, Guard::idNumber)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("张三丰", FIRST_ID),
					org.assertj.core.groups.Tuple.tuple("李四", SECOND_ID));
		Page history = officer.get("/schools/" + school + "/posture");
		assertThat(history.body()).contains("变更项目").contains("封闭式管理、保安员名单");
	}

	@Test
	void anEmptyGuardTableIsNotReportedAndThePageCanGoBackToNotReported() {
		long school = tianningSchool(2);
		recordGuards(school);
		WebSession officer = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD);
		String page = "/schools/" + school + "/posture";

		// clearing every name: not reported, never "0 guards"
		Map<String, Object> form = PostureFormPage.fields(officer.get(page).body());
		PostureFormPage.guardNameFields(form).forEach(name -> form.put(name, ""));
		assertThat(officer.postForm(page, form).status()).isEqualTo(302);
		assertThat(postures.current(school).guardsReported()).isFalse();
		assertThat(officer.get("/schools/" + school + "/compliance").body()).contains("未填报保安员名单，不能判定为合格");

		// a school with no guard says so explicitly
		Map<String, Object> none = PostureFormPage.fields(officer.get(page).body());
		assertThat(none).containsEntry("guardList", "unreported");
		none.put("guardList", "none");
		assertThat(officer.postForm(page, none).status()).isEqualTo(302);
		assertThat(postures.current(school).guardsReported()).isTrue();
		assertThat(postures.current(school).guardCount()).isZero();

		// and goes back to "not reported" from there
		Map<String, Object> back = PostureFormPage.fields(officer.get(page).body());
		assertThat(back).containsEntry("guardList", "none");
		back.put("guardList", "unreported");
		assertThat(officer.postForm(page, back).status()).isEqualTo(302);
		assertThat(postures.current(school).guardsReported()).isFalse();

		// "not reported" with names still in the table is refused, nothing written, typed
		// names kept
		recordGuards(school);
		long versions = versions(school);
		Map<String, Object> contradiction = PostureFormPage.fields(officer.get(page).body());
		contradiction.put("guardList", "unreported");
		contradiction.put("guards[2].name", "王五");
		Page refused = officer.postForm(page, contradiction);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("选择“未填报”前请先清空名单").contains("value=\"王五\"");
		assertThat(versions(school)).isEqualTo(versions);
	}

	@Test
	void badInputIsRefusedByFieldInChineseWithTheTypedValuesKept() {
		long school = tianningSchool(3);
		WebSession officer = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD);
		String page = "/schools/" + school + "/posture";
		long versions = versions(school);
		Map<String, Object> form = PostureFormPage.fields(officer.get(page).body());
		PostureFormPage.with(form, "videoRetentionDays", "三十");
		form.put("guards[0].name", "赵六");
		form.put("guards[0].ref", "");
		form.put("guards[0].idNumber", "12345");
		form.put("perimeterType", "MOAT");
		Page refused = officer.postForm(page, form);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("身份证号应为 18 位").contains("周界类型无效").contains("value=\"赵六\"");
		assertThat(versions(school)).isEqualTo(versions);
		form.put("guards[0].idNumber", "");
		form.put("perimeterType", "WALL");
		Page second = officer.postForm(page, form);
		assertThat(second.body()).contains("视频保存天数应为整数，实际为“三十”").contains("value=\"三十\"");
		assertThat(versions(school)).isEqualTo(versions);
	}

	private long tianningSchool(int offset) {
		return jdbc.sql("select id from school where region_code = '320402' order by id desc offset ? limit 1")
			.param(20 + offset)
			.query(Long.class)
			.single();
	}

	/** Records two guards with known ID numbers; returns the version id. */
	private long recordGuards(long school) {
		SecurityPosture current = postures.current(school);
		SecurityPosture next = current
			.withGuards(List.of(new Guard("张三", FIRST_ID, "苏保00000001", LocalDate.of(1980, 5, 1), true, "常州市保安服务有限公司"),
					new Guard("李四", SECOND_ID, "苏保00000002", LocalDate.of(1975, 12, 3), false, "常州市保安服务有限公司")));
		return transactions
			.execute(status -> postures.recordAs("test", school, next, OffsetDateTime.now().minusSeconds(1)))
			.id();
	}

	private long reveals(long school) {
		return jdbc.sql("select count(*) from audit_event where action = 'GUARD_ID_NUMBER_REVEALED' and subject_id = ?")
			.param(Long.toString(school))
			.query(Long.class)
			.single();
	}

	private long versions(long school) {
		return jdbc.sql("select count(*) from posture_version where school_id = ?")
			.param(school)
			.query(Long.class)
			.single();
	}

}
