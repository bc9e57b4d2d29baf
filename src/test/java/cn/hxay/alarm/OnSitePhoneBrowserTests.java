package cn.hxay.alarm;

import java.time.Duration;

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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.hxay.alarm.TestDevices.PW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The station officer on a phone (390×844): an alarm dispatched from the console appears
 * on the 出警到场 page and one tap on its big 到场 button records the arrival.
 */
@PlatformTest
class OnSitePhoneBrowserTests {

	static WebDriver driver;

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
	void theOfficerTapsArrivedOnThePhone() throws Exception {
		long id = ConsoleOnSiteTests.raise(port);
		ConsoleOnSiteTests.dispatch(WebSession.signedIn(port, DemoUsers.COUNTY_POLICE, PW), id);

		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		signIn(wait);
		driver.get("http://localhost:" + port + "/console/on-site");
		By card = By.cssSelector(".on-site-alarm[data-alarm-id='" + id + "']");
		wait.until(ExpectedConditions.presenceOfElementLocated(card));
		WebElement button = driver.findElement(card).findElement(By.cssSelector("button.arrive-button"));
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
		assertThat(button.getText()).isEqualTo("到场");
		assertThat(button.getSize().getHeight()).as("a thumb-sized button").isGreaterThanOrEqualTo(48);
		assertThat(button.getSize().getWidth()).isGreaterThan(250);
		Number scrollWidth = (Number) ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth");
		assertThat(scrollWidth.intValue()).as("no horizontal scrolling").isLessThanOrEqualTo(390);
		screenshot("on-site-phone-before.png");

		// alarms raised by other tests may be announced over the page: close them as the
		// officer would
		for (int i = 0; i < 100; i++) {
			WebElement close = driver.findElements(By.cssSelector(".alarm-announcement .btn-close"))
				.stream()
				.filter(WebElement::isDisplayed)
				.findFirst()
				.orElse(null);
			if (close == null) {
				break;
			}
			close.click();
		}
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
		button.click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("on-site-arrived")));
		assertThat(driver.findElement(By.id("on-site-arrived")).getText()).startsWith("已登记到场");
		assertThat(driver.findElements(card)).isEmpty();
		screenshot("on-site-phone-arrived.png");

		String detail = WebSession.signedIn(port, DemoUsers.STATION_OFFICER, PW).get("/console/alarms/" + id).body();
		assertThat(detail).contains("已到场").contains("到场 · ");
	}

	@Test
	void theStatisticsChartsAreDrawnFromTheTables() throws Exception {
		ConsoleOnSiteTests.raise(port);
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		signIn(wait);
		driver.get("http://localhost:" + port + "/alarms/statistics");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-by-type canvas")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-by-outcome canvas")));
		Number bars = (Number) ((JavascriptExecutor) driver).executeScript(
				"return echarts.getInstanceByDom(document.getElementById('chart-by-type')).getOption().series[0].data.length");
		assertThat(bars.intValue()).as("one bar per row of the table")
			.isEqualTo(driver.findElements(By.cssSelector("#by-type tr[data-value]")).size())
			.isPositive();
		screenshot("alarm-statistics-phone.png");
	}

	/** A fresh sign-in as the station officer, whatever the test before left. */
	private void signIn(WebDriverWait wait) {
		Browsers.signIn(driver, port, DemoUsers.STATION_OFFICER, PW);
	}

	private static void screenshot(String name) {
		Browsers.screenshot(driver, name);
	}

}
