package cn.hxay.visitor;

import java.time.Duration;
import java.util.Map;

import cn.hxay.demo.DemoUsers;
import cn.hxay.support.Browsers;
import cn.hxay.support.PlatformTest;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chromium emulating a phone (390 × 844): the gatekeeper checks a visitor in at the
 * gatehouse (a refused first try keeps what was typed), sees the masked ID number in the
 * list of visitors inside and checks the visitor out; a guard opens the URL a patrol
 * point's QR code carries and taps 打卡. No sideways scrolling; screenshots in
 * {@code target/screenshots}.
 */
@PlatformTest
class GatePhoneBrowserTests {

	static WebDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

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
	void theGatekeeperChecksAVisitorInAndAGuardScansAPointOnAPhone() throws Exception {
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		Browsers.signIn(driver, port, DemoUsers.SCHOOL_LEAD, DemoUsers.PASSWORD);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("phone-nav")));
		driver.findElement(By.cssSelector("#phone-nav a[href='/visits']")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("check-in-form")));
		assertNoSidewaysScrolling();

		String id = GateFlowTests.idNumber();
		driver.findElement(By.id("name")).sendKeys("孙浏览");
		driver.findElement(By.id("idNumber")).sendKeys(id);
		driver.findElement(By.id("purpose")).sendKeys("维修教室空调");
		driver.findElement(By.id("host")).sendKeys("总务处 钱老师");
		driver.findElement(By.id("plate")).sendKeys("苏D 8A123");
		driver.findElement(By.id("check-in")).click();
		// no escort: refused by field, what was typed is still there
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
		assertThat(driver.findElement(By.id("form-errors")).getText()).contains("请填写陪同人员");
		assertThat(driver.findElement(By.id("purpose")).getAttribute("value")).isEqualTo("维修教室空调");
		screenshot("gate-check-in-refused-field-phone.png");
		driver.findElement(By.id("idNumber")).sendKeys(id);
		driver.findElement(By.id("escort")).sendKeys("总务处 钱老师");
		screenshot("gate-check-in-phone.png");
		driver.findElement(By.id("check-in")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inside-list"), "孙浏览"));
		String page = driver.getPageSource();
		assertThat(page).contains("已登记入校")
			.contains(id.substring(0, 4) + "**********" + id.substring(14))
			.contains("苏D8A123")
			.doesNotContain(id);
		assertNoSidewaysScrolling();
		screenshot("gate-inside-phone.png");

		// a guard scans the first patrol point of the school: the QR code's URL
		Map<String, Object> point = jdbc.sql("""
				select p.token, p.name from patrol_point p join school s on s.id = p.school_id
				join user_account u on u.organisation_id = s.organisation_id
				where u.username = ? and p.active order by p.sort_order, p.id limit 1""")
			.param(DemoUsers.SCHOOL_LEAD)
			.query()
			.singleRow();
		driver.get("http://localhost:" + port + "/patrols/scan/" + point.get("token"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("check-point")));
		assertThat(driver.findElement(By.id("point-name")).getText()).isEqualTo(point.get("name"));
		assertNoSidewaysScrolling();
		screenshot("patrol-scan-phone.png");
		driver.findElement(By.id("check-point")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("scan-result")));
		assertThat(driver.findElement(By.id("scan-result")).getText()).contains("已打卡").contains("本轮");
		assertNoSidewaysScrolling();
		screenshot("patrol-scanned-phone.png");
		driver.get("http://localhost:" + port + "/patrols");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("summary")));
		assertNoSidewaysScrolling();
		screenshot("patrol-day-phone.png");
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
