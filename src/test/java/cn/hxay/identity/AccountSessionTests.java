package cn.hxay.identity;

import java.util.HashMap;
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
 * Disabling an account, resetting its password, changing its roles, or the user changing
 * their own password ends that account's other sessions at once: two real browser
 * sessions against the platform, sessions in PostgreSQL.
 */
@PlatformTest
class AccountSessionTests {

	private static final String FIRST = "First-Pass-2026";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Organisations organisations;

	@Autowired
	JdbcClient jdbc;

	@Test
	void changingTheOwnPasswordEndsTheOtherSessionsAndKeepsThisOne() {
		UserSummary user = newUser("sessions.own");
		WebSession office = WebSession.signedIn(port, user.username(), FIRST);
		WebSession phone = WebSession.signedIn(port, user.username(), FIRST);
		assertThat(sessionsOf(user)).isEqualTo(2);
		phone.get("/account/password");
		Page changed = phone.postForm("/account/password", Map.of("currentPassword", FIRST, "newPassword",
				"Second-Pass-2026", "repeatedPassword", "Second-Pass-2026"));
		assertThat(changed.status()).isEqualTo(302);
		assertSignedOut(office);
		assertThat(phone.get("/").status()).as("the session that changed the password stays").isEqualTo(200);
		assertThat(sessionsOf(user)).isEqualTo(1);
	}

	@Test
	void disablingAnAccountEndsItsSessions() {
		UserSummary user = newUser("sessions.disabled");
		WebSession victim = WebSession.signedIn(port, user.username(), FIRST);
		assertThat(victim.get("/").status()).isEqualTo(200);
		Page saved = administer(user, Map.of("enabled", "false"));
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		assertSignedOut(victim);
		assertThat(new WebSession(port).login(user.username(), FIRST).location().orElseThrow()).contains("error");
	}

	@Test
	void resettingThePasswordEndsTheSessions() {
		UserSummary user = newUser("sessions.reset");
		WebSession victim = WebSession.signedIn(port, user.username(), FIRST);
		WebSession admin = WebSession.signedIn(port, DemoUsers.ADMIN, DemoUsers.PASSWORD);
		admin.get("/admin/users/" + user.id());
		Page reset = admin.postForm("/admin/users/" + user.id() + "/password", Map.of("password", "Reset-Pass-2026"));
		assertThat(reset.status()).isEqualTo(302);
		assertSignedOut(victim);
		assertThat(admin.get("/admin/users").status()).as("the administrator's own session stays").isEqualTo(200);
	}

	@Test
	void changingTheRolesEndsTheSessionsButChangingThePhoneDoesNot() {
		UserSummary user = newUser("sessions.roles");
		WebSession victim = WebSession.signedIn(port, user.username(), FIRST);
		Page phone = administer(user, Map.of("phone", "0519-86661234"));
		assertThat(phone.status()).isEqualTo(302);
		assertThat(victim.get("/").status()).as("a new phone number signs no one out").isEqualTo(200);
		Page roles = administer(accounts.get(user.id()), Map.of("roles", List.of(Role.INSPECTOR.name())));
		assertThat(roles.status()).isEqualTo(302);
		assertSignedOut(victim);
		WebSession again = WebSession.signedIn(port, user.username(), FIRST);
		assertThat(again.get("/").body()).contains("督导员");
		assertThat(
				jdbc.sql("select detail from audit_event where action = 'USER_CHANGED' and subject_id = ? order by id")
					.param(user.username())
					.query(String.class)
					.list())
			.last()
			.asString()
			.contains("已结束其 1 个会话");
	}

	private Page administer(UserSummary user, Map<String, Object> changes) {
		WebSession admin = WebSession.signedIn(port, DemoUsers.ADMIN, DemoUsers.PASSWORD);
		admin.get("/admin/users/" + user.id());
		Map<String, Object> form = new HashMap<>(Map.of("version", user.version(), "displayName", user.displayName(),
				"roles", user.roles().stream().map(Role::name).toList(), "phone", "", "enabled", "true"));
		form.putAll(changes);
		return admin.postForm("/admin/users/" + user.id(), form);
	}

	private void assertSignedOut(WebSession session) {
		Page home = session.get("/");
		assertThat(home.status()).as("signed out at once").isEqualTo(302);
		assertThat(home.location().orElseThrow()).endsWith("/login");
	}

	private long sessionsOf(UserSummary user) {
		return jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(user.username())
			.query(Long.class)
			.single();
	}

	private UserSummary newUser(String username) {
		long unit = organisations.ofKind(OrganisationKind.COUNTY_EDUCATION_BUREAU, "320400").get(0).id();
		return accounts
			.open(new NewUserAccount(username, "会话测试", FIRST, unit, Set.of(Role.COUNTY_EDUCATION_ADMIN), null));
	}

}
