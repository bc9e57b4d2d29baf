package cn.hxay.alarm.console;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import cn.hxay.alarm.TestDevices;
import cn.hxay.support.Browsers;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.hxay.alarm.TestDevices.PW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A dispatcher at a 1440×900 desk with a long queue: whichever alarm is picked, 接警 and
 * then the next action (派警) are on screen without scrolling the page.
 */
@PlatformTest
class ConsoleDeskBrowserTests {

	static WebDriver driver;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		driver = Browsers.start(Browsers.desktop("1440,900"));
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	@Test
	void acknowledgeAndTheNextActionAreInViewWithManyAlarmsQueued() throws Exception {
		TestDevices.Registered device = TestDevices.register(WebSession.signedIn(port, "tianning.edu", PW),
				TestDevices.code("134"), TestDevices.qinglongSchool(port)[0], "ONE_KEY_ALARM", "门卫室");
		for (int i = 0; i < 30; i++) {
			assertThat(new WebSession(port)
				.api("POST", "/api/v1/devices/" + device.code() + "/alarms", null, null,
						"{\"eventId\":\"" + UUID.randomUUID() + "\",\"code\":\"one_key\"}",
						Map.of("X-Device-Token", device.token()))
				.status()).isEqualTo(201);
		}
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		signIn(wait);
		driver.get("http://localhost:" + port + "/console");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feed-status"), "实时"));
		JavascriptExecutor js = (JavascriptExecutor) driver;
		await().atMost(Duration.ofSeconds(10))
			.until(() -> driver.findElements(By.cssSelector("tr.alarm-row")).size() >= 30);

		// the last alarm of the queue: the queue scrolls in its own box, the page does
		// not
		js.executeScript("var b = document.getElementById('queue-box'); b.scrollTop = b.scrollHeight;");
		WebElement last = driver.findElements(By.cssSelector("tr.alarm-row"))
			.get(driver.findElements(By.cssSelector("tr.alarm-row")).size() - 1);
		js.executeScript("arguments[0].click()", last);
		wait.until(ExpectedConditions.elementToBeClickable(By.id("acknowledge")));
		assertThat(inViewport(By.id("acknowledge"))).as("接警 in the 1440×900 viewport").isTrue();
		assertThat(((Number) js.executeScript("return window.scrollY")).intValue()).isZero();
		screenshot("console-desk-long-queue.png");

		js.executeScript("arguments[0].click()", driver.findElement(By.id("acknowledge")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dispatch")));
		assertThat(inViewport(By.id("dispatch"))).as("派警 in the 1440×900 viewport").isTrue();
		assertThat(((Number) js.executeScript("return window.scrollY")).intValue()).isZero();
		// the last row may be another test's alarm: whatever its code, it is named in
		// Chinese
		assertThat(driver.findElement(By.id("alarm-code")).getText()).matches(".*[\\u4e00-\\u9fa5].*")
			.doesNotContain("one_key");
	}

	@Test
	void aNewAlarmIsAnnouncedOnAnyPageAPoliceUserHasOpenAndTheSoundSettingHolds() throws Exception {
		TestDevices.Registered device = TestDevices.register(WebSession.signedIn(port, "tianning.edu", PW),
				TestDevices.code("134"), TestDevices.qinglongSchool(port)[0], "ONE_KEY_ALARM", "宿舍值班室");
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		signIn(wait);
		driver.get("http://localhost:" + port + "/console");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feed-status"), "实时"));
		WebElement toggle = driver.findElement(By.id("sound-toggle"));
		if (toggle.getText().equals("开启报警声音")) {
			toggle.click();
		}
		assertThat(toggle.getText()).isEqualTo("关闭报警声音");

		// another page: the setting holds, and a new alarm is announced there
		driver.get("http://localhost:" + port + "/schools");
		assertThat(((JavascriptExecutor) driver).executeScript("return localStorage.getItem('hxay.alarmSound')"))
			.isEqualTo("on");
		wait.until(d -> "live"
			.equals(((JavascriptExecutor) d).executeScript("return document.documentElement.dataset.alarmWatch")));
		assertThat(WebSession.signedIn(port, "tianning.edu", PW).get("/schools").body())
			.doesNotContain("alarm-watch.js");
		String raised = new WebSession(port)
			.api("POST", "/api/v1/devices/" + device.code() + "/alarms", null, null,
					"{\"eventId\":\"" + UUID.randomUUID() + "\",\"code\":\"one_key\"}",
					Map.of("X-Device-Token", device.token()))
			.body();
		String id = cn.hxay.support.Texts.find(raised, "\"alarmId\":(\\d+)");
		By note = By.cssSelector(".alarm-announcement[data-alarm-id='" + id + "']");
		wait.until(ExpectedConditions.presenceOfElementLocated(note));
		assertThat(driver.findElement(note).getDomProperty("textContent")).contains("新报警：一键报警").contains("宿舍值班室");
		screenshot("alarm-announced-elsewhere.png");

		driver.get("http://localhost:" + port + "/console");
		assertThat(driver.findElement(By.id("sound-toggle")).getText()).isEqualTo("关闭报警声音");
	}

	private void signIn(WebDriverWait wait) {
		Browsers.signIn(driver, port, "qinglong.police", PW);
	}

	private static boolean inViewport(By by) {
		return (Boolean) ((JavascriptExecutor) driver).executeScript("""
				var r = arguments[0].getBoundingClientRect();
				return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth
				  && r.height > 0;""", driver.findElement(by));
	}

	private static void screenshot(String name) {
		Browsers.screenshot(driver, name);
	}

}
