package cn.hxay.support;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One Chromium for a test class, started before its first test and quit after its last:
 * {@code @RegisterExtension static final Chromium chromium = Chromium.phone();} instead
 * of a static driver with its own {@code @BeforeAll} and {@code @AfterAll}.
 */
public final class Chromium implements BeforeAllCallback, AfterAllCallback {

	private final Supplier<ChromeOptions> options;

	private WebDriver driver;

	private Chromium(Supplier<ChromeOptions> options) {
		this.options = options;
	}

	/** A phone, 390 × 844 through mobile emulation ({@link Browsers#phone()}). */
	public static Chromium phone() {
		return new Chromium(Browsers::phone);
	}

	public WebDriver driver() {
		return driver;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		driver = Browsers.start(options.get());
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (driver != null) {
			driver.quit();
			driver = null;
		}
	}

}
