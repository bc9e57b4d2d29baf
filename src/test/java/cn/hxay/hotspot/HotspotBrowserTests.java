package cn.hxay.hotspot;

import java.time.Duration;

import cn.hxay.demo.DemoUsers;
import cn.hxay.support.Browsers;
import cn.hxay.support.Chromium;
import cn.hxay.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
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
 * Chromium emulating a phone (390 × 844): 青龙派出所's officer records a public-order hotspot
 * where he stands — a refused form keeps what was typed, shows the Chinese message next
 * to the field and writes nothing — then a rectification step that fixes it; a name typed
 * with markup stays text on the register and the hotspot's page; the read-only 督导员 gets
 * no page and no button.
 */
@PlatformTest
class HotspotBrowserTests {

	@RegisterExtension
	static final Chromium chromium = Chromium.phone();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	long hotspots(String name) {
		return jdbc.sql("select count(*) from hotspot where name = ?").param(name).query(Long.class).single();
	}

	@Test
	void anOfficerRecordsAHotspotAndItsFixOnAPhone() {
		WebDriver driver = chromium.driver();
		String mark = "夜宵摊点-" + System.nanoTime();
		String name = "<img src=x onerror=alert(1)>" + mark;
		// 11 km south of every demo school: no school near, so no Annex cell changes
		double[] far = jdbc.sql("select min(latitude) - 0.1, avg(longitude) from school where latitude is not null")
			.query((rs, n) -> new double[] { rs.getDouble(1), rs.getDouble(2) })
			.single();
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		Browsers.signIn(driver, port, DemoUsers.STATION_OFFICER, DemoUsers.PASSWORD);
		driver.get("http://localhost:" + port + "/hotspots");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hotspots")));
		Browsers.assertPhoneList(driver, "hotspots", "hotspot-new", "hotspot-list-phone.png");
		click(driver, By.id("hotspot-new"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hotspot-form")));
		assertNoSidewaysScrolling(driver);

		// no problem written and a longitude in words: refused by field, nothing lost
		driver.findElement(By.id("name")).sendKeys(name);
		driver.findElement(By.id("address")).sendKeys("青龙街道某路口东侧");
		driver.findElement(By.id("longitude")).sendKeys("一百二十");
		driver.findElement(By.id("latitude")).sendKeys(Double.toString(far[0]));
		new Select(driver.findElement(By.id("stationId"))).selectByIndex(1);
		click(driver, By.id("hotspot-submit"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
		assertThat(driver.findElement(By.cssSelector("#problem ~ .invalid-feedback")).getText()).isEqualTo("请写明治安问题");
		assertThat(driver.findElement(By.cssSelector("#longitude ~ .invalid-feedback")).getText()).contains("经度");
		assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo(name);
		assertThat(driver.findElement(By.id("longitude")).getAttribute("value")).isEqualTo("一百二十");
		assertThat(driver.findElement(By.id("address")).getAttribute("value")).isEqualTo("青龙街道某路口东侧");
		assertThat(new Select(driver.findElement(By.id("stationId"))).getFirstSelectedOption().getText())
			.contains("青龙派出所");
		assertShownAsText(driver);
		assertNoSidewaysScrolling(driver);
		Browsers.screenshot(driver, "hotspot-form-refused-phone.png");
		assertThat(hotspots(name)).as("nothing written").isZero();

		driver.findElement(By.id("longitude")).clear();
		driver.findElement(By.id("longitude")).sendKeys(Double.toString(far[1]));
		driver.findElement(By.id("problem")).sendKeys("夜间闲散人员聚集饮酒滋事，放学时段占道经营");
		assertUsable(driver, By.id("hotspot-submit"));
		click(driver, By.id("hotspot-submit"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hotspot-status")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(name);
		assertThat(driver.findElement(By.id("hotspot-status")).getText()).isEqualTo("整改中");
		assertThat(Browsers.notice(driver)).isEqualTo("已登记治安乱点，并按距离关联周边学校");
		assertThat(driver.findElement(By.id("hotspot-schools")).getText()).contains("范围内没有学校");
		assertThat(driver.findElement(By.id("hotspot-steps")).getText()).contains("登记：夜间闲散人员聚集饮酒滋事");
		assertShownAsText(driver);
		assertNoSidewaysScrolling(driver);
		assertThat(hotspots(name)).isOne();
		long id = jdbc.sql("select id from hotspot where name = ?").param(name).query(Long.class).single();

		// an empty step with 已整改完成 ticked: refused next to the field, the tick kept
		click(driver, By.id("fixed"));
		click(driver, By.cssSelector("#step-form button[type=submit]"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
		assertThat(driver.findElement(By.cssSelector("#step-form .invalid-feedback")).getText()).isEqualTo("请写明整改措施");
		assertThat(driver.findElement(By.cssSelector("#step-form .invalid-feedback")).isDisplayed()).isTrue();
		assertThat(driver.findElement(By.id("fixed")).isSelected()).isTrue();
		assertThat(
				jdbc.sql("select count(*) from hotspot_step where hotspot_id = ?").param(id).query(Long.class).single())
			.isOne();
		Browsers.screenshot(driver, "hotspot-step-refused-phone.png");

		driver.findElement(By.cssSelector("#step-form textarea[name=text]")).sendKeys("已联合城管取缔夜宵摊点，设置警务巡逻点");
		click(driver, By.cssSelector("#step-form button[type=submit]"));
		wait.until(ExpectedConditions.textToBe(By.id("hotspot-status"), "已整改"));
		assertThat(driver.findElement(By.id("hotspot-steps")).getText()).contains("已联合城管取缔夜宵摊点").contains("整改完成");
		assertThat(driver.findElements(By.id("step-form"))).as("a fixed hotspot takes no more steps").isEmpty();
		assertThat(Browsers.notice(driver)).isEqualTo("已整改完成");
		assertNoSidewaysScrolling(driver);
		Browsers.screenshot(driver, "hotspot-fixed-phone.png");
		assertThat(jdbc.sql("select status from hotspot where id = ?").param(id).query(String.class).single())
			.isEqualTo("FIXED");

		// the register finds it by its text and shows the name as text
		driver.get("http://localhost:" + port + "/hotspots?text=" + mark);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hotspots")));
		assertThat(driver.findElement(By.id("hotspots")).getText()).contains(name).contains("已整改");
		assertShownAsText(driver);
		assertNoSidewaysScrolling(driver);
		Browsers.screenshot(driver, "hotspot-list-found-phone.png");
	}

	@Test
	void theReadOnlyInspectorGetsNoPageAndNoButton() {
		WebDriver driver = chromium.driver();
		Browsers.signIn(driver, port, DemoUsers.INSPECTOR, DemoUsers.PASSWORD);
		driver.get("http://localhost:" + port + "/hotspots");
		assertThat(driver.findElements(By.id("hotspots"))).isEmpty();
		assertThat(driver.findElements(By.id("hotspot-new"))).isEmpty();
		assertThat(driver.findElement(By.cssSelector("#error-page h1")).getText()).startsWith("403");
		driver.get("http://localhost:" + port + "/hotspots/new");
		assertThat(driver.findElements(By.id("hotspot-form"))).isEmpty();
		assertThat(driver.findElements(By.cssSelector("a[href='/hotspots']"))).as("no menu entry").isEmpty();
	}

}
