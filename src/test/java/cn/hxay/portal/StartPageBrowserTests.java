package cn.hxay.portal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.hxay.support.Browsers;
import cn.hxay.demo.DemoUsers;
import cn.hxay.support.PlatformTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The start page in headless Chromium: the school's safety lead on a phone (390×844 with
 * mobile emulation) and the county officer at a desk (1440×900), with screenshots in
 * target/screenshots.
 */
@PlatformTest
class StartPageBrowserTests {

	WebDriver driver;

	@LocalServerPort
	int port;

	@AfterEach
	void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	@Test
	void schoolLeadOnAPhoneSeesThisSchoolsTilesAsCardsWithoutSideways() throws Exception {
		ChromeOptions options = options();
		options.setExperimentalOption("mobileEmulation",
				Map.of("deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 3.0)));
		start(options);
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		signIn(DemoUsers.SCHOOL_LEAD);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("todo")));
		assertThat(script("return window.innerWidth")).isEqualTo(390L);
		assertThat((Long) script("return document.documentElement.scrollWidth")).as("no horizontal scrolling")
			.isLessThanOrEqualTo((Long) script("return window.innerWidth"));
		List<WebElement> tiles = driver.findElements(By.cssSelector("#todo a.card.todo-tile"));
		assertThat(tiles).extracting(WebElement::getText)
			.anySatisfy(t -> assertThat(t).contains("本校自查表"))
			.anySatisfy(t -> assertThat(t).contains("本校待整改隐患"))
			.anySatisfy(t -> assertThat(t).contains("本校不合格项"))
			.anySatisfy(t -> assertThat(t).contains("本校安全防范情况"));
		// two cards a row: the first two side by side, each inside the viewport
		assertThat(tiles.get(0).getRect().getY()).isEqualTo(tiles.get(1).getRect().getY());
		assertThat(tiles)
			.allSatisfy(t -> assertThat(t.getRect().getX() + t.getRect().getWidth()).isLessThanOrEqualTo(390));
		assertThat(driver.getPageSource()).doesNotContain("管辖学校").doesNotContain("按县(区)");
		WebElement home = driver.findElement(By.cssSelector("#phone-nav a[aria-current=page]"));
		assertThat(home.getText()).isEqualTo("首页");
		assertThat(driver.findElements(By.cssSelector("#phone-nav a"))).extracting(WebElement::getText)
			.as("修改密码 reachable on a phone")
			.contains("修改密码");
		screenshot("start-school-lead-390x844.png");

		click(driver.findElement(By.id("tile-form")));
		wait.until(ExpectedConditions.urlMatches(".*/inspections/\\d+$"));
		assertThat(driver.findElement(By.cssSelector("#phone-nav a[aria-current=page]")).getText()).isEqualTo("检查任务");
		screenshot("start-school-lead-form-390x844.png");
	}

	@Test
	void countyOfficerAtADeskOpensTheListBehindATile() throws Exception {
		ChromeOptions options = options();
		options.addArguments("--window-size=1440,900");
		start(options);
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		signIn(DemoUsers.COUNTY_EDUCATION);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("todo")));
		assertThat((Long) script("return document.documentElement.scrollWidth"))
			.isLessThanOrEqualTo((Long) script("return window.innerWidth"));
		WebElement active = driver.findElement(By.cssSelector("aside a.nav-link[aria-current=page]"));
		assertThat(active.getText()).isEqualTo("首页");
		assertThat(active.getAttribute("class")).contains("active");
		assertThat(driver.findElements(By.cssSelector("aside a.nav-link.active"))).hasSize(1);
		WebElement accept = driver.findElement(By.id("tile-accept"));
		assertThat(accept.getText()).contains("待验收检查表");
		String count = accept.getAttribute("data-count");
		screenshot("start-county-1440x900.png");

		click(accept);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inspections")));
		assertThat(driver.getCurrentUrl()).contains("state=SUBMITTED");
		assertThat(driver.findElement(By.cssSelector(".pager-info")).getText()).contains("共 " + count + " 条");
		assertThat(driver.findElement(By.cssSelector("aside a.nav-link[aria-current=page]")).getText())
			.isEqualTo("检查任务");
		screenshot("start-county-accept-list-1440x900.png");
	}

	private static ChromeOptions options() throws Exception {
		boolean installed = new File("/usr/bin/chromium").canExecute()
				&& new File("/usr/bin/chromedriver").canExecute();
		if (System.getenv("CI") != null) {
			assertThat(installed).as("CI must install chromium and chromium-driver (.ci/run does)").isTrue();
		}
		assumeTrue(installed, "Debian chromium and chromium-driver are not installed");
		Files.createDirectories(BrowserTests.SCREENSHOTS);
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium"),
				"--lang=zh-CN");
		return options;
	}

	private void start(ChromeOptions options) {
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.build();
		driver = new ChromeDriver(service, options);
	}

	private void signIn(String username) {
		Browsers.signIn(driver, port, username, DemoUsers.PASSWORD);
	}

	private Object script(String js) {
		return ((JavascriptExecutor) driver).executeScript(js);
	}

	private void click(WebElement element) {
		((JavascriptExecutor) driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		element.click();
	}

	private void screenshot(String name) {
		Browsers.screenshot(driver, name);
	}

}
