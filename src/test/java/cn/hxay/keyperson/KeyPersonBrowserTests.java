package cn.hxay.keyperson;

import cn.hxay.support.Browsers;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.hxay.demo.DemoUsers;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chromium on a phone-sized screen (390 × 844): a community officer of 青龙派出所 records a
 * visit from the visit form without scrolling sideways, on the record and on the form.
 */
@PlatformTest
class KeyPersonBrowserTests {

	static WebDriver driver;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws Exception {
		driver = Browsers.start(Browsers.phone());
		driver.manage().window().setSize(new Dimension(390, 844));
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	@Test
	void anOfficerRecordsAVisitOnAPhoneWithoutScrollingSideways() throws Exception {
		WebSession api = new WebSession(port);
		String list = api
			.api("GET", "/api/v1/key-persons?status=UNDER_CONTROL&size=1", DemoUsers.STATION_OFFICER,
					DemoUsers.PASSWORD, null, Map.of())
			.body();
		Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(list);
		assertThat(id.find()).as(list).isTrue();

		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		Browsers.signIn(driver, port, DemoUsers.STATION_OFFICER, DemoUsers.PASSWORD);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("phone-nav")));
		assertThat(driver.findElement(By.id("phone-nav")).getText()).contains("重点人员");

		driver.get("http://localhost:" + port + "/key-persons/" + id.group(1));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("key-person-name")));
		assertNoSidewaysScrolling();
		screenshot("key-person-phone.png");

		driver.get("http://localhost:" + port + "/key-persons/" + id.group(1) + "/visits/new");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("visit-form")));
		assertNoSidewaysScrolling();
		assertThat(driver.findElement(By.id("visit-card")).getRect().getWidth()).isLessThanOrEqualTo(390);
		driver.findElement(By.id("findings")).sendKeys("本人在家，情绪稳定，监护人在场（手机登记）");
		screenshot("key-person-visit-phone.png");
		((JavascriptExecutor) driver).executeScript("document.getElementById('visit-form').requestSubmit()");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("key-person-name")));
		assertThat(driver.getPageSource()).contains("走访已登记").contains("本人在家，情绪稳定，监护人在场（手机登记）");
		assertNoSidewaysScrolling();
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
