package cn.hxay.tip;

import java.time.Duration;
import java.util.Map;

import cn.hxay.demo.DemoUsers;
import cn.hxay.support.Browsers;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.support.Texts.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chromium emulating a phone (390 × 844): a student opens the school's help page without
 * signing in, files an anonymous bullying tip, notes the claim code, and later, in a new
 * browser session, opens the school's reply with it — without scrolling sideways.
 */
@PlatformTest
class TipBrowserTests {

	static WebDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startBrowser() throws Exception {
		driver = Browsers.start(Browsers.phone());
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	@Test
	void aStudentFilesATipOnAPhoneAndReadsTheReplyWithTheClaimCode() throws Exception {
		long school = json(new WebSession(port)
			.api("GET", "/api/v1/schools", DemoUsers.SCHOOL_LEAD, DemoUsers.PASSWORD, null, Map.of())
			.body()).get("items").get(0).get("id").asLong();
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		driver.get("http://localhost:" + port + "/help/" + school);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tip-form")));
		assertThat(((JavascriptExecutor) driver).executeScript("return window.innerWidth;")).isEqualTo(390L);
		assertThat(driver.findElements(By.id("phone-nav"))).as("no sign-in, no navigation").isEmpty();
		assertNoSidewaysScrolling();
		screenshot("tip-form-phone.png");

		String text = "有人在厕所里打我，还拍视频发到群里-" + System.nanoTime() % 100000;
		click(driver.findElement(By.cssSelector("label[for=category-BULLYING]")));
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("reporter"))).selectByValue("STUDENT");
		driver.findElement(By.id("body")).sendKeys(text);
		click(driver.findElement(By.id("submit-tip")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("claim-code")));
		String code = driver.findElement(By.id("claim-code")).getText();
		assertThat(code).matches("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){4}");
		assertNoSidewaysScrolling();
		screenshot("tip-filed-phone.png");

		long id = jdbc.sql("select id from tip where body = ?").param(text).query(Long.class).single();
		WebSession.Page reply = new WebSession(port).api("POST", "/api/v1/tips/" + id + "/reply", DemoUsers.SCHOOL_LEAD,
				DemoUsers.PASSWORD, "{\"text\":\"同学你好，我们已经收到，班主任和心理老师会先保护你，视频已要求删除。\"}", Map.of());
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);

		// later, on a new browser session: the code opens the reply
		driver.manage().deleteAllCookies();
		driver.get("http://localhost:" + port + "/help/claim");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
		driver.findElement(By.id("code")).sendKeys(code);
		driver.findElement(By.id("open-claim")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("my-tip")));
		assertThat(driver.findElement(By.id("my-tip")).getText()).contains(text);
		assertThat(driver.findElement(By.id("messages")).getText()).contains("学校回复").contains("视频已要求删除");
		driver.findElement(By.id("text")).sendKeys("谢谢老师，今天没有再发生。");
		driver.findElement(By.id("add-text")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "今天没有再发生"));
		assertNoSidewaysScrolling();
		screenshot("tip-reply-phone.png");
	}

	private static void click(org.openqa.selenium.WebElement element) {
		((JavascriptExecutor) driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

	private static void assertNoSidewaysScrolling() {
		Long scroll = (Long) ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth;");
		Long inner = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;");
		assertThat(scroll).as("page width on a 390 px screen").isLessThanOrEqualTo(inner);
	}

	private static void screenshot(String name) {
		Browsers.screenshot(driver, name);
	}

}
