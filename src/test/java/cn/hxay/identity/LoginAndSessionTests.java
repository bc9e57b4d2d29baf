package cn.hxay.identity;

import java.net.HttpCookie;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * Login, lockout, CSRF, session and deny-by-default, over real HTTP against the running
 * platform.
 */
@PlatformTest
class LoginAndSessionTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Organisations organisations;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anonymousVisitorIsSentToTheLoginPage() {
		WebSession browser = new WebSession(port);
		Page home = browser.get("/");
		assertThat(home.status()).isEqualTo(302);
		assertThat(home.location()).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
		Page login = browser.get("/login");
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.body()).contains("护校安园").contains("用户名").contains("密码");
	}

	@Test
	void demoUserSignsInAndSeesTheirUnit() {
		WebSession browser = new WebSession(port);
		Page result = browser.login(DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD);
		assertThat(result.status()).isEqualTo(302);
		Page home = browser.follow(result);
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("天宁区教育局").contains("县(区)教育局管理员");
		assertThat(jdbc.sql("select count(*) from audit_event where actor = ? and action = 'LOGIN_SUCCEEDED'")
			.param(DemoUsers.COUNTY_EDUCATION)
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void wrongPasswordIsRefusedWithAChineseMessage() {
		WebSession browser = new WebSession(port);
		Page result = browser.login(DemoUsers.INSPECTOR, "Wrong-Password-1");
		assertThat(result.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error=bad"));
		assertThat(browser.follow(result).body()).contains("用户名或密码错误");
	}

	@Test
	void fiveFailedLoginsLockTheAccountEvenForTheRightPassword() {
		String username = newUser("lockout.case", Role.COUNTY_EDUCATION_ADMIN, "Right-Pass-2026");
		// from several addresses: one address alone is throttled before it can lock an
		// account (LoginThrottleTests)
		WebSession browser = new WebSession(port);
		for (int i = 0; i < 4; i++) {
			assertThat(browser.from("198.51.100." + (10 + i)).login(username, "wrong-" + i).location().orElseThrow())
				.endsWith("error=bad");
		}
		assertThat(accounts.search(username, null, cn.hxay.shared.PageRequest.of(0, 1)).items().get(0).locked())
			.isFalse();
		assertThat(browser.from("198.51.100.14").login(username, "wrong-4").location().orElseThrow())
			.endsWith("error=bad");
		Page refused = browser.from("198.51.100.15").login(username, "Right-Pass-2026");
		// a locked account answers like a wrong password, so the page never tells which
		// names exist (LoginThrottleTests); the message names the lockout rule
		assertThat(refused.location().orElseThrow()).endsWith("error=bad");
		assertThat(browser.follow(refused).body()).contains("锁定").contains("15 分钟");
		List<String> actions = jdbc.sql("select action from audit_event where actor = ? order by id")
			.param(username)
			.query(String.class)
			.list();
		assertThat(actions).contains("LOGIN_FAILED", "ACCOUNT_LOCKED", "LOGIN_REFUSED");
		assertThat(jdbc.sql("select count(*) from audit_event where detail like '%wrong-%'").query(Long.class).single())
			.as("passwords never reach the audit log")
			.isZero();
	}

	@Test
	void sessionIdChangesAtLoginAndCookiesAreHttpOnlyAndSameSite() {
		WebSession browser = new WebSession(port);
		Page loginPage = browser.get("/login");
		String before = browser.cookie("HXAYSESSION").map(HttpCookie::getValue).orElse(null);
		Page signedIn = browser.postForm("/login",
				Map.of("username", DemoUsers.CITY_EDUCATION, "password", DemoUsers.PASSWORD));
		String setCookie = signedIn.header("Set-Cookie");
		assertThat(setCookie).contains("HXAYSESSION=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
		String after = browser.cookie("HXAYSESSION").map(HttpCookie::getValue).orElseThrow();
		assertThat(after).isNotEqualTo(before);
		assertThat(loginPage.status()).isEqualTo(200);
	}

	@Test
	void formPostWithoutCsrfTokenIsRefused() {
		WebSession browser = new WebSession(port);
		browser.get("/login");
		Page refused = browser.postFormWithoutToken("/login",
				Map.of("username", DemoUsers.CITY_EDUCATION, "password", DemoUsers.PASSWORD));
		assertThat(refused.status()).isEqualTo(403);
		browser.follow(browser.login(DemoUsers.CITY_EDUCATION, DemoUsers.PASSWORD));
		Page change = browser.postFormWithoutToken("/account/password", Map.of("currentPassword", DemoUsers.PASSWORD,
				"newPassword", "Another-2026", "repeatedPassword", "Another-2026"));
		assertThat(change.status()).isEqualTo(403);
	}

	@Test
	void aPathNoRuleNamesIsDeniedEvenWhenSignedIn() {
		WebSession browser = new WebSession(port);
		browser.follow(browser.login(DemoUsers.ADMIN, DemoUsers.PASSWORD));
		assertThat(browser.get("/no-such-module/anything").status()).isEqualTo(404);
		assertThat(browser.get("/admin/users").status()).isEqualTo(200);
	}

	@Test
	void onlySystemAdministratorsManageAccounts() {
		WebSession browser = new WebSession(port);
		browser.follow(browser.login(DemoUsers.CITY_POLICE, DemoUsers.PASSWORD));
		assertThat(browser.get("/admin/users").status()).isEqualTo(403);
		assertThat(browser.get("/admin/audit").status()).isEqualTo(403);
		assertThat(browser.get("/admin/organisations").status()).isEqualTo(403);
	}

	@Test
	void passwordChangeFollowsThePolicy() {
		String username = newUser("password.case", Role.INSPECTOR, "First-Pass-2026");
		WebSession browser = new WebSession(port);
		browser.follow(browser.login(username, "First-Pass-2026"));
		browser.get("/account/password");
		Page weak = browser.postForm("/account/password", Map.of("currentPassword", "First-Pass-2026", "newPassword",
				"abcdefgh", "repeatedPassword", "abcdefgh"));
		assertThat(weak.status()).isEqualTo(200);
		assertThat(weak.body()).contains("至少三类");
		Page changed = browser.postForm("/account/password", Map.of("currentPassword", "First-Pass-2026", "newPassword",
				"Second-Pass-2026", "repeatedPassword", "Second-Pass-2026"));
		assertThat(changed.status()).isEqualTo(302);
		assertThat(browser.follow(changed).body()).contains("密码已修改");
		WebSession again = new WebSession(port);
		assertThat(again.login(username, "First-Pass-2026").location().orElseThrow()).endsWith("error=bad");
		assertThat(new WebSession(port).login(username, "Second-Pass-2026").location().orElseThrow())
			.doesNotContain("error");
	}

	@Test
	void logoutEndsTheSession() {
		WebSession browser = new WebSession(port);
		browser.follow(browser.login(DemoUsers.INSPECTOR, DemoUsers.PASSWORD));
		assertThat(browser.get("/").status()).isEqualTo(200);
		Page out = browser.postForm("/logout", Map.of());
		assertThat(out.location().orElseThrow()).endsWith("/login?logout");
		assertThat(browser.get("/").status()).isEqualTo(302);
	}

	private String newUser(String username, Role role, String password) {
		long unit = organisations.ofKind(OrganisationKind.COUNTY_EDUCATION_BUREAU, "320400").get(0).id();
		accounts.open(new NewUserAccount(username, "测试用户", password, unit, Set.of(role), null));
		return username;
	}

}
