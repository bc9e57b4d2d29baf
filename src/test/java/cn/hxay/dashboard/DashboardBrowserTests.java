package cn.hxay.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import cn.hxay.demo.DemoUsers;
import cn.hxay.support.Browsers;
import cn.hxay.support.PlatformTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city officer's dashboard in headless Chromium at 1440×900: the risk map is drawn
 * from the shipped outline with every school of the city as a point, and a click on a
 * school opens its risk score.
 */
@PlatformTest
class DashboardBrowserTests {

	ChromeDriver driver;

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@AfterEach
	void stop() {
		if (driver != null) {
			driver.quit();
		}
	}

	@Test
	void theRiskMapDrawsTheCityOutlineAndItsSchools() throws Exception {
		driver = Browsers.start(Browsers.desktop("1440,900"));
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
		Browsers.signIn(driver, port, DemoUsers.CITY_EDUCATION, DemoUsers.PASSWORD);
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		driver.get("http://localhost:" + port + "/dashboard");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#risk-map canvas")));
		JavascriptExecutor js = driver;
		wait.until(d -> Boolean.TRUE.equals(js.executeScript("""
				var c = echarts.getInstanceByDom(document.getElementById('risk-map'));
				return !!(c && c.getOption().geo && c.getOption().geo[0].map === 'hxay-area');""")));
		Number points = (Number) js.executeScript(
				"""
						return echarts.getInstanceByDom(document.getElementById('risk-map')).getOption().series[0].data.length;""");
		assertThat(points.longValue()).as("every school with coordinates (the demo's 600 and any a test added)")
			.isEqualTo(jdbc.sql("select count(*) from school where longitude is not null").query(Long.class).single());
		Path shots = Path.of("target", "screenshots");
		Files.createDirectories(shots);
		js.executeScript("document.getElementById('risk-map').scrollIntoView()");
		Files.write(shots.resolve("dashboard-1440x900.png"), driver.getScreenshotAs(OutputType.BYTES));
		// the top school of the list opens its risk terms
		driver.get(driver.findElement(By.cssSelector("#top-risks a")).getAttribute("href"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("risk-terms")));
		assertThat(driver.findElement(By.id("risk-score")).getText()).contains("分");
		Files.write(shots.resolve("dashboard-risk-1440x900.png"),
				((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
	}

}
