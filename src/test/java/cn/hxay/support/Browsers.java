package cn.hxay.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium for the browser tests, set up once: nothing downloaded, no
 * background networking (the machine's network is closed), a profile under
 * {@code target/}. Skipped where Chromium is not installed, required on CI.
 */
public final class Browsers {

	private Browsers() {
	}

	/** A desktop browser window of the given size, e.g. {@code "1440,900"}. */
	public static ChromeOptions desktop(String windowSize) {
		return options("--window-size=" + windowSize);
	}

	/**
	 * A phone: 390×844 CSS pixels at pixel ratio 3 through mobile emulation (a plain
	 * window of that size gives a 500 px viewport in headless Chromium).
	 */
	public static ChromeOptions phone() {
		ChromeOptions options = options();
		options.setExperimentalOption("mobileEmulation",
				Map.of("deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 3.0)));
		return options;
	}

	public static ChromeDriver start(ChromeOptions options) {
		return new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build(),
				options);
	}

	private static ChromeOptions options(String... extra) {
		boolean installed = new File("/usr/bin/chromium").canExecute()
				&& new File("/usr/bin/chromedriver").canExecute();
		if (System.getenv("CI") != null) {
			assertThat(installed).as("CI must install chromium and chromium-driver (.ci/run does)").isTrue();
		}
		assumeTrue(installed, "Debian chromium and chromium-driver are not installed");
		List<String> arguments = new ArrayList<>(List.of("--headless", "--no-sandbox", "--disable-gpu",
				"--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--lang=zh-CN"));
		try {
			arguments
				.add("--user-data-dir=" + Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		arguments.addAll(List.of(extra));
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments(arguments);
		return options;
	}

	/** Where every browser test leaves its screenshots, to be looked at. */
	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/**
	 * A fresh sign-in, whatever the test before left: the cookies cleared, the form
	 * filled and sent, and the sign-in finished (off the login page) before the test
	 * navigates on, or the next navigation would cancel it.
	 */
	public static void signIn(WebDriver driver, int port, String username, String password) {
		driver.get("http://localhost:" + port + "/login");
		driver.manage().deleteAllCookies();
		driver.get("http://localhost:" + port + "/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(20))
			.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	/** The page as it is now, as {@code target/screenshots/<name>}. */
	public static void screenshot(WebDriver driver, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Clicks like a thumb: the element scrolled clear of the phone bar first. */
	public static void click(WebDriver driver, By by) {
		WebElement element = driver.findElement(by);
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		try {
			element.click();
		}
		catch (ElementClickInterceptedException ex) {
			// headless mobile emulation sometimes reports a button below the fold as
			// covered
			((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
		}
	}

	/** The page is no wider than the window: nothing to scroll sideways. */
	public static void assertNoSidewaysScrolling(WebDriver driver) {
		Long scroll = (Long) ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth;");
		Long inner = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;");
		assertThat(scroll).as("page width on a %d px screen: %s", inner, driver.getCurrentUrl())
			.isLessThanOrEqualTo(inner);
	}

	/**
	 * A value typed with markup stayed text: no element made from it (no {@code img} with
	 * its {@code src=x}, no element with an {@code on*} handler from it) and no alert
	 * raised.
	 */
	public static void assertShownAsText(WebDriver driver) {
		Long planted = (Long) ((JavascriptExecutor) driver)
			.executeScript("return document.querySelectorAll('img[src=\"x\"], [onerror]').length;");
		assertThat(planted).as("elements made from typed markup on " + driver.getCurrentUrl()).isZero();
		try {
			String text = driver.switchTo().alert().getText();
			throw new AssertionError("a script ran from typed markup: alert " + text);
		}
		catch (NoAlertPresentException expected) {
			// nothing ran
		}
	}

	/**
	 * A button a thumb can reach: shown, enabled and wholly inside the screen's width.
	 */
	public static void assertUsable(WebDriver driver, By by) {
		WebElement element = driver.findElement(by);
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		Long inner = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;");
		assertThat(element.isDisplayed()).as(by + " shown").isTrue();
		assertThat(element.isEnabled()).as(by + " enabled").isTrue();
		assertThat(element.getRect().getX()).as(by + " left edge").isGreaterThanOrEqualTo(0);
		assertThat(element.getRect().getX() + element.getRect().getWidth()).as(by + " right edge")
			.isLessThanOrEqualTo(inner.intValue());
		assertThat(element.getRect().getHeight()).as(by + " height").isGreaterThanOrEqualTo(24);
	}

	/**
	 * A list as a phone shows it: nothing to scroll sideways, its write button usable
	 * (when given), each row a card as wide as the screen rather than squeezed columns;
	 * then a screenshot.
	 */
	public static void assertPhoneList(WebDriver driver, String tableId, String buttonId, String screenshot) {
		assertNoSidewaysScrolling(driver);
		if (buttonId != null) {
			assertUsable(driver, By.id(buttonId));
		}
		assertThat(driver.findElement(By.cssSelector("#" + tableId + " tbody td")).getRect().getWidth())
			.as("each row of #%s a card on a phone, not squeezed columns", tableId)
			.isGreaterThan(300);
		screenshot(driver, screenshot);
	}

	/**
	 * The one notice the page shows after a save (the layout's; a page repeating it
	 * fails).
	 */
	public static String notice(WebDriver driver) {
		List<WebElement> notices = driver.findElements(By.cssSelector("main .alert-success"));
		assertThat(notices).as("the notice said once on " + driver.getCurrentUrl()).hasSize(1);
		return notices.get(0).getText();
	}

}
