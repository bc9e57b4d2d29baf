package cn.hxay.drill;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import cn.hxay.demo.DemoUsers;
import cn.hxay.shared.PlatformTime;
import cn.hxay.support.Browsers;
import cn.hxay.support.PlatformTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chromium emulating a phone (390 × 844): the demo school's safety lead opens 应急演练 from
 * the phone bar, sees the fire drill due, records it held today with participants,
 * duration and the problem found, adds a photo taken on the spot, and sees the fire drill
 * done, without scrolling sideways.
 */
@PlatformTest
class DrillBrowserTests {

	static WebDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

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
	void theSchoolLeadRecordsADrillWithAPhotoOnAPhone() throws Exception {
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		Browsers.signIn(driver, port, DemoUsers.SCHOOL_LEAD, DemoUsers.PASSWORD);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("phone-nav")));
		assertThat(((JavascriptExecutor) driver).executeScript("return window.innerWidth;")).isEqualTo(390L);
		driver.findElement(By.cssSelector("#phone-nav a[href='/drills']")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("type-status")));
		WebElement fire = driver.findElement(By.cssSelector(".type-row[data-type='FIRE']"));
		assertThat(fire.getAttribute("data-status")).isIn("DUE", "SCHEDULED");
		assertThat(driver.findElement(By.cssSelector(".type-row[data-type='EVACUATION']")).getText()).contains("逾期")
			.contains("从未开展");
		assertNoSidewaysScrolling();
		screenshot("drill-school-phone.png");

		fire.findElement(By.linkText("记录此类演练")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("drill-form")));
		assertThat(driver.findElement(By.cssSelector("#type option[selected]")).getAttribute("value"))
			.isEqualTo("FIRE");
		assertThat(driver.findElement(By.id("day")).getAttribute("value"))
			.isEqualTo(PlatformTime.today(clock).toString());
		driver.findElement(By.id("participants")).sendKeys("620");
		driver.findElement(By.id("durationMinutes")).sendKeys("6");
		driver.findElement(By.id("scenario")).sendKeys("食堂后厨起火，全校按疏散路线撤离至操场");
		driver.findElement(By.id("lessons")).sendKeys("西侧楼梯灭火器压力不足");
		assertNoSidewaysScrolling();
		screenshot("drill-form-phone.png");
		driver.findElement(By.id("save-drill")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("photo-form")));
		assertThat(driver.findElement(By.id("drill-state")).getText()).isEqualTo("已完成");
		assertThat(driver.findElement(By.id("lessons-text")).getText()).isEqualTo("西侧楼梯灭火器压力不足");

		Path png = Path.of("target", "drill-photo.png").toAbsolutePath();
		Files.createDirectories(png.getParent());
		Files.write(png, DrillFlowTests.PNG);
		driver.findElement(By.id("photo")).sendKeys(png.toString());
		driver.findElement(By.id("caption")).sendKeys("操场集合清点人数");
		driver.findElement(By.id("upload-photo")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("img.drill-photo")));
		assertThat(driver.getPageSource()).contains("照片已上传").contains("操场集合清点人数");
		assertThat(driver.findElements(By.id("hazard-form"))).as("the lesson can go on the ledger").hasSize(1);
		assertNoSidewaysScrolling();
		screenshot("drill-recorded-phone.png");

		driver.findElement(By.linkText(driver.findElement(By.cssSelector("p.small a")).getText())).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("type-status")));
		assertThat(driver.findElement(By.cssSelector(".type-row[data-type='FIRE']")).getAttribute("data-status"))
			.isEqualTo("DONE");
	}

	private static void assertNoSidewaysScrolling() {
		Long scroll = (Long) ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth;");
		Long inner = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;");
		assertThat(scroll).as("page width on a 390 px screen").isLessThanOrEqualTo(inner);
	}

	private static void screenshot(String name) {
		Browsers.screenshot(driver, name);
	}

}
