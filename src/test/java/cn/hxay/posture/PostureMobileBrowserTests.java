package cn.hxay.posture;

import cn.hxay.support.Browsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import cn.hxay.demo.DemoUsers;
import cn.hxay.support.PlatformTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The school's safety lead edits the posture on a phone (390×844, mobile emulation at
 * pixel ratio 3): the guard table is a list of cards, nothing scrolls sideways, and
 * saving records a new version.
 */
@PlatformTest
class PostureMobileBrowserTests {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static ChromeDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startPhoneBrowser() throws Exception {
		Files.createDirectories(SCREENSHOTS);
		driver = Browsers.start(Browsers.phone());
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	@Test
	void schoolLeadEditsThePostureOnAPhoneWithoutSidewaysScrolling() throws Exception {
		long school = jdbc.sql("""
				select id from school where organisation_id =
				  (select organisation_id from user_account where username = 'school.lead')""")
			.query(Long.class)
			.single();
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		Browsers.signIn(driver, port, DemoUsers.SCHOOL_LEAD, DemoUsers.PASSWORD);
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		driver.get("http://localhost:" + port + "/schools/" + school + "/posture");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("guards")));

		assertThat(number("return window.innerWidth")).isEqualTo(390);
		assertNoSidewaysScrolling();
		// cards: no table header, each row as wide as the screen allows, fields labelled
		assertThat(driver.findElement(By.cssSelector("#guards thead")).isDisplayed()).isFalse();
		WebElement firstRow = driver.findElement(By.cssSelector("#guards tbody tr"));
		assertThat(firstRow.getCssValue("display")).isEqualTo("block");
		assertThat(firstRow.getRect().getWidth()).isLessThanOrEqualTo(390);
		assertThat(number(
				"return getComputedStyle(document.querySelector('#guards td[data-label]'), '::before').content.length"))
			.isGreaterThan(2);
		screenshot("posture-phone.png");

		long versions = versions(school);
		// the demo school has not reported its guards yet: the lead says the list follows
		WebElement mode = driver.findElement(By.id("guardList"));
		scrollTo(mode);
		new Select(mode).selectByValue("list");
		WebElement newGuard = driver.findElement(By.cssSelector("#guards input[placeholder='新增保安员']"));
		scrollTo(newGuard);
		newGuard.sendKeys("手机填报保安");
		screenshot("posture-phone-guards.png");
		WebElement retention = driver.findElement(By.id("fact-videoRetentionDays"));
		scrollTo(retention);
		retention.clear();
		retention.sendKeys("33");
		WebElement save = driver.findElement(By.id("save-posture"));
		scrollTo(save);
		assertNoSidewaysScrolling();
		save.click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "已保存新的安全防范情况"));
		assertThat(versions(school)).isEqualTo(versions + 1);
		assertThat(jdbc.sql("select facts::text from posture_version where school_id = ? order by id desc limit 1")
			.param(school)
			.query(String.class)
			.single()).contains("手机填报保安").contains("\"videoRetentionDays\":33");
		assertNoSidewaysScrolling();
		screenshot("posture-phone-saved.png");
	}

	private void assertNoSidewaysScrolling() {
		assertThat(number("return document.documentElement.scrollWidth"))
			.as("page wider than the screen (sideways scrolling)")
			.isLessThanOrEqualTo(number("return window.innerWidth"));
	}

	private static long number(String script) {
		return ((Number) ((JavascriptExecutor) driver).executeScript(script)).longValue();
	}

	private static void scrollTo(WebElement element) {
		((JavascriptExecutor) driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
	}

	private long versions(long school) {
		return jdbc.sql("select count(*) from posture_version where school_id = ?")
			.param(school)
			.query(Long.class)
			.single();
	}

	private static void screenshot(String name) {
		Browsers.screenshot(driver, name);
	}

}
