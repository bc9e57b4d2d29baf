package cn.hxay.incident;

import java.time.Clock;
import java.time.Duration;

import cn.hxay.demo.DemoUsers;
import cn.hxay.shared.PlatformTime;
import cn.hxay.support.Browsers;
import cn.hxay.support.PlatformTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chromium emulating a phone (390 × 844): 青龙派出所's officer opens 涉校案事件 from the phone bar,
 * files the first report (初报) in one short form — a refused submission keeps what was
 * typed — and records the on-site handling, without scrolling sideways.
 */
@PlatformTest
class IncidentBrowserTests {

	static WebDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

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
	void anOfficerFilesTheFirstReportOnAPhone() throws Exception {
		String place = "学校南门-" + System.nanoTime() % 100000;
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		Browsers.signIn(driver, port, DemoUsers.STATION_OFFICER, DemoUsers.PASSWORD);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("phone-nav")));
		driver.findElement(By.cssSelector("#phone-nav a[href='/incidents']")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("incident-new")));
		assertNoSidewaysScrolling();
		click(By.id("incident-new"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("incident-form")));
		assertNoSidewaysScrolling();

		// the time is filled in with now; a missing school is refused and the text stays
		new Select(driver.findElement(By.id("type"))).selectByValue("INTRUSION");
		driver.findElement(By.id("place")).sendKeys(place);
		driver.findElement(By.id("persons")).sendKeys("一名持刀男子");
		driver.findElement(By.id("what")).sendKeys("男子持刀欲翻越围墙进入校园，被保安和民警制服。");
		click(By.id("incident-submit"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
		assertThat(driver.findElement(By.id("form-errors")).getText()).contains("请选择发生学校");
		assertThat(driver.findElement(By.id("place")).getAttribute("value")).isEqualTo(place);
		assertThat(driver.findElement(By.id("what")).getAttribute("value")).contains("被保安和民警制服");

		new Select(driver.findElement(By.id("schoolId"))).selectByIndex(1);
		screenshot("incident-first-report-phone.png");
		click(By.id("incident-submit"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("incident-tracks")));
		assertThat(driver.getPageSource()).contains("已初报并推送上级").contains(place).contains("一名持刀男子");
		assertNoSidewaysScrolling();

		new Select(driver.findElement(By.cssSelector("#action-form select[name=track]"))).selectByValue("ON_SITE");
		driver.findElement(By.cssSelector("#action-form textarea[name=text]")).sendKeys("嫌疑人已带离，现场秩序恢复。");
		click(By.cssSelector("#action-form button[type=submit]"));
		wait.until(
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-track=ON_SITE] .incident-action")));
		assertThat(driver.findElement(By.cssSelector("[data-track=ON_SITE]")).getText()).contains("嫌疑人已带离")
			.contains(PlatformTime.DATE.format(clock.instant()));
		assertNoSidewaysScrolling();
		screenshot("incident-show-phone.png");
	}

	/** Clicks like a thumb: the element scrolled clear of the phone bar first. */
	private static void click(By by) {
		org.openqa.selenium.WebElement element = driver.findElement(by);
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		try {
			element.click();
		}
		catch (org.openqa.selenium.ElementClickInterceptedException ex) {
			// headless mobile emulation sometimes reports a button below the fold as
			// covered
			((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
		}
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
