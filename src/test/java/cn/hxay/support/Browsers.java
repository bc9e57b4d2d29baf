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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
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

}
