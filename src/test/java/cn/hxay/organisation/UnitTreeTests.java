package cn.hxay.organisation;

import java.util.List;
import java.util.Map;

import cn.hxay.demo.DemoUsers;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unit tree at city scale: searched (a match shown with the units above it), a unit
 * moved under another parent (its subtree and data scope follow), switched off and on;
 * the searchable unit picker replaces the drop-down of every unit.
 */
@PlatformTest
class UnitTreeTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Test
	void searchShowsTheMatchWithItsParentsAndTheSchoolsNamedSo() {
		WebSession admin = WebSession.signedIn(port, DemoUsers.ADMIN, DemoUsers.PASSWORD);
		Page all = admin.get("/admin/organisations");
		assertThat(all.body()).contains("青龙派出所").contains("武进区教育局").contains("下属学校");
		Page found = admin.get("/admin/organisations?q=青龙");
		assertThat(found.body()).contains("<strong>青龙派出所</strong>")
			.as("its parents are shown")
			.contains("常州市公安局天宁分局")
			.contains("常州市公安局")
			.doesNotContain("武进区教育局");
		String school = jdbc.sql("select name from school order by id limit 1").query(String.class).single();
		assertThat(admin.get("/admin/organisations?q=" + school).body()).contains("id=\"school-matches\"");
	}

	@Test
	void thePickerFindsUnitsByPartOfTheirNameAndKeepsTheChosenOne() {
		WebSession admin = WebSession.signedIn(port, DemoUsers.ADMIN, DemoUsers.PASSWORD);
		Page options = admin.get("/admin/units/options?field=organisationId&q=青龙");
		assertThat(options.status()).isEqualTo(200);
		assertThat(options.body()).contains("type=\"radio\"").contains("name=\"organisationId\"").contains("青龙派出所");
		assertThat(options.body()).doesNotContain("<html");
		long tianning = organisations.findByName("320402", OrganisationKind.COUNTY_PUBLIC_SECURITY_BUREAU, "常州市公安局天宁分局")
			.orElseThrow()
			.id();
		Page kept = admin
			.get("/admin/units/options?field=parentId&q=武进&kinds=COUNTY_PUBLIC_SECURITY_BUREAU&parentId=" + tianning);
		assertThat(kept.body()).as("the chosen unit stays while the search changes")
			.containsPattern("value=\"" + tianning + "\" checked")
			.contains("常州市公安局武进分局")
			.doesNotContain("武进区教育局");
		assertThat(admin.get("/admin/units/options?field=password&q=x").status()).isEqualTo(400);
		Page form = admin.get("/admin/users/new");
		assertThat(form.body()).contains("unit-search").doesNotContain("<option");
	}

	@Test
	void aUnitMovesWithItsSubtreeAndIsSwitchedOffOnlyWhenNothingBelowIsOn() {
		WebSession admin = WebSession.signedIn(port, DemoUsers.ADMIN, DemoUsers.PASSWORD);
		admin.get("/admin/regions");
		admin.postForm("/admin/regions",
				Map.of("code", "320493", "name", "树测试区", "level", "COUNTY", "parentCode", "320400"));
		long cityPolice = organisations.ofKind(OrganisationKind.CITY_PUBLIC_SECURITY_BUREAU, "320400").get(0).id();
		Organisation first = organisations
			.add(new NewOrganisation("树测试一分局", OrganisationKind.COUNTY_PUBLIC_SECURITY_BUREAU, "320493", cityPolice));
		Organisation second = organisations
			.add(new NewOrganisation("树测试二分局", OrganisationKind.COUNTY_PUBLIC_SECURITY_BUREAU, "320493", cityPolice));
		Organisation station = organisations
			.add(new NewOrganisation("树测试派出所", OrganisationKind.POLICE_STATION, "320493", first.id()));

		admin.get("/admin/organisations");
		Page wrongParent = admin.postForm("/admin/organisations/" + station.id() + "/move",
				Map.of("parentId", organisations.ofKind(OrganisationKind.CITY_EDUCATION_BUREAU, "320400").get(0).id()));
		assertThat(wrongParent.body()).contains("“树测试派出所”未移动").contains("市教育局不能作为派出所的上级");
		Page moved = admin.postForm("/admin/organisations/" + station.id() + "/move", Map.of("parentId", second.id()));
		assertThat(moved.status()).isEqualTo(302);
		assertThat(organisations.get(station.id()).path()).startsWith(organisations.get(second.id()).path());
		assertThat(organisations.scopeOf(second.id(), false).covers(station.id())).isTrue();
		assertThat(organisations.scopeOf(first.id(), false).covers(station.id())).isFalse();

		Organisation bureau = organisations.get(second.id());
		Page refused = admin.postForm("/admin/organisations/" + second.id() + "/enabled",
				Map.of("version", bureau.version(), "enabled", "false"));
		assertThat(refused.body()).contains("下还有启用的下级单位");
		Organisation moving = organisations.get(station.id());
		assertThat(admin
			.postForm("/admin/organisations/" + station.id() + "/enabled",
					Map.of("version", moving.version(), "enabled", "false"))
			.status()).isEqualTo(302);
		assertThat(organisations.get(station.id()).enabled()).isFalse();
		assertThat(admin.get("/admin/units/options?field=organisationId&q=树测试").body()).doesNotContain("树测试派出所")
			.contains("树测试一分局");
		admin.get("/admin/users/new");
		Page account = admin.postForm("/admin/users/new", Map.of("username", "tree.officer", "displayName", "民警",
				"password", "Tree-Pass-2026", "organisationId", station.id(), "roles", List.of("STATION_OFFICER")));
		assertThat(account.body()).contains("单位“树测试派出所”已停用，不能新建账户");
		assertThat(admin.get("/admin/organisations?q=树测试").body()).contains("已停用");
		assertThat(
				jdbc.sql("select count(*) from audit_event where action = 'ORGANISATION_DISABLED' and subject_id = ?")
					.param(Long.toString(station.id()))
					.query(Long.class)
					.single())
			.isEqualTo(1);
	}

}
