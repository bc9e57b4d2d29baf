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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A system administrator builds the tree (region, bureaus, a police station) and opens
 * accounts for it; every change lands in the append-only audit log.
 */
@PlatformTest
class AdministrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Test
	void administratorAddsACountyItsUnitsAndAnAccount() {
		WebSession admin = signedIn(DemoUsers.ADMIN);
		admin.get("/admin/regions");
		Page badCode = admin.postForm("/admin/regions",
				Map.of("code", "3204", "name", "坏代码区", "level", "COUNTY", "parentCode", "320400"));
		assertThat(badCode.body()).contains("地区代码须为 6 位数字");
		Page wrongCity = admin.postForm("/admin/regions",
				Map.of("code", "320599", "name", "错市区", "level", "COUNTY", "parentCode", "320400"));
		assertThat(wrongCity.body()).contains("与上级 320400 不一致");
		assertThat(admin
			.postForm("/admin/regions",
					Map.of("code", "320491", "name", "测试开发区", "level", "COUNTY", "parentCode", "320400"))
			.status()).isEqualTo(302);

		admin.get("/admin/organisations");
		long cityEducation = organisations.ofKind(OrganisationKind.CITY_EDUCATION_BUREAU, "320400").get(0).id();
		long cityPolice = organisations.ofKind(OrganisationKind.CITY_PUBLIC_SECURITY_BUREAU, "320400").get(0).id();
		Page stationWithoutBureau = admin.postForm("/admin/organisations",
				Map.of("name", "孤儿派出所", "kind", "POLICE_STATION", "regionCode", "320491", "parentId", cityEducation));
		assertThat(stationWithoutBureau.body()).contains("市教育局不能作为派出所的上级");
		assertThat(admin
			.postForm("/admin/organisations", Map.of("name", "测试开发区教育局", "kind", "COUNTY_EDUCATION_BUREAU",
					"regionCode", "320491", "parentId", cityEducation))
			.status()).isEqualTo(302);
		assertThat(admin
			.postForm("/admin/organisations", Map.of("name", "测试开发区公安分局", "kind", "COUNTY_PUBLIC_SECURITY_BUREAU",
					"regionCode", "320491", "parentId", cityPolice))
			.status()).isEqualTo(302);
		long bureau = organisations.findByName("320491", OrganisationKind.COUNTY_PUBLIC_SECURITY_BUREAU, "测试开发区公安分局")
			.orElseThrow()
			.id();
		assertThat(
				admin
					.postForm("/admin/organisations",
							Map.of("name", "高新派出所", "kind", "POLICE_STATION", "regionCode", "320491", "parentId",
									bureau))
					.status())
			.isEqualTo(302);
		Organisation station = organisations.findByName("320491", OrganisationKind.POLICE_STATION, "高新派出所")
			.orElseThrow();
		assertThat(station.path()).startsWith(organisations.get(cityPolice).path());

		admin.get("/admin/users/new");
		Page wrongRole = admin.postForm("/admin/users/new", Map.of("username", "gaoxin.police", "displayName", "高新民警",
				"password", "Gaoxin-2026", "organisationId", station.id(), "roles", List.of("COUNTY_EDUCATION_ADMIN")));
		assertThat(wrongRole.body()).contains("不能设在派出所");
		Page created = admin.postForm("/admin/users/new", Map.of("username", "gaoxin.police", "displayName", "高新民警",
				"password", "Given-Gaoxin-2026", "organisationId", station.id(), "roles", List.of("STATION_OFFICER")));
		assertThat(created.status()).isEqualTo(302);
		// an account an administrator opened: its holder first sets their own password
		WebSession officer = WebSession.signedInChangingFirstPassword(port, "gaoxin.police", "Given-Gaoxin-2026",
				"Gaoxin-2026");
		assertThat(officer.get("/schools").body()).contains("共 0 条");

		List<String> actions = jdbc
			.sql("select action from audit_event where actor = ? and occurred_at > now() - interval '5 minutes'")
			.param(DemoUsers.ADMIN)
			.query(String.class)
			.list();
		assertThat(actions).contains("REGION_CREATED", "ORGANISATION_CREATED", "USER_CREATED");
		Page audit = admin.get("/admin/audit?actor=admin&action=USER_CREATED");
		assertThat(audit.body()).contains("gaoxin.police").contains("派出所民警");
	}

	@Test
	void theAuditLogRefusesChangesAndDeletes() {
		assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'someone-else'").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update()).hasMessageContaining("append-only");
	}

	@Test
	void sessionsLiveInPostgresqlSoAnyNodeCanServeTheNextRequest() {
		signedIn(DemoUsers.INSPECTOR);
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(DemoUsers.INSPECTOR)
			.query(Long.class)
			.single()).isPositive();
	}

	private WebSession signedIn(String username) {
		return signedIn(username, DemoUsers.PASSWORD);
	}

	private WebSession signedIn(String username, String password) {
		return WebSession.signedIn(port, username, password);
	}

}
