package cn.hxay.identity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.hxay.audit.AuditTrail;
import cn.hxay.demo.DemoUsers;
import cn.hxay.shared.ClusterLock;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.crypto.KeyRing;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.hxay.support.Texts.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Rollout at city scale: an administrator opens one safety-lead account for every school
 * of the demo city in one step, watches the progress, downloads the one-time passwords
 * once (from another session: they wait encrypted in PostgreSQL, then are destroyed; or
 * destroyed unread at expiry), and each school must choose its own password at first
 * sign-in, as must an account opened or reset by an administrator; accounts from an Excel
 * sheet are checked row by row and a sheet with a bad row writes nothing.
 */
@PlatformTest
class BulkAccountsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BulkAccounts bulk;

	@Autowired
	PasswordSheets sheets;

	@Autowired
	Clock clock;

	@Autowired
	KeyRing keyRing;

	@Autowired
	BulkRunStore runs;

	@Autowired
	AuditTrail audit;

	@Autowired
	ClusterLock clusterLock;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void administratorOpensTheSchoolAccountsOfTheCityInOneStep() throws Exception {
		WebSession admin = WebSession.signedIn(port, DemoUsers.ADMIN, DemoUsers.PASSWORD);
		Page preview = admin.get("/admin/users/bulk?source=0&region=320400");
		assertThat(preview.status()).isEqualTo(200);
		long schools = jdbc.sql("select count(*) from school").query(Long.class).single();
		assertThat(preview.body()).contains("该地区需要 <strong>" + schools + "</strong> 个账户");
		int missing = Integer.parseInt(find(preview.body(), "id=\"bulk-missing\">(\\d+)<"));
		assertThat(missing).isGreaterThan(0);
		long accountsBefore = jdbc.sql("select count(*) from user_account").query(Long.class).single();

		Page unconfirmed = admin.postForm("/admin/users/bulk", Map.of("source", "0", "region", "320400"));
		assertThat(unconfirmed.status()).isEqualTo(200);
		assertThat(unconfirmed.body()).contains("请勾选确认后再批量开通");
		assertThat(jdbc.sql("select count(*) from user_account").query(Long.class).single()).isEqualTo(accountsBefore);

		long started = System.nanoTime();
		Page start = admin.postForm("/admin/users/bulk", Map.of("source", "0", "region", "320400", "confirm", "true"));
		assertThat(start.status()).isEqualTo(302);
		String run = start.location().orElseThrow();
		assertThat(run).matches(".*/admin/users/bulk/[0-9a-f-]{36}$");
		String runPath = run.substring(run.indexOf("/admin/"));
		List<Integer> progress = new ArrayList<>();
		await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500)).until(() -> {
			Page fragment = admin.exchange("GET", runPath, null, null, Map.of("HX-Request", "true"));
			progress.add(Integer.parseInt(find(fragment.body(), "id=\"bulk-done\">(\\d+)<")));
			return fragment.body().contains("已完成") || fragment.body().contains("失败");
		});
		double seconds = (System.nanoTime() - started) / 1e9;
		Page done = admin.get(runPath);
		assertThat(done.body()).contains("已完成").contains(missing + " 个账户已开通");
		assertThat(progress).as("the progress is shown while the run goes").isSorted();
		System.out.printf("BULK ACCOUNTS: %d school accounts opened in %.1f s (progress samples %s)%n", missing,
				seconds, progress);

		assertThat(jdbc.sql("select count(*) from user_account").query(Long.class).single())
			.isEqualTo(accountsBefore + missing);
		assertThat(jdbc.sql("""
				select count(*) from user_account u join school s on s.code = u.username
				where u.must_change_password and u.organisation_id = s.organisation_id
				  and u.roles = 'SCHOOL_SAFETY_LEAD' and u.password_hash like '$2%'""").query(Long.class).single())
			.isEqualTo(missing);
		Page again = admin.get("/admin/users/bulk?source=0&region=320400");
		assertThat(find(again.body(), "id=\"bulk-missing\">(\\d+)<")).isEqualTo("0");

		// the passwords wait in PostgreSQL as one AES-GCM ciphertext, not in a node's
		// memory
		UUID runId = UUID.fromString(runPath.substring(runPath.lastIndexOf('/') + 1));
		String sealed = jdbc.sql("select passwords_cipher from bulk_account_run where id = ?")
			.param(runId)
			.query(String.class)
			.single();
		assertThat(sealed).matches("[A-Za-z0-9_-]+:[A-Za-z0-9+/]+=*");
		assertThat(done.body()).contains("保留至");

		// the one download of the one-time passwords, from another session (any node
		// answers: nothing of the run is kept in the session or the node)
		WebSession elsewhere = WebSession.signedIn(port, DemoUsers.ADMIN, DemoUsers.PASSWORD);
		Page file = elsewhere.get(runPath + "/passwords.xlsx");
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.header("Cache-Control")).contains("no-store");
		List<String[]> rows = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.bytes()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("一次性密码");
			for (int r = 1; r <= missing; r++) {
				Row row = sheet.getRow(r);
				rows.add(new String[] { row.getCell(0).getStringCellValue(), row.getCell(4).getStringCellValue() });
			}
		}
		assertThat(rows).hasSize(missing);
		assertThat(rows.stream().map(r -> r[1]).distinct().count()).isEqualTo(missing);
		// no password, in clear or in the stored bytes, was in the database; now the
		// ciphertext itself is gone
		byte[] sealedBytes = Base64.getDecoder().decode(sealed.substring(sealed.indexOf(':') + 1));
		String sealedText = new String(sealedBytes, StandardCharsets.ISO_8859_1);
		assertThat(rows).allSatisfy(r -> assertThat(sealed + sealedText).doesNotContain(r[1]).doesNotContain(r[0]));
		assertThat(jdbc.sql("""
				select passwords_cipher is null and downloaded_by = 'admin' and downloaded_at is not null
				from bulk_account_run where id = ?""").param(runId).query(Boolean.class).single()).isTrue();
		assertThat(jdbc.sql("select count(*) from bulk_account_run r where cast(r as text) like ?")
			.param("%" + rows.get(0)[1] + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc
			.sql("select count(*) from audit_event where action = 'INITIAL_PASSWORDS_DOWNLOADED' and subject_id = ?")
			.param(runId.toString())
			.query(Long.class)
			.single()).isEqualTo(1);
		Page second = admin.get(runPath + "/passwords.xlsx");
		assertThat(second.status()).isEqualTo(303);
		assertThat(admin.follow(second).body()).contains("一次性密码已下载过一次，不能再次下载");
		assertThat(jdbc.sql("select count(*) from user_account where password_hash = ?")
			.param(rows.get(0)[1])
			.query(Long.class)
			.single()).as("no password is stored in clear").isZero();
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'USERS_OPENED_IN_BULK'")
			.query(Long.class)
			.single()).isPositive();

		// first sign-in: nothing but the change of password
		String[] school = rows.get(rows.size() / 2);
		WebSession lead = new WebSession(port);
		Page signIn = lead.login(school[0], school[1]);
		assertThat(signIn.location().orElseThrow()).doesNotContain("error");
		Page home = lead.get("/");
		assertThat(home.status()).isEqualTo(302);
		assertThat(home.location().orElseThrow()).contains("/account/password?first");
		assertThat(lead.get("/hazards").location().orElseThrow()).contains("/account/password");
		assertThat(lead.api("GET", "/api/v1/schools", school[0], school[1], null, Map.of()).status()).isEqualTo(403);
		Page form = lead.get("/account/password?first");
		assertThat(form.body()).contains("您的密码由管理员设置");
		Page changed = lead.postForm("/account/password", Map.of("currentPassword", school[1], "newPassword",
				"Own-Pass-2026", "repeatedPassword", "Own-Pass-2026"));
		assertThat(changed.status()).isEqualTo(302);
		assertThat(lead.get("/").status()).isEqualTo(200);
		assertThat(lead.api("GET", "/api/v1/schools", school[0], "Own-Pass-2026", null, Map.of()).status())
			.isEqualTo(200);
		Page list = admin.get("/admin/users?q=" + school[0]);
		assertThat(list.body()).contains(school[0])
			.doesNotContain("待修改初始密码</span>")
			.doesNotContain("<td class=\"text-nowrap\">从未登录</td>");
	}

	@Test
	void unreadPasswordsAreDestroyedWhenTheirTimeIsUpByThePlatformClock() throws Exception {
		WebSession admin = WebSession.signedIn(port, DemoUsers.ADMIN, DemoUsers.PASSWORD);
		admin.get("/admin/users/bulk");
		CurrentUser who = new CurrentUser(0, DemoUsers.ADMIN, "系统管理员", 0, Set.of(Role.SYSTEM_ADMIN));

		// the download 24 h and a minute later (shifted clock) is refused and destroys
		// them
		UUID late = imported(admin, "expiry.late");
		assertThatThrownBy(
				() -> bulk.takePasswords(who, late, Clock.offset(clock, Duration.ofHours(24).plusMinutes(1))))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("超过保留期");
		assertThat(sealed(late)).isNull();
		Page refused = admin.get("/admin/users/bulk/" + late + "/passwords.xlsx");
		assertThat(refused.status()).isEqualTo(303);
		assertThat(admin.follow(refused).body()).contains("一次性密码超过保留期未下载，已从服务器销毁")
			.doesNotContain("id=\"passwords-download\"");

		// the expiry job: a minute before the time nothing goes, a minute after it does
		UUID unread = imported(admin, "expiry.unread");
		sheets.wipeExpired(Clock.offset(clock, Duration.ofHours(24).minusMinutes(1)));
		assertThat(sealed(unread)).isNotNull();
		assertThat(admin.get("/admin/users/bulk/" + unread).body()).contains("id=\"passwords-download\"");
		assertThat(sheets.wipeExpired(Clock.offset(clock, Duration.ofHours(24).plusMinutes(1)))).isPositive();
		assertThat(sealed(unread)).isNull();
		assertThat(admin.get("/admin/users/bulk/" + unread).body()).contains("id=\"passwords-expired\"")
			.doesNotContain("id=\"passwords-download\"");
		assertThatThrownBy(() -> bulk.takePasswords(who, unread)).isInstanceOf(InvalidInputException.class);
		assertThat(jdbc.sql("""
				select count(*) from audit_event where action = 'INITIAL_PASSWORDS_EXPIRED' and subject_id in (?, ?)""")
			.params(late.toString(), unread.toString())
			.query(Long.class)
			.single()).isEqualTo(2);
		// the accounts stay; their holders get a password reset by an administrator
		assertThat(jdbc.sql("select count(*) from user_account where username in ('expiry.late', 'expiry.unread')")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void afterAKeyRotationWaitingPasswordsAreResealedUnderTheNewKey() throws Exception {
		WebSession admin = WebSession.signedIn(port, DemoUsers.ADMIN, DemoUsers.PASSWORD);
		admin.get("/admin/users/bulk");
		UUID run = imported(admin, "rotation.one");
		String before = sealed(run);
		List<PasswordSheets.Issued> issued = sheets.unseal(run, before);
		assertThat(issued).extracting(PasswordSheets.Issued::username).containsExactly("rotation.one");
		// the platform after a new key was put in front of the ring; rolled back, so the
		// rest of the suite keeps the key file's ring
		PasswordSheets rotated = new PasswordSheets(keyRing.withCurrentKey(KeyRing.generate("k9")), runs, audit,
				clusterLock, transactions, clock, Duration.ofHours(24));
		transactions.executeWithoutResult(tx -> {
			assertThat(rotated.reencryptStale()).isPositive();
			String after = sealed(run);
			assertThat(after).startsWith("k9:").isNotEqualTo(before);
			assertThat(rotated.unseal(run, after)).isEqualTo(issued);
			assertThat(rotated.reencryptStale()).isZero();
			tx.setRollbackOnly();
		});
		assertThat(sealed(run)).isEqualTo(before);
	}

	@Test
	void anAccountAnAdministratorOpensOrResetsMustChooseItsOwnPasswordFirst() {
		WebSession admin = WebSession.signedIn(port, DemoUsers.ADMIN, DemoUsers.PASSWORD);
		long station = jdbc.sql("select id from organisation where name = '青龙派出所'").query(Long.class).single();
		Page form = admin.get("/admin/users/new");
		assertThat(form.body()).contains("首次登录后须先修改为自己的密码");
		Page created = admin.postForm("/admin/users/new", Map.of("username", "single.officer", "displayName", "单个开通",
				"password", "Given-Pass-2026", "organisationId", station, "roles", "STATION_OFFICER"));
		assertThat(created.status()).isEqualTo(302);
		assertThat(admin.follow(created).body()).contains("该用户首次登录须修改密码");
		assertThat(jdbc.sql("select must_change_password from user_account where username = 'single.officer'")
			.query(Boolean.class)
			.single()).isTrue();

		WebSession officer = new WebSession(port);
		assertThat(officer.login("single.officer", "Given-Pass-2026").location().orElseThrow()).doesNotContain("error");
		assertThat(officer.get("/").location().orElseThrow()).contains("/account/password?first");
		for (String page : List.of("/schools", "/key-persons", "/hazards")) {
			assertThat(officer.get(page).location()).as(page)
				.hasValueSatisfying(l -> assertThat(l).contains("/account/password"));
		}
		assertThat(officer.api("GET", "/api/v1/schools", "single.officer", "Given-Pass-2026", null, Map.of()).status())
			.isEqualTo(403);
		assertThat(officer.get("/account/password?first").body()).contains("您的密码由管理员设置");
		Page changed = officer.postForm("/account/password", Map.of("currentPassword", "Given-Pass-2026", "newPassword",
				"Own-Officer-2026", "repeatedPassword", "Own-Officer-2026"));
		assertThat(changed.status()).isEqualTo(302);
		assertThat(officer.get("/schools").status()).isEqualTo(200);

		// an administrator sets a password for them: the same again
		long id = jdbc.sql("select id from user_account where username = 'single.officer'").query(Long.class).single();
		admin.get("/admin/users/" + id);
		assertThat(admin.postForm("/admin/users/" + id + "/password", Map.of("password", "Reset-Pass-2026")).status())
			.isEqualTo(302);
		WebSession again = new WebSession(port);
		again.login("single.officer", "Reset-Pass-2026");
		assertThat(again.get("/schools").location().orElseThrow()).contains("/account/password?first");
	}

	private UUID imported(WebSession admin, String username) throws Exception {
		Page opened = admin.upload("/admin/users/import", "file", username + ".xlsx",
				sheet(new String[][] { { username, "过期测试", "青龙派出所", "天宁区", "派出所民警", "" } }));
		assertThat(opened.status()).as(opened.body()).isEqualTo(302);
		String location = opened.location().orElseThrow();
		UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		assertThat(admin.follow(opened).body()).contains("id=\"passwords-download\"").contains("保留至");
		assertThat(sealed(id)).isNotNull();
		return id;
	}

	private String sealed(UUID run) {
		return jdbc.sql("select passwords_cipher from bulk_account_run where id = ?")
			.param(run)
			.query((rs, row) -> rs.getString(1))
			.list()
			.get(0);
	}

	@Test
	void aSheetWithABadRowWritesNothingAndNamesEveryBadRow() throws Exception {
		WebSession admin = WebSession.signedIn(port, DemoUsers.ADMIN, DemoUsers.PASSWORD);
		admin.get("/admin/users/bulk");
		long before = jdbc.sql("select count(*) from user_account").query(Long.class).single();
		byte[] bad = sheet(new String[][] { { "import.ok1", "王芳", "青龙派出所", "天宁区", "派出所民警", "" },
				{ "import.bad", "李雷", "青龙派出所", "", "校长", "" }, { "import.ok1", "韩梅梅", "不存在的单位", "", "派出所民警", "" },
				{ "admin", "重名", "天宁区教育局", "", "县(区)教育局管理员", "" } });
		Page refused = admin.upload("/admin/users/import", "file", "accounts.xlsx", bad);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("accounts.xlsx")
			.contains("没有写入任何账户")
			.contains("第 3 行：未知角色“校长”")
			.contains("第 4 行：用户名 import.ok1 与第 2 行重复")
			.contains("第 4 行：找不到启用的单位“不存在的单位”")
			.contains("第 5 行：用户名 admin 已被使用");
		assertThat(jdbc.sql("select count(*) from user_account").query(Long.class).single()).isEqualTo(before);

		byte[] good = sheet(new String[][] { { "import.ok1", "王芳", "青龙派出所", "天宁区", "派出所民警", "0519-86660001" },
				{ "import.ok2", "李雷", "天宁区教育局", "", "县(区)教育局管理员", "" } });
		Page opened = admin.upload("/admin/users/import", "file", "accounts.xlsx", good);
		assertThat(opened.status()).isEqualTo(302);
		Page run = admin.follow(opened);
		assertThat(run.body()).contains("2 个账户已开通").contains("passwords-download");
		assertThat(
				jdbc.sql("select count(*) from user_account where username like 'import.ok_' and must_change_password")
					.query(Long.class)
					.single())
			.isEqualTo(2);
		assertThat(admin.get("/admin/users/import/template").status()).isEqualTo(200);
	}

	@Test
	void administratorResetsAnAccountToAOneTimePasswordFromTheList() {
		jdbc.sql("""
				insert into user_account (username, display_name, password_hash, organisation_id, roles)
				select 'reset.me', '待重置', password_hash, organisation_id, roles from user_account
				where username = 'tianning.edu'""").update();
		long id = jdbc.sql("select id from user_account where username = 'reset.me'").query(Long.class).single();
		jdbc.sql("update user_account set locked_until = now() + interval '10 minutes' where id = ?")
			.param(id)
			.update();
		WebSession admin = WebSession.signedIn(port, DemoUsers.ADMIN, DemoUsers.PASSWORD);
		Page locked = admin.get("/admin/users?state=LOCKED&q=reset.me");
		assertThat(locked.body()).contains("reset.me")
			.contains("已锁定</span>")
			.contains("解锁 / 重置")
			.contains("<td class=\"text-nowrap\">从未登录</td>");
		admin.get("/admin/users/" + id);
		Page wrong = admin.postForm("/admin/users/" + id + "/one-time-password", Map.of("confirm", "someone"));
		assertThat(wrong.body()).contains("请输入用户名 reset.me 以确认重置");
		Page reset = admin.postForm("/admin/users/" + id + "/one-time-password", Map.of("confirm", "reset.me"));
		assertThat(reset.status()).isEqualTo(200);
		String password = find(reset.body(), "<code class=\"fs-5\">([^<]+)</code>");
		assertThat(reset.header("Cache-Control")).contains("no-store");
		WebSession user = new WebSession(port);
		user.login("reset.me", password);
		assertThat(user.get("/").location().orElseThrow()).contains("/account/password?first");
		assertThat(admin.get("/admin/users?state=MUST_CHANGE&q=reset.me").body()).contains("reset.me")
			.contains("待修改初始密码");
		assertThat(admin.get("/admin/users?q=reset.me").body()).doesNotContain("<td class=\"text-nowrap\">从未登录</td>");
	}

	private static byte[] sheet(String[][] rows) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("账户");
			String[] headers = { "用户名*", "姓名*", "所属单位*", "地区", "角色*", "电话" };
			Row head = sheet.createRow(0);
			for (int i = 0; i < headers.length; i++) {
				head.createCell(i).setCellValue(headers[i]);
			}
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < rows[r].length; c++) {
					if (!rows[r][c].isEmpty()) {
						row.createCell(c).setCellValue(rows[r][c]);
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

}
