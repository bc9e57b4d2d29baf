package cn.hxay.alarm;

import cn.hxay.support.Browsers;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.hxay.support.Texts.find;
import static cn.hxay.alarm.TestDevices.PW;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dispatcher in headless Chromium: the console connects its live feed, a new alarm
 * appears flashing in the queue without a reload, and is acknowledged from its panel.
 */
@PlatformTest
class ConsoleBrowserTests {

	static WebDriver driver;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws Exception {
		driver = Browsers.start(Browsers.desktop("1400,1000"));
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	@Test
	void aNewAlarmAppearsLiveAndIsAcknowledgedFromTheConsole() throws Exception {
		TestDevices.Registered device = TestDevices.register(WebSession.signedIn(port, "tianning.edu", PW),
				TestDevices.code("134"), TestDevices.qinglongSchool(port)[0], "ONE_KEY_ALARM", "门卫室");
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		Browsers.signIn(driver, port, "qinglong.police", PW);
		// let the sign-in finish before going on, or the next navigation cancels it
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
		driver.get("http://localhost:" + port + "/console");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feed-status"), "实时"));

		Page raised = new WebSession(port).api("POST", "/api/v1/devices/" + device.code() + "/alarms", null, null,
				"{\"eventId\":\"" + UUID.randomUUID() + "\",\"code\":\"one_key\"}",
				Map.of("X-Device-Token", device.token()));
		String id = find(raised.body(), "\"alarmId\":(\\d+)");
		By row = By.cssSelector("tr.alarm-row[data-alarm-id='" + id + "']");
		wait.until(ExpectedConditions.presenceOfElementLocated(row));
		assertThat(driver.findElement(row).getAttribute("class")).contains("alarm-flash").contains("alarm-wait-0");
		assertThat(driver.findElement(row).getText()).contains("一键报警").contains("门卫室");
		screenshot("console-new-alarm.png");

		clickWhenSettled(row);
		wait.until(ExpectedConditions.elementToBeClickable(By.id("acknowledge")));
		assertThat(driver.findElement(By.id("alarm-card")).getText()).contains("立即回拨学校值班电话核实");
		// the school on a location sketch among the other schools of its station
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#alarm-map canvas")));
		clickWhenSettled(By.id("acknowledge"));
		wait.until(
				ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#alarm-card .alarm-state"), "已接警"));
		// the feed brings the new state back into the queue
		wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "已接警"));
		assertThat(driver.findElement(row).getAttribute("class")).contains("table-warning");
		assertThat(driver.findElement(By.id("alarm-card")).getText()).contains("接警 · 青龙派出所社区民警");
		screenshot("console-acknowledged.png");

		driver.get("http://localhost:" + port + "/devices/rates?level=STATION");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rates")));
		assertThat(driver.findElement(By.id("rates")).getText()).contains("青龙派出所");
		screenshot("device-rates.png");
		driver.get("http://localhost:" + port + "/devices/" + device.id());
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("device-verdict")));
		assertThat(driver.findElement(By.id("device-verdict")).getText()).contains("在线");
		screenshot("device.png");
	}

	/**
	 * Clicks an element of the alarm panel; the panel may be swapped in again by the live
	 * feed while the test reaches for it, so look it up afresh until the click lands.
	 */
	private static void clickWhenSettled(By by) {
		await().atMost(Duration.ofSeconds(5))
			.pollInSameThread()
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptionsInstanceOf(org.openqa.selenium.StaleElementReferenceException.class)
			.ignoreExceptionsInstanceOf(org.openqa.selenium.ElementClickInterceptedException.class)
			.untilAsserted(() -> {
				WebElement element = driver.findElement(by);
				((org.openqa.selenium.JavascriptExecutor) driver)
					.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
				element.click();
			});
	}

	private static void screenshot(String name) {
		Browsers.screenshot(driver, name);
	}

}
