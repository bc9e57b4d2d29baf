package cn.hxay.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * Sign-in errors never tell which names exist (one answer, one timing class for an
 * unknown name, a wrong password, a locked and a disabled account), and one address can
 * never lock someone else's account: it is throttled by source (X-Forwarded-For from the
 * proxy) before the per-account lockout, on the login form and on HTTP Basic alike.
 */
@PlatformTest
class LoginThrottleTests {

	private static final String RIGHT = "Right-Pass-2026";

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Organisations organisations;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fiveRequestsFromOneAddressCannotLockAnAccount() {
		UserSummary victim = newUser("throttle.page");
		WebSession attacker = new WebSession(port).from("203.0.113.7");
		for (int i = 0; i < 3; i++) {
			assertThat(attacker.login(victim.username(), "wrong-" + i).location().orElseThrow()).endsWith("error=bad");
		}
		for (int i = 3; i < 5; i++) {
			Page waiting = attacker.login(victim.username(), "wrong-" + i);
			assertThat(waiting.location().orElseThrow()).endsWith("error=wait");
			assertThat(attacker.follow(waiting).body()).contains("请稍后再试");
		}
		assertThat(attacker.login(victim.username(), RIGHT).location().orElseThrow())
			.as("a waiting address is not even checked")
			.endsWith("error=wait");
		assertThat(accounts.get(victim.id()).locked()).isFalse();
		assertThat(failedAttempts(victim)).as("refused attempts do not count against the account").isEqualTo(3);
		Page owner = new WebSession(port).from("203.0.113.8").login(victim.username(), RIGHT);
		assertThat(owner.location().orElseThrow()).doesNotContain("error");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'LOGIN_THROTTLED' and actor = ?")
			.param(victim.username())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aPatientAddressCannotLockAnAccountEither() {
		UserSummary victim = newUser("throttle.patient");
		WebSession attacker = new WebSession(port).from("203.0.113.9");
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < 3; i++) {
				assertThat(attacker.login(victim.username(), "wrong-" + round + i).location().orElseThrow())
					.endsWith("error=bad");
			}
			assertThat(attacker.login(victim.username(), "wrong-" + round + "x").location().orElseThrow())
				.endsWith("error=wait");
			// the attacker waits out the quiet spell: every stored failure is 16 minutes
			// older
			jdbc.sql("update login_failure set last_failure_at = last_failure_at - interval '16 minutes'").update();
			jdbc.sql("update user_account set last_failed_at = last_failed_at - interval '16 minutes' where id = ?")
				.param(victim.id())
				.update();
		}
		assertThat(accounts.get(victim.id()).locked()).as("nine failures from one address, never five in a row")
			.isFalse();
		assertThat(new WebSession(port).from("203.0.113.10").login(victim.username(), RIGHT).location().orElseThrow())
			.doesNotContain("error");
	}

	@Test
	void httpBasicIsThrottledWith429() {
		UserSummary victim = newUser("throttle.api");
		Map<String, String> from = Map.of("X-Forwarded-For", "203.0.113.20");
		for (int i = 0; i < 3; i++) {
			assertThat(me(victim.username(), "wrong-" + i, from).status()).isEqualTo(401);
		}
		for (int i = 3; i < 6; i++) {
			Page waiting = me(victim.username(), "wrong-" + i, from);
			assertThat(waiting.status()).isEqualTo(429);
			assertThat(waiting.body()).contains("请稍后再试");
			assertThat(waiting.header("Retry-After")).isNotBlank();
		}
		assertThat(me(victim.username(), RIGHT, from).status()).isEqualTo(429);
		assertThat(accounts.get(victim.id()).locked()).isFalse();
		assertThat(me(victim.username(), RIGHT, Map.of("X-Forwarded-For", "203.0.113.21")).status()).isEqualTo(200);
		assertThat(failedAttempts(victim)).as("a successful sign-in clears the account's count").isZero();
	}

	@Test
	void oneAddressTryingManyNamesIsThrottled() {
		UserSummary someone = newUser("throttle.spray");
		WebSession sprayer = new WebSession(port).from("203.0.113.30");
		for (int i = 0; i < 30; i++) {
			assertThat(sprayer.login("guess-" + i, "Guess-2026-" + i).location().orElseThrow()).endsWith("error=bad");
		}
		assertThat(sprayer.login(someone.username(), RIGHT).location().orElseThrow()).endsWith("error=wait");
		assertThat(new WebSession(port).from("203.0.113.31").login(someone.username(), RIGHT).location().orElseThrow())
			.doesNotContain("error");
	}

	@Test
	void failedSignInsLookAndTakeTheSameWhateverTheReason() {
		UserSummary known = newUser("uniform.known");
		UserSummary locked = newUser("uniform.locked");
		for (int i = 0; i < 5; i++) {
			new WebSession(port).from(nextAddress()).login(locked.username(), "wrong-" + i);
		}
		assertThat(accounts.get(locked.id()).locked()).isTrue();
		UserSummary disabled = newUser("uniform.disabled");
		accounts.change(disabled.id(), disabled.version(), disabled.displayName(), disabled.roles(), null, false);

		Map<String, String[]> cases = new LinkedHashMap<>();
		cases.put("wrong password", new String[] { known.username(), "Wrong-Pass-2026" });
		cases.put("unknown name", new String[] { "no.such.user", "Wrong-Pass-2026" });
		cases.put("locked, right password", new String[] { locked.username(), RIGHT });
		cases.put("disabled, right password", new String[] { disabled.username(), RIGHT });
		Map<String, List<Long>> times = new LinkedHashMap<>();
		String expectedLocation = null;
		String expectedMessage = null;
		// round by round, so that warming up and the machine's load touch every case
		// alike
		for (int round = 0; round < 15; round++) {
			for (Map.Entry<String, String[]> c : cases.entrySet()) {
				WebSession browser = new WebSession(port).from(nextAddress());
				browser.get("/login");
				long started = System.nanoTime();
				Page result = browser.postForm("/login",
						Map.of("username", c.getValue()[0], "password", c.getValue()[1]));
				times.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(System.nanoTime() - started);
				String location = result.location().orElseThrow();
				String message = alert(browser.follow(result).body());
				expectedLocation = expectedLocation == null ? location : expectedLocation;
				expectedMessage = expectedMessage == null ? message : expectedMessage;
				assertThat(location).as(c.getKey()).isEqualTo(expectedLocation);
				assertThat(message).as(c.getKey()).isEqualTo(expectedMessage);
			}
		}
		String expectedApi = null;
		for (Map.Entry<String, String[]> c : cases.entrySet()) {
			Page api = me(c.getValue()[0], c.getValue()[1], Map.of("X-Forwarded-For", nextAddress()));
			assertThat(api.status()).as(c.getKey()).isEqualTo(401);
			expectedApi = expectedApi == null ? api.body() : expectedApi;
			assertThat(api.body()).as(c.getKey()).isEqualTo(expectedApi);
		}
		assertThat(expectedMessage).contains("用户名或密码错误");
		Map<String, Long> medians = new LinkedHashMap<>();
		times.forEach((reason, list) -> medians.put(reason, list.stream().sorted().toList().get(list.size() / 2)));
		long slowest = medians.values().stream().mapToLong(Long::longValue).max().orElseThrow();
		// every case checks a password hash (an unknown name against a dummy one): none
		// is
		// the fast answer that would tell a name exists, or is locked
		medians.forEach((reason, median) -> assertThat(median)
			.as("%s is in the timing class of the others: %s ns", reason, medians)
			.isGreaterThan(slowest * 4 / 10));
	}

	private Page me(String username, String password, Map<String, String> headers) {
		return new WebSession(port).api("GET", "/api/v1/me", username, password, null, headers);
	}

	private static String alert(String body) {
		Matcher m = Pattern.compile("id=\"login-error\"[^>]*>\\s*<span>([^<]*)</span>").matcher(body);
		assertThat(m.find()).as(body).isTrue();
		return m.group(1);
	}

	private int failedAttempts(UserSummary user) {
		return jdbc.sql("select failed_attempts from user_account where id = ?")
			.param(user.id())
			.query(Integer.class)
			.single();
	}

	private static String nextAddress() {
		int n = ADDRESSES.incrementAndGet();
		return "198.18." + (n / 250) + "." + (n % 250 + 1);
	}

	private UserSummary newUser(String username) {
		long unit = organisations.ofKind(OrganisationKind.COUNTY_EDUCATION_BUREAU, "320400").get(0).id();
		return accounts
			.open(new NewUserAccount(username, "登录测试", RIGHT, unit, Set.of(Role.COUNTY_EDUCATION_ADMIN), null));
	}

}
