package cn.hxay.dutypost;

import java.time.Duration;
import java.util.List;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.hxay.support.Texts.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chromium emulating a phone (390 × 844, pixel ratio 3): 青龙派出所's officer opens 护学岗签到 from
 * the phone bar, picks a post, the page takes the phone's position (geolocation emulated
 * at the gate), records the police car and checks in; the post then shows them on duty
 * with time and position, and they check out — without scrolling sideways.
 */
@PlatformTest
class DutyPostBrowserTests {

	static ChromeDriver driver;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		driver = Browsers.start(Browsers.phone());
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	@Test
	void anOfficerChecksInAtTheGateOnAPhone() throws Exception {
		WebSession api = new WebSession(port);
		JsonNode schools = json(api
			.api("GET", "/api/v1/schools?size=100", DemoUsers.STATION_OFFICER, DemoUsers.PASSWORD, null, Map.of())
			.body()).get("items");
		long school = schools.get(schools.size() - 2).get("id").asLong();
		String gate = "南门" + System.nanoTime() % 10000;
		WebSession.Page created = api.api("POST", "/api/v1/duty-posts", DemoUsers.STATION_OFFICER, DemoUsers.PASSWORD,
				"{\"schoolId\":%d,\"gate\":\"%s\",\"latitude\":31.7801,\"longitude\":119.9702}".formatted(school, gate),
				Map.of());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long post = json(created.body()).get("id").asLong();

		driver.executeCdpCommand("Browser.grantPermissions",
				Map.of("origin", "http://localhost:" + port, "permissions", List.of("geolocation")));
		driver.executeCdpCommand("Emulation.setGeolocationOverride",
				Map.of("latitude", 31.78012, "longitude", 119.97031, "accuracy", 8));
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		Browsers.signIn(driver, port, DemoUsers.STATION_OFFICER, DemoUsers.PASSWORD);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("phone-nav")));
		assertThat(((JavascriptExecutor) driver).executeScript("return window.innerWidth;")).isEqualTo(390L);
		driver.findElement(By.cssSelector("#phone-nav a[href='/duty-posts/check-in']")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("check-in-posts")));
		assertNoSidewaysScrolling();
		screenshot("dutypost-posts-phone.png");
		driver.findElement(By.cssSelector("a.post-card[data-post-id='" + post + "']")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("check-in-form")));
		wait.until(d -> {
			String s = d.findElement(By.id("geo-status")).getText();
			return s.contains("已定位") || s.contains("未获取到");
		});
		boolean located = driver.findElement(By.id("geo-status")).getText().contains("已定位");
		if (!located) {
			driver.findElement(By.id("place")).sendKeys("南门东侧人行道");
		}
		if (!driver.findElement(By.id("carPresent")).isSelected()) {
			driver.findElement(By.id("carPresent")).click();
		}
		assertNoSidewaysScrolling();
		assertThat(driver.findElement(By.id("check-in")).getRect().getWidth()).as("a thumb-sized button")
			.isGreaterThan(300);
		screenshot("dutypost-check-in-phone.png");
		driver.findElement(By.id("check-in")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("open-check-ins")));
		assertThat(driver.getPageSource()).contains("已于").contains("签到").contains(gate);
		assertNoSidewaysScrolling();
		screenshot("dutypost-on-duty-phone.png");

		JsonNode checkIns = json(api
			.api("GET", "/api/v1/duty-posts/" + post + "/check-ins", DemoUsers.STATION_OFFICER, DemoUsers.PASSWORD,
					null, Map.of())
			.body());
		assertThat(checkIns.size()).isEqualTo(1);
		JsonNode c = checkIns.get(0);
		assertThat(c.get("carPresent").asBoolean()).isTrue();
		assertThat(c.get("officerName").asString()).isEqualTo("青龙派出所社区民警");
		if (located) {
			assertThat(c.get("latitude").asDouble()).isEqualTo(31.78012);
			assertThat(c.get("accuracy").asInt()).isEqualTo(8);
		}
		else {
			assertThat(c.get("place").asString()).isEqualTo("南门东侧人行道");
		}

		driver.findElement(By.cssSelector("button.check-out[data-check-in-id='" + c.get("id").asLong() + "']")).click();
		// the check-in's own notice is replaced as the page reloads: a node read
		// mid-reload
		// is asked again
		wait.ignoring(org.openqa.selenium.WebDriverException.class)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已签退"));
		JsonNode after = json(api
			.api("GET", "/api/v1/duty-posts/" + post + "/check-ins", DemoUsers.STATION_OFFICER, DemoUsers.PASSWORD,
					null, Map.of())
			.body());
		assertThat(after.get(0).get("checkedOutAt").isNull()).isFalse();
	}

	private static void assertNoSidewaysScrolling() {
		Long scroll = (Long) driver.executeScript("return document.documentElement.scrollWidth;");
		Long inner = (Long) driver.executeScript("return window.innerWidth;");
		assertThat(scroll).as("page width on a 390 px screen").isLessThanOrEqualTo(inner);
	}

	private static void screenshot(String name) {
		Browsers.screenshot(driver, name);
	}

}
