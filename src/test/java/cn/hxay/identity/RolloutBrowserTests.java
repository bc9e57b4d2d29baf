package cn.hxay.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import cn.hxay.demo.DemoUsers;
import cn.hxay.support.Browsers;
import cn.hxay.support.PlatformTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rollout in a browser: the administrator at a desk (1440×900) opens a county's school
 * accounts in one step and watches the progress, picks a unit by typing part of its name,
 * searches the unit tree and reads the audit log in Chinese; a school lead with a
 * one-time password is led to change it on a phone (390×844, mobile emulation).
 * Screenshots in target/screenshots.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RolloutBrowserTests {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	ChromeDriver desk;

	ChromeDriver phone;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@BeforeAll
	void startBrowsers() throws Exception {
		Files.createDirectories(SCREENSHOTS);
		desk = Browsers.start(Browsers.desktop("1440,900"));
		phone = Browsers.start(Browsers.phone());
	}

	@AfterAll
	void stopBrowsers() {
		if (desk != null) {
			desk.quit();
		}
		if (phone != null) {
			phone.quit();
		}
	}

	@Test
	void administratorRollsOutACountyAndFindsUnitsByName() throws Exception {
		WebDriverWait wait = new WebDriverWait(desk, Duration.ofMinutes(5));
		signIn(desk, DemoUsers.ADMIN, DemoUsers.PASSWORD);
		desk.get(url("/admin/users/bulk?source=0&region=320412"));
		int missing = Integer.parseInt(desk.findElement(By.id("bulk-missing")).getText());
		screenshot(desk, "rollout-bulk-1440x900.png");
		desk.findElement(By.id("bulk-confirm")).click();
		desk.findElement(By.id("bulk-start")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bulk-progress")));
		screenshot(desk, "rollout-bulk-progress-1440x900.png");
		wait.until(ExpectedConditions.textToBe(By.id("bulk-state"), "已完成"));
		assertThat(desk.findElement(By.id("bulk-done")).getText()).isEqualTo(Integer.toString(missing));
		if (missing > 0) {
			assertThat(desk.findElement(By.id("passwords-download")).isDisplayed()).isTrue();
		}
		screenshot(desk, "rollout-bulk-done-1440x900.png");

		// the unit picker: type part of the name, choose the unit found
		desk.get(url("/admin/users/new"));
		assertThat(desk.findElements(By.cssSelector("select#organisationId"))).isEmpty();
		desk.findElement(By.id("username")).sendKeys("picker.officer");
		desk.findElement(By.id("displayName")).sendKeys("选单位民警");
		desk.findElement(By.id("password")).sendKeys("Picker-Pass-2026");
		desk.findElement(By.id("organisationId-search")).sendKeys("青龙派");
		WebElement found = wait.until(ExpectedConditions.elementToBeClickable(
				By.xpath("//label[contains(@class,'list-group-item')][.//span[text()='青龙派出所']]/input")));
		screenshot(desk, "rollout-unit-picker-1440x900.png");
		found.click();
		desk.findElement(By.id("role-STATION_OFFICER")).click();
		desk.findElement(By.cssSelector("form[action$='/admin/users/new'] button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "已创建用户 picker.officer"));
		assertThat(jdbc.sql("""
				select o.name from user_account u join organisation o on o.id = u.organisation_id
				where u.username = 'picker.officer'""").query(String.class).single()).isEqualTo("青龙派出所");

		desk.get(url("/admin/organisations?q=青龙"));
		WebElement row = desk.findElement(By.xpath("//tr[.//strong[text()='青龙派出所']]"));
		row.findElement(By.tagName("summary")).click();
		screenshot(desk, "rollout-unit-tree-1440x900.png");
		assertNoSidewaysScrolling(desk);

		desk.get(url("/admin/users?q=picker"));
		assertThat(desk.findElement(By.id("user-table")).getText()).contains("picker.officer").contains("从未登录");
		desk.get(url("/admin/audit"));
		assertThat(desk.findElement(By.id("audit-table")).getText()).contains("新建用户");
		// a bulk run writes a row per account: the sign-in is found by the action filter
		desk.get(url("/admin/audit?actor=admin&action=LOGIN_SUCCEEDED"));
		assertThat(desk.findElement(By.id("audit-table")).getText()).contains("登录成功").doesNotContain("新建用户");
		screenshot(desk, "rollout-audit-1440x900.png");
		assertNoSidewaysScrolling(desk);
	}

	@Test
	void aSchoolLeadWithAOneTimePasswordChangesItOnAPhone() throws Exception {
		jdbc.sql("""
				insert into user_account (username, display_name, password_hash, organisation_id, roles,
				must_change_password)
				select 'phone.first', '首次登录', ?, organisation_id, roles, true from user_account
				where username = 'school.lead'""").param(passwordEncoder.encode("Once-Only-2026")).update();
		WebDriverWait wait = new WebDriverWait(phone, Duration.ofSeconds(20));
		signIn(phone, "phone.first", "Once-Only-2026");
		wait.until(ExpectedConditions.urlContains("/account/password"));
		assertThat(phone.findElement(By.id("first-password")).getText()).contains("请先设置自己的新密码");
		assertThat(number(phone, "return window.innerWidth")).isEqualTo(390);
		assertNoSidewaysScrolling(phone);
		screenshot(phone, "rollout-first-password-390x844.png");
		phone.findElement(By.id("currentPassword")).sendKeys("Once-Only-2026");
		phone.findElement(By.id("newPassword")).sendKeys("Mine-Own-2026");
		phone.findElement(By.id("repeatedPassword")).sendKeys("Mine-Own-2026");
		phone.findElement(By.cssSelector("main button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "密码已修改"));
		phone.get(url("/"));
		assertThat(phone.getCurrentUrl()).doesNotContain("/account/password");
		assertThat(phone.findElement(By.id("phone-nav")).getText()).contains("修改密码");
		screenshot(phone, "rollout-first-password-done-390x844.png");
	}

	private void signIn(WebDriver driver, String username, String password) {
		Browsers.signIn(driver, port, username, password);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static void assertNoSidewaysScrolling(ChromeDriver driver) {
		assertThat(number(driver, "return document.documentElement.scrollWidth"))
			.as("page wider than the screen (sideways scrolling)")
			.isLessThanOrEqualTo(number(driver, "return window.innerWidth"));
	}

	private static long number(ChromeDriver driver, String script) {
		return ((Number) ((JavascriptExecutor) driver).executeScript(script)).longValue();
	}

	private static void screenshot(ChromeDriver driver, String name) {
		Browsers.screenshot(driver, name);
	}

}
