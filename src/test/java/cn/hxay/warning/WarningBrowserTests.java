package cn.hxay.warning;

import cn.hxay.support.Browsers;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import cn.hxay.demo.DemoUsers;
import cn.hxay.shared.PlatformTime;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.hxay.support.Texts.find;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chromium emulating a phone (390 × 844, pixel ratio 3): the school's safety lead opens a
 * new warning from its card, signs it and replies with the measures taken, without
 * scrolling sideways.
 */
@PlatformTest
class WarningBrowserTests {

	static WebDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@BeforeAll
	static void startBrowser() throws Exception {
		driver = Browsers.start(Browsers.phone());
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	@Test
	void theSchoolLeadReadsAndRepliesOnAPhone() throws Exception {
		String title = "关于校园周边发现可疑人员的风险提示-" + System.nanoTime() % 100000;
		String ack = PlatformTime.local(clock.instant().plus(Duration.ofHours(6)))
			.truncatedTo(ChronoUnit.MINUTES)
			.toString();
		WebSession.Page sent = new WebSession(port).api("POST", "/api/v1/warnings", DemoUsers.COUNTY_EDUCATION,
				DemoUsers.PASSWORD, """
						{"level":"RED","title":"%s","body":"有群众反映校园周边有可疑人员徘徊。请立即加强门卫值守，上下学时段校领导带班，发现异常立即报警。",
						 "acknowledgeBy":"%s","regionCode":"320402"}""".formatted(title, ack), Map.of());
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		String id = find(sent.body(), "\"id\":(\\d+)");

		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		Browsers.signIn(driver, port, DemoUsers.SCHOOL_LEAD, DemoUsers.PASSWORD);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("phone-nav")));
		assertThat(((JavascriptExecutor) driver).executeScript("return window.innerWidth;")).isEqualTo(390L);
		driver.findElement(By.cssSelector("#phone-nav a[href='/warnings']")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("warnings")));
		WebElement card = driver.findElement(By.cssSelector("a.warning-card[data-warning-id='" + id + "']"));
		assertThat(card.getText()).contains(title).contains("红色预警（一级）").contains("未读");
		assertThat(card.getRect().getWidth()).isLessThanOrEqualTo(390);
		assertNoSidewaysScrolling();
		screenshot("warning-list-phone.png");

		card.click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mark-read")));
		assertThat(driver.findElements(By.id("receipts"))).as("a school sees no other school's receipt").isEmpty();
		assertNoSidewaysScrolling();
		driver.findElement(By.id("mark-read")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("read-receipt")));
		assertThat(driver.findElement(By.id("read-receipt")).getText()).contains("已签收")
			.contains(PlatformTime.DATE.format(clock.instant()));

		// an empty reply is refused and nothing is lost
		((JavascriptExecutor) driver).executeScript("document.getElementById('reply-form').requestSubmit()");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
		assertThat(driver.findElement(By.id("form-errors")).getText()).contains("请填写已采取的处置措施");

		driver.findElement(By.id("reply")).sendKeys("已安排保安两人在校门值守，上下学时段校领导带班，已联系青龙派出所加强巡逻。");
		screenshot("warning-reply-phone.png");
		driver.findElement(By.id("send-reply")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("my-reply")));
		assertThat(driver.getPageSource()).contains("已回复处置措施").contains("已联系青龙派出所加强巡逻");
		assertThat(driver.findElements(By.id("reply-form"))).isEmpty();
		assertNoSidewaysScrolling();
		screenshot("warning-replied-phone.png");

		String receipts = new WebSession(port)
			.api("GET", "/api/v1/warnings/" + id, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD, null, Map.of())
			.body();
		assertThat(receipts).contains("已联系青龙派出所加强巡逻").contains("\"replied\":1");
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
