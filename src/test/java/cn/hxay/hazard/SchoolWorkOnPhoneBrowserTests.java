package cn.hxay.hazard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import cn.hxay.demo.DemoUsers;
import cn.hxay.support.Browsers;
import cn.hxay.support.PlatformTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The school lead's lists on a phone (390×844, mobile emulation): the hazard ledger, the
 * campaigns and the compliance findings are cards of labelled fields, with nothing wider
 * than the screen. Screenshots in target/screenshots.
 */
@PlatformTest
class SchoolWorkOnPhoneBrowserTests {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static ChromeDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startPhone() throws Exception {
		Files.createDirectories(SCREENSHOTS);
		driver = Browsers.start(Browsers.phone());
	}

	@AfterAll
	static void stopPhone() {
		if (driver != null) {
			driver.quit();
		}
	}

	@Test
	void theSchoolLeadsListsAreCardsOnAPhone() throws Exception {
		long school = jdbc.sql("""
				select id from school where organisation_id =
				  (select organisation_id from user_account where username = 'school.lead')""")
			.query(Long.class)
			.single();
		Browsers.signIn(driver, port, DemoUsers.SCHOOL_LEAD, DemoUsers.PASSWORD);
		new WebDriverWait(driver, Duration.ofSeconds(20))
			.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		assertThat(number("return window.innerWidth")).isEqualTo(390);

		check("/hazards", "hazards", "phone-hazards-390x844.png");
		check("/inspections", "campaigns", "phone-campaigns-390x844.png");
		check("/schools/" + school + "/compliance", "findings", "phone-findings-390x844.png");
	}

	private void check(String path, String table, String screenshot) throws Exception {
		driver.get(url(path));
		WebElement element = driver.findElement(By.id(table));
		assertThat(driver.findElement(By.cssSelector("#" + table + " thead")).isDisplayed()).as(path + " header")
			.isFalse();
		WebElement row = element.findElement(By.cssSelector("tbody tr"));
		assertThat(row.getCssValue("display")).as(path + " rows are cards").isEqualTo("block");
		assertThat(row.getRect().getWidth()).isLessThanOrEqualTo(390);
		assertThat(number("return document.documentElement.scrollWidth")).as(path + " sideways scrolling")
			.isLessThanOrEqualTo(number("return window.innerWidth"));
		Files.write(SCREENSHOTS.resolve(screenshot), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static long number(String script) {
		return ((Number) ((JavascriptExecutor) driver).executeScript(script)).longValue();
	}

}
