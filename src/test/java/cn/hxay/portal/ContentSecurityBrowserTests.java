package cn.hxay.portal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.regex.Matcher;

import cn.hxay.support.Browsers;
import cn.hxay.demo.DemoUsers;
import cn.hxay.inspection.InspectionFlowTests;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.hxay.support.Texts.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Stored XSS, in headless Chromium: a school name, a device's place and a campaign title
 * carrying script are shown as the literal text they are on the 110 console (queue, panel
 * and the location sketch's tooltip), the start page, the school pages, the charts' pages
 * and the campaign dashboard; nothing runs, and no page of the platform trips its own
 * Content-Security-Policy.
 */
@PlatformTest
class ContentSecurityBrowserTests {

	/** Both classic breakouts: an element with a handler, and closing a script block. */
	static final String SCHOOL_PAYLOAD = "<img src=x onerror=\"window.__xss=1\"></script><script>window.__xss=2</script>";

	static final String PLACE_PAYLOAD = "<svg/onload=window.__xss=3>门卫室";

	static final String TITLE_PAYLOAD = "<img src=x onerror=window.__xss=4>检查";

	static WebDriver driver;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws Exception {
		boolean installed = new File("/usr/bin/chromium").canExecute()
				&& new File("/usr/bin/chromedriver").canExecute();
		if (System.getenv("CI") != null) {
			assertThat(installed).as("CI must install chromium and chromium-driver (.ci/run does)").isTrue();
		}
		assumeTrue(installed, "Debian chromium and chromium-driver are not installed");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium"),
				"--window-size=1400,1000", "--lang=zh-CN");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		driver = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build(),
				options);
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	@Test
	void scriptInSchoolNamesDevicePlacesAndTitlesIsShownAsTextAndNeverRuns() throws Exception {
		Page lead = new WebSession(port).api("GET", "/api/v1/schools", DemoUsers.SCHOOL_LEAD, DemoUsers.PASSWORD, null,
				Map.of());
		long schoolId = Long.parseLong(find(lead.body(), "\"id\":(\\d+)"));
		String schoolCode = find(lead.body(), "\"code\":\"(\\d+)\"");
		String originalName = rename(schoolId, SCHOOL_PAYLOAD);
		try {
			WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD);
			String[] device = registerDevice(county, schoolCode);
			long campaign = InspectionFlowTests.launch(county, TITLE_PAYLOAD + System.nanoTime(), "320402",
					LocalDate.now(), LocalDate.now().plusDays(20));
			Page raised = new WebSession(port).api("POST", "/api/v1/devices/" + device[0] + "/alarms", null, null,
					"{\"eventId\":\"" + UUID.randomUUID() + "\",\"code\":\"one_key\"}",
					Map.of("X-Device-Token", device[1]));
			String alarmId = find(raised.body(), "\"alarmId\":(\\d+)");

			// the police station's console: the queue, the alarm's panel and its location
			// sketch
			signIn(DemoUsers.STATION_OFFICER);
			open("/console");
			WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
			By row = By.cssSelector("tr.alarm-row[data-alarm-id='" + alarmId + "']");
			wait.until(ExpectedConditions.presenceOfElementLocated(row));
			assertThat(driver.findElement(row).getText()).contains(SCHOOL_PAYLOAD).contains(PLACE_PAYLOAD);
			clickWhenSettled(row);
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#alarm-map canvas")));
			assertThat(driver.findElement(By.id("alarm-card")).getText()).contains(SCHOOL_PAYLOAD)
				.contains(PLACE_PAYLOAD);
			// hover the alarm's school on the sketch: its tooltip is HTML built by script
			script("echarts.getInstanceByDom(document.getElementById('alarm-map'))"
					+ ".dispatchAction({type: 'showTip', seriesIndex: 1, dataIndex: 0})");
			wait.until(d -> script("return document.querySelector('#alarm-map > div:last-child')?.textContent || ''")
				.toString()
				.contains(SCHOOL_PAYLOAD));
			assertThat(script("return document.querySelectorAll('#alarm-map img, #alarm-map script').length"))
				.isEqualTo(0L);
			assertNothingRan("/console");
			screenshot("xss-console.png");

			// the school lead's start page names the school; the school pages
			signIn(DemoUsers.SCHOOL_LEAD);
			open("/");
			assertThat(driver.findElement(By.tagName("main")).getText()).contains(SCHOOL_PAYLOAD);
			assertNothingRan("/");
			open("/schools/" + schoolId);
			assertThat(driver.findElement(By.id("school-name")).getText()).isEqualTo(SCHOOL_PAYLOAD);
			assertNothingRan("/schools/" + schoolId);

			// the county's pages with charts, lists and the campaign dashboard
			signIn(DemoUsers.COUNTY_EDUCATION);
			for (String path : List.of("/schools?q=" + schoolCode, "/compliance", "/compliance?region=320402",
					"/inspections/campaigns/" + campaign, "/inspections", "/devices?q=" + device[0],
					"/devices/" + device[2], "/devices/rates", "/hazards")) {
				open(path);
				assertNothingRan(path);
			}
			open("/inspections/campaigns/" + campaign);
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#progress-chart canvas")));
			assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith(TITLE_PAYLOAD);
			screenshot("xss-campaign.png");
			open("/devices/" + device[2]);
			assertThat(driver.findElement(By.tagName("main")).getText()).contains(PLACE_PAYLOAD)
				.contains(SCHOOL_PAYLOAD);
			open("/compliance");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rates-chart canvas")));
			script("echarts.getInstanceByDom(document.getElementById('rates-chart'))"
					+ ".dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0})");
			wait.until(d -> !script("return document.querySelector('#rates-chart > div:last-child')?.textContent || ''")
				.toString()
				.isEmpty());
			assertNothingRan("/compliance");
			screenshot("xss-compliance-rates.png");

			// the city's start page with its chart, and the police pages with charts and
			// lists
			signIn(DemoUsers.CITY_EDUCATION);
			open("/");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-by-region canvas")));
			script("echarts.getInstanceByDom(document.getElementById('chart-by-region'))"
					+ ".dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0})");
			wait.until(
					d -> script("return document.querySelector('#chart-by-region > div:last-child')?.textContent || ''")
						.toString()
						.contains("学校数"));
			assertNothingRan("/ (city)");
			script("document.getElementById('chart-by-region').scrollIntoView({block: 'center', behavior: 'instant'})");
			screenshot("xss-home-city.png");
			signIn(DemoUsers.STATION_OFFICER);
			for (String path : List.of("/console/log", "/alarms/statistics", "/console/alarms/" + alarmId)) {
				open(path);
				assertNothingRan(path);
			}
		}
		finally {
			rename(schoolId, originalName);
		}
	}

	@Test
	void theFormerInlineHandlersStillWorkFromTheScriptFile() throws Exception {
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		// rule sets: choosing a region opens its assignment (was onchange)
		signIn(DemoUsers.ADMIN);
		open("/admin/rule-sets");
		new Select(driver.findElement(By.id("region"))).selectByVisibleText("天宁区");
		wait.until(ExpectedConditions.urlContains("region=320402"));
		assertThat(new Select(driver.findElement(By.id("region"))).getFirstSelectedOption().getText()).isEqualTo("天宁区");
		assertNothingRan("/admin/rule-sets");

		// a device's token reset asks first, and a "no" keeps the old token (was
		// onsubmit)
		signIn(DemoUsers.COUNTY_EDUCATION);
		open("/devices");
		String device = find(driver.getPageSource(), "href=\"/devices/(\\d+)\"");
		open("/devices/" + device);
		driver.findElement(By.id("reset-token")).click();
		wait.until(ExpectedConditions.alertIsPresent());
		assertThat(driver.switchTo().alert().getText()).contains("重置后旧令牌立即失效");
		driver.switchTo().alert().dismiss();
		assertThat(driver.getCurrentUrl()).endsWith("/devices/" + device);
		assertThat(driver.findElements(By.cssSelector("code.device-token"))).isEmpty();

		// the school import shows it is working while the file uploads (was Alpine.js)
		open("/schools/import");
		Path file = Files.createTempFile(Path.of("target").toAbsolutePath(), "schools", ".xlsx");
		Files.write(file, "not a workbook".getBytes());
		driver.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
		Object busy = script("var form = document.querySelector('form[data-busy-text]'); form.requestSubmit();"
				+ "var b = form.querySelector('button[type=submit]'); return b.disabled + ' ' + b.textContent;");
		assertThat(busy).isEqualTo("true 正在校验并导入，请稍候…");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-problems")));
		assertThat(driver.findElement(By.cssSelector("form[data-busy-text] button[type=submit]")).getText())
			.isEqualTo("上传并导入");
		assertNothingRan("/schools/import");
	}

	@Test
	void thePolicyBlocksInlineScriptAndTheBrowserReportsIt() throws InterruptedException {
		signIn(DemoUsers.COUNTY_EDUCATION);
		open("/schools");
		// what a missed escape would amount to: markup with script put into the page
		script("var s = document.createElement('script'); s.textContent = 'window.__xss = 9';"
				+ "document.body.appendChild(s);"
				+ "document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=\"window.__xss=10\">');");
		new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.anyMatch(e -> e.getMessage().contains("Content Security Policy")));
		assertThat(script("return typeof window.__xss")).isEqualTo("undefined");
		// leave no report of this test behind for the next one
		Thread.sleep(500);
		driver.manage().logs().get(LogType.BROWSER);
	}

	@Test
	void swaggerUiStillLoadsUnderItsPolicy() throws Exception {
		signIn(DemoUsers.COUNTY_EDUCATION);
		open("/swagger-ui.html");
		new WebDriverWait(driver, Duration.ofSeconds(20))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .opblock")));
		assertThat(driver.getPageSource()).contains("/api/v1/schools");
		assertNothingRan("/swagger-ui.html");
		screenshot("swagger-ui.png");
	}

	/** No payload ran, nothing alerted, and the browser reported no CSP violation. */
	private static void assertNothingRan(String page) {
		assertThat(script("return typeof window.__xss")).as("window.__xss on %s", page).isEqualTo("undefined");
		assertThat(driver.manage().logs().get(LogType.BROWSER).getAll()).as("browser console on %s", page)
			.noneSatisfy(e -> assertThat(e.getMessage()).containsIgnoringCase("Content Security Policy"));
		try {
			String text = driver.switchTo().alert().getText();
			throw new AssertionError("an alert opened on " + page + ": " + text);
		}
		catch (NoAlertPresentException expected) {
			// no alert, as it should be
		}
	}

	private void open(String path) {
		driver.get("http://localhost:" + port + path);
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> "complete".equals(script("return document.readyState")));
		List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
		assertThat(entries).as("browser console on %s", path)
			.noneSatisfy(e -> assertThat(e.getMessage()).containsIgnoringCase("Content Security Policy"));
	}

	private void signIn(String username) {
		Browsers.signIn(driver, port, username, DemoUsers.PASSWORD);
	}

	/** Renames a school through the API and answers its former name. */
	private String rename(long id, String name) {
		String path = "/api/v1/schools/" + id;
		Page current = new WebSession(port).api("GET", path, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD, null,
				Map.of());
		String former = find(current.body(), "\"name\":\"((?:[^\"\\\\]|\\\\.)*)\"");
		String body = current.body()
			.replaceFirst("\"name\":\"(?:[^\"\\\\]|\\\\.)*\"", Matcher.quoteReplacement("\"name\":" + json(name)));
		Page changed = new WebSession(port).api("PUT", path, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD, body,
				Map.of("If-Match", current.header("ETag")));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		return former.replace("\\\"", "\"").replace("\\\\", "\\");
	}

	/** Registers a device with the payload as its place: code, token and id. */
	private static String[] registerDevice(WebSession county, String schoolCode) {
		String code = "3204020001134" + "0" + String.format("%06d", (System.nanoTime() / 1000) % 1_000_000);
		county.get("/devices/new");
		Page page = county.postForm("/devices/new",
				Map.of("code", code, "schoolCode", schoolCode, "kind", "ONE_KEY_ALARM", "place", PLACE_PAYLOAD,
						"vendor", "海康威视", "model", "DS-K1", "mustBeNetworked", "true"));
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).doesNotContain(PLACE_PAYLOAD);
		return new String[] { code, find(page.body(), "<code class=\"device-token\">([^<]+)</code>"),
				find(page.body(), "href=\"/devices/(\\d+)\"") };
	}

	private static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/**
	 * Clicks a queue row, which the console draws afresh every second: found and clicked
	 * in one step inside the page, so the row cannot go stale in between.
	 */
	private static void clickWhenSettled(By by) {
		String css = by.toString().replaceFirst("^By\\.cssSelector: ", "");
		Object clicked = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
				"var e = document.querySelector(arguments[0]); if (e) { e.click(); return true; } return false;", css);
		assertThat(clicked).as("row %s present", css).isEqualTo(Boolean.TRUE);
	}

	private static Object script(String code) {
		return ((JavascriptExecutor) driver).executeScript(code);
	}

	private static void screenshot(String name) {
		Browsers.screenshot(driver, name);
	}

}
