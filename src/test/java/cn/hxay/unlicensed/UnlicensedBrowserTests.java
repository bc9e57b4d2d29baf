package cn.hxay.unlicensed;

import java.time.Duration;

import cn.hxay.demo.DemoUsers;
import cn.hxay.support.Browsers;
import cn.hxay.support.Chromium;
import cn.hxay.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.support.Browsers.assertNoSidewaysScrolling;
import static cn.hxay.support.Browsers.assertShownAsText;
import static cn.hxay.support.Browsers.assertUsable;
import static cn.hxay.support.Browsers.click;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chromium emulating a phone (390 × 844): 天宁区教育局 registers a care point found on a street
 * visit — a refused form keeps every typed value, shows the Chinese message next to the
 * field and writes nothing — then moves it along the ledger on its page: a licence
 * without its number refused next to the field with the note kept, 取缔销号, and the re-check
 * (仍已关停). A name typed with markup stays text on the page and in the ledger; the
 * read-only 督导员 reads the ledger without a write button.
 */
@PlatformTest
class UnlicensedBrowserTests {

	@RegisterExtension
	static final Chromium chromium = Chromium.phone();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	long institutions(String name) {
		return jdbc.sql("select count(*) from unlicensed_institution where name = ?")
			.param(name)
			.query(Long.class)
			.single();
	}

	@Test
	void theBureauRegistersACarePointAndClosesItOnAPhone() {
		WebDriver driver = chromium.driver();
		String mark = "阳光托管班-" + System.nanoTime();
		String name = "<img src=x onerror=alert(1)>" + mark;
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		Browsers.signIn(driver, port, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("phone-nav")));
		click(driver, By.cssSelector("#phone-nav a[href='/unlicensed-institutions']"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unlicensed")));
		Browsers.assertPhoneList(driver, "unlicensed", "unlicensed-new", "unlicensed-list-phone.png");
		click(driver, By.id("unlicensed-new"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unlicensed-form")));
		assertNoSidewaysScrolling(driver);

		// no operator and a head count in words: refused by field, nothing lost
		new Select(driver.findElement(By.id("kind"))).selectByValue("CARE_POINT");
		driver.findElement(By.id("name")).sendKeys(name);
		driver.findElement(By.id("address")).sendKeys("青龙街道某小区 3 幢 101");
		new Select(driver.findElement(By.id("coordinateSystem"))).selectByValue("WGS84");
		driver.findElement(By.id("longitude")).sendKeys("119.9651");
		driver.findElement(By.id("latitude")).sendKeys("31.7712");
		driver.findElement(By.id("children")).sendKeys("十几个");
		Select station = new Select(driver.findElement(By.id("stationId")));
		for (WebElement option : station.getOptions()) {
			if (option.getText().endsWith("青龙派出所")) {
				station.selectByValue(option.getAttribute("value"));
			}
		}
		driver.findElement(By.id("foundBy")).sendKeys("天宁区教育局安全科");
		driver.findElement(By.id("department")).sendKeys("天宁区教育局、青龙街道");
		click(driver, By.id("unlicensed-submit"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
		assertThat(driver.findElement(By.cssSelector("#operator ~ .invalid-feedback")).getText()).isEqualTo("请填写举办者");
		assertThat(driver.findElement(By.cssSelector("#children ~ .invalid-feedback")).getText())
			.isEqualTo("在园（班）人数须为 0–10000 的整数");
		assertThat(driver.findElement(By.cssSelector("#operator ~ .invalid-feedback")).isDisplayed()).isTrue();
		assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo(name);
		assertThat(driver.findElement(By.id("children")).getAttribute("value")).isEqualTo("十几个");
		assertThat(driver.findElement(By.id("longitude")).getAttribute("value")).isEqualTo("119.9651");
		assertThat(new Select(driver.findElement(By.id("kind"))).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("CARE_POINT");
		assertThat(new Select(driver.findElement(By.id("coordinateSystem"))).getFirstSelectedOption()
			.getAttribute("value")).isEqualTo("WGS84");
		assertThat(new Select(driver.findElement(By.id("stationId"))).getFirstSelectedOption().getText())
			.endsWith("青龙派出所");
		assertThat(driver.findElement(By.id("department")).getAttribute("value")).isEqualTo("天宁区教育局、青龙街道");
		assertShownAsText(driver);
		assertNoSidewaysScrolling(driver);
		Browsers.screenshot(driver, "unlicensed-form-refused-phone.png");
		assertThat(institutions(name)).as("nothing written").isZero();

		driver.findElement(By.id("operator")).sendKeys("赵某");
		driver.findElement(By.id("children")).clear();
		driver.findElement(By.id("children")).sendKeys("16");
		assertUsable(driver, By.id("unlicensed-submit"));
		click(driver, By.id("unlicensed-submit"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unlicensed-status")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(name);
		assertThat(driver.findElement(By.id("unlicensed-status")).getText()).isEqualTo("限期办证");
		assertThat(Browsers.notice(driver)).startsWith("已登记：" + name);
		assertThat(driver.getPageSource()).contains("青龙派出所");
		assertShownAsText(driver);
		assertNoSidewaysScrolling(driver);
		Browsers.screenshot(driver, "unlicensed-show-phone.png");
		assertThat(institutions(name)).isOne();
		long id = jdbc.sql("select id from unlicensed_institution where name = ?")
			.param(name)
			.query(Long.class)
			.single();

		// 办证销号 without the licence number: refused next to the field, the note kept
		driver.findElement(By.cssSelector("#license-form textarea[name=note]")).sendKeys("举办者称已递交审批材料");
		click(driver, By.cssSelector("#license-form button[type=submit]"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
		WebElement licenceError = driver.findElement(By.cssSelector("#license-form .invalid-feedback"));
		assertThat(licenceError.getText()).isEqualTo("请填写办学许可证或登记证书编号");
		assertThat(licenceError.isDisplayed()).isTrue();
		assertThat(driver.findElement(By.cssSelector("#license-form textarea[name=note]")).getAttribute("value"))
			.isEqualTo("举办者称已递交审批材料");
		assertThat(jdbc.sql("select status from unlicensed_institution where id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("PENDING");
		assertNoSidewaysScrolling(driver);
		Browsers.screenshot(driver, "unlicensed-licence-refused-phone.png");

		// 取缔销号, then the re-check finds it still closed
		driver.findElement(By.cssSelector("#ban-form textarea[name=note]")).sendKeys("会同青龙街道、市场监管于今日取缔，16 名幼儿由家长接回");
		assertUsable(driver, By.cssSelector("#ban-form button[type=submit]"));
		click(driver, By.cssSelector("#ban-form button[type=submit]"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recheck-form")));
		assertThat(driver.findElement(By.id("unlicensed-status")).getText()).isEqualTo("已取缔（销号）");
		assertThat(driver.findElement(By.id("unlicensed-steps")).getText()).contains("16 名幼儿由家长接回");
		assertThat(driver.findElements(By.id("license-form"))).isEmpty();
		assertNoSidewaysScrolling(driver);
		click(driver, By.id("reopened-no"));
		driver.findElement(By.cssSelector("#recheck-form textarea[name=note]")).sendKeys("复查：原址已关停，未见幼儿");
		assertUsable(driver, By.cssSelector("#recheck-form button[type=submit]"));
		click(driver, By.cssSelector("#recheck-form button[type=submit]"));
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("recheck-form")));
		assertThat(driver.findElement(By.id("unlicensed-steps")).getText()).contains("复查：原址已关停");
		assertShownAsText(driver);
		assertNoSidewaysScrolling(driver);
		Browsers.screenshot(driver, "unlicensed-rechecked-phone.png");
		assertThat(
				jdbc.sql("select status || ' ' || (rechecked_on is not null) from unlicensed_institution where id = ?")
					.param(id)
					.query(String.class)
					.single())
			.isEqualTo("BANNED true");

		// the ledger finds it by its text and shows the name as text
		driver.get("http://localhost:" + port + "/unlicensed-institutions?text=" + mark);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unlicensed")));
		assertThat(driver.findElement(By.id("unlicensed")).getText()).contains(name).contains("已取缔（销号）");
		assertThat(driver.findElement(By.id("unlicensed-total")).getText()).isEqualTo("共 1 条");
		assertShownAsText(driver);
		assertNoSidewaysScrolling(driver);
	}

	@Test
	void theReadOnlyInspectorReadsTheLedgerWithoutAWriteButton() {
		WebDriver driver = chromium.driver();
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		// the newest case open for a licence or a ban, from the demo ledger or a test
		long id = jdbc.sql("select max(id) from unlicensed_institution where status = 'PENDING'")
			.query(Long.class)
			.single();
		Browsers.signIn(driver, port, DemoUsers.INSPECTOR, DemoUsers.PASSWORD);
		driver.get("http://localhost:" + port + "/unlicensed-institutions");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unlicensed")));
		assertThat(driver.findElements(By.id("unlicensed-new"))).isEmpty();
		assertThat(driver.findElement(By.id("unlicensed-export")).isDisplayed()).isTrue();
		assertNoSidewaysScrolling(driver);
		driver.get("http://localhost:" + port + "/unlicensed-institutions/" + id);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unlicensed-status")));
		assertThat(driver.findElement(By.id("unlicensed-status")).getText()).isEqualTo("限期办证");
		assertThat(driver.findElements(By.cssSelector("main form[method=post]"))).as("no 办证, 取缔 or 复查 form").isEmpty();
		driver.get("http://localhost:" + port + "/unlicensed-institutions/new");
		assertThat(driver.findElements(By.id("unlicensed-form"))).isEmpty();
		assertThat(driver.findElement(By.cssSelector("#error-page h1")).getText()).startsWith("403");
	}

}
