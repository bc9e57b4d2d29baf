package cn.hxay.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

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

}
