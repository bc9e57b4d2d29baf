package cn.hxay.school;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.hxay.demo.DemoUsers;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The school registry pages over HTTP: list, filter, paging, detail, register with
 * validation, edit with optimistic locking.
 */
@PlatformTest
class SchoolRegistryPageTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Test
	void countyAdministratorListsOnlyTheirCountyAndPagesThroughIt() {
		WebSession browser = signedIn(DemoUsers.COUNTY_EDUCATION);
		Page list = browser.get("/schools");
		assertThat(list.status()).isEqualTo(200);
		long tianning = count("region_code = '320402'");
		assertThat(list.body()).contains("共 " + tianning + " 条").doesNotContain("武进区教育局");
		Page second = browser.get("/schools?page=1");
		assertThat(second.body()).contains("第 21–40 条");
	}

	@Test
	void filtersNarrowTheListAndHtmxGetsTheTableAlone() {
		WebSession browser = signedIn(DemoUsers.CITY_EDUCATION);
		long rural = count("locality = 'RURAL' and kind = 'PRIMARY'");
		Page filtered = browser.get("/schools?locality=RURAL&kind=PRIMARY");
		assertThat(filtered.body()).contains("共 " + rural + " 条");
		Page fragment = browser.get("/schools?locality=RURAL&kind=PRIMARY");
		assertThat(fragment.body()).contains("<html");
		long boardingInWujin = count("region_code = '320412' and boarding");
		Page boarding = browser.get("/schools?region=320412&boarding=true");
		assertThat(boarding.body()).contains("共 " + boardingInWujin + " 条");
		long byText = count("name like '%湖塘%'");
		assertThat(browser.get("/schools?q=%E6%B9%96%E5%A1%98").body()).contains("共 " + byText + " 条");
	}

	@Test
	void detailPageShowsTheSchoolAndItsUnits() {
		WebSession browser = signedIn(DemoUsers.COUNTY_EDUCATION);
		long id = jdbc.sql("select id from school where region_code = '320402' order by id limit 1")
			.query(Long.class)
			.single();
		String name = jdbc.sql("select name from school where id = ?").param(id).query(String.class).single();
		Page detail = browser.get("/schools/" + id);
		assertThat(detail.status()).isEqualTo(200);
		assertThat(detail.body()).contains(name).contains("天宁区教育局").contains("派出所").contains("学校标识码");
	}

	@Test
	void registeringRefusesBadInputInChineseAndWritesNothing() {
		WebSession browser = signedIn(DemoUsers.COUNTY_EDUCATION);
		browser.get("/schools/new");
		long before = count("true");
		Map<String, Object> form = validForm("3040299001", "测试学校甲");
		form.put("code", "12345");
		form.put("boarding", "true");
		form.put("students", "300");
		form.put("boarders", "400");
		Page refused = browser.postForm("/schools/new", form);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("学校标识码须为 10 位数字").contains("寄宿生数 (400) 不能超过在校生数 (300)");
		assertThat(count("true")).isEqualTo(before);
	}

	@Test
	void registersASchoolAndRefusesTheSameCodeTwice() {
		WebSession browser = signedIn(DemoUsers.COUNTY_EDUCATION);
		browser.get("/schools/new");
		Page created = browser.postForm("/schools/new", validForm("3040299002", "测试学校乙"));
		assertThat(created.status()).isEqualTo(302);
		Page detail = browser.follow(created);
		assertThat(detail.body()).contains("已登记学校：测试学校乙").contains("3040299002");
		assertThat(jdbc
			.sql("select count(*) from audit_event where action = 'SCHOOL_REGISTERED' and detail like '%3040299002%'")
			.query(Long.class)
			.single()).isEqualTo(1);
		browser.get("/schools/new");
		Page duplicate = browser.postForm("/schools/new", validForm("3040299002", "测试学校丙"));
		assertThat(duplicate.body()).contains("学校标识码 3040299002 已被其他学校使用");
		assertThat(count("code = '3040299002'")).isEqualTo(1);
	}

	@Test
	void countyAdministratorCannotRegisterIntoAnotherCounty() {
		WebSession browser = signedIn(DemoUsers.COUNTY_EDUCATION);
		browser.get("/schools/new");
		Map<String, Object> form = validForm("3040299003", "测试学校丁");
		form.put("educationBureauId",
				organisations.findByName("320412", OrganisationKind.COUNTY_EDUCATION_BUREAU, "武进区教育局")
					.orElseThrow()
					.id());
		Page refused = browser.postForm("/schools/new", form);
		assertThat(refused.body()).contains("不能把学校登记到您管辖范围以外的教育局");
		assertThat(count("code = '3040299003'")).isZero();
	}

	@Test
	void aStaleEditIsRefusedWithAConflictMessage() {
		WebSession first = signedIn(DemoUsers.COUNTY_EDUCATION);
		first.get("/schools/new");
		String location = first.postForm("/schools/new", validForm("3040299004", "测试学校戊")).location().orElseThrow();
		String path = location.substring(location.indexOf("/schools/"));
		WebSession second = signedIn(DemoUsers.CITY_EDUCATION);
		first.get(path + "/edit");
		second.get(path + "/edit");
		Map<String, Object> edit = validForm("3040299004", "测试学校戊");
		edit.put("version", "0");
		edit.put("students", "700");
		assertThat(first.postForm(path + "/edit", edit).status()).isEqualTo(302);
		edit.put("students", "800");
		Page conflict = second.postForm(path + "/edit", edit);
		assertThat(conflict.body()).contains("已被他人修改");
		assertThat(jdbc.sql("select students from school where code = '3040299004'").query(Integer.class).single())
			.isEqualTo(700);
	}

	@Test
	void policeAndInspectorsReadButDoNotRegister() {
		WebSession police = signedIn(DemoUsers.COUNTY_POLICE);
		assertThat(police.get("/schools").status()).isEqualTo(200);
		assertThat(police.get("/schools/new").status()).isEqualTo(403);
		assertThat(signedIn(DemoUsers.INSPECTOR).get("/schools/import").status()).isEqualTo(403);
	}

	private Map<String, Object> validForm(String code, String name) {
		long bureau = organisations.findByName("320402", OrganisationKind.COUNTY_EDUCATION_BUREAU, "天宁区教育局")
			.orElseThrow()
			.id();
		long station = organisations.findByName("320402", OrganisationKind.POLICE_STATION, "青龙派出所").orElseThrow().id();
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("code", code);
		form.put("name", name);
		form.put("kind", "PRIMARY");
		form.put("ownership", "PUBLIC");
		form.put("locality", "URBAN");
		form.put("students", "600");
		form.put("boarders", "0");
		form.put("staff", "45");
		form.put("educationBureauId", bureau);
		form.put("policeStationId", station);
		form.put("licensed", "true");
		form.put("headmasterName", "王校长");
		form.put("headmasterPhone", "13900000000");
		return form;
	}

	private long count(String where) {
		return jdbc.sql("select count(*) from school where " + where).query(Long.class).single();
	}

	private WebSession signedIn(String username) {
		return WebSession.signedIn(port, username, DemoUsers.PASSWORD);
	}

}
