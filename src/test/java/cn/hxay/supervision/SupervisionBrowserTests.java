package cn.hxay.supervision;

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
 * Chromium emulating a phone (390 × 844): 天宁区教育局's supervisor records an unannounced
 * visit at a school, a finding, and the 通报 made from it, on the spot. Each refused form
 * shows the Chinese message next to the field, keeps what was typed and writes nothing; a
 * team, finding and title typed with markup stay text; the read-only 督导员 reads visits and
 * notices without a write button or form.
 */
@PlatformTest
class SupervisionBrowserTests {

	@RegisterExtension
	static final Chromium chromium = Chromium.phone();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	long rows(String sql, String value) {
		return jdbc.sql(sql).param(value).query(Long.class).single();
	}

	@Test
	void aSupervisorRecordsAVisitAndIssuesANoticeOnAPhone() {
		WebDriver driver = chromium.driver();
		String mark = "-" + System.nanoTime();
		String markup = "<img src=x onerror=alert(1)>";
		String summary = "午间到校，门卫室无人值守" + mark;
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		Browsers.signIn(driver, port, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("phone-nav")));
		click(driver, By.cssSelector("#phone-nav a[href='/supervision']"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("supervision-tabs")));
		assertNoSidewaysScrolling(driver);
		Browsers.screenshot(driver, "supervision-groups-phone.png");
		click(driver, By.cssSelector("#supervision-tabs a[href='/supervision/visits']"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("visits")));
		Browsers.assertPhoneList(driver, "visits", "new-visit", "supervision-visits-phone.png");
		click(driver, By.id("new-visit"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("visit-form")));
		assertNoSidewaysScrolling(driver);

		// no team and no school: refused next to each field, the summary kept
		driver.findElement(By.id("summary")).sendKeys(summary);
		click(driver, By.cssSelector("#visit-form button[type=submit]"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
		assertThat(driver.findElement(By.cssSelector("#team ~ .invalid-feedback")).getText()).isEqualTo("请填写督导组成员");
		assertThat(driver.findElement(By.cssSelector("#team ~ .invalid-feedback")).isDisplayed()).isTrue();
		assertThat(driver.findElement(By.cssSelector("#schoolIds ~ .invalid-feedback")).getText()).contains("请选择");
		assertThat(driver.findElement(By.id("summary")).getAttribute("value")).isEqualTo(summary);
		assertThat(new Select(driver.findElement(By.id("kind"))).getFirstSelectedOption().getText()).isEqualTo("明察暗访");
		assertNoSidewaysScrolling(driver);
		Browsers.screenshot(driver, "supervision-visit-refused-phone.png");
		assertThat(rows("select count(*) from supervision_visit where summary = ?", summary)).as("nothing written")
			.isZero();

		String team = markup + "安全科 张三、李四" + mark;
		driver.findElement(By.id("team")).sendKeys(team);
		Select schools = new Select(driver.findElement(By.id("schoolIds")));
		schools.selectByIndex(0);
		String school = schools.getFirstSelectedOption().getText();
		assertUsable(driver, By.cssSelector("#visit-form button[type=submit]"));
		click(driver, By.cssSelector("#visit-form button[type=submit]"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("visit-facts")));
		assertThat(driver.findElement(By.id("visit-facts")).getText()).contains(team)
			.contains(school)
			.contains(summary);
		assertThat(Browsers.notice(driver)).isEqualTo("已登记明察暗访，请逐校登记发现的问题");
		assertShownAsText(driver);
		assertNoSidewaysScrolling(driver);
		assertThat(rows("select count(*) from supervision_visit where team = ?", team)).isOne();

		// an empty finding is refused next to the field; one with markup stays text
		click(driver, By.cssSelector("#finding-form button[type=submit]"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("finding-errors")));
		assertThat(driver.findElement(By.cssSelector("#finding-form .invalid-feedback")).getText())
			.isEqualTo("请填写发现的问题");
		String finding = markup + "门卫室无人，访客未登记" + mark;
		driver.findElement(By.cssSelector("#finding-form textarea[name=text]")).sendKeys(finding);
		click(driver, By.cssSelector("#finding-form button[type=submit]"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("findings"), "门卫室无人，访客未登记" + mark));
		assertThat(driver.findElement(By.cssSelector("#findings td[data-label='问题']")).getText()).isEqualTo(finding);
		assertShownAsText(driver);
		assertNoSidewaysScrolling(driver);
		Browsers.screenshot(driver, "supervision-visit-phone.png");
		assertThat(rows("select count(*) from supervision_finding where text = ?", finding)).isOne();

		// the finding raised as a hazard from its card: without the place refused next to
		// the field with what was typed kept, then entered in the hazard ledger
		String person = "王校长" + mark;
		click(driver, By.cssSelector("#findings details summary"));
		WebElement hazardForm = driver.findElement(By.cssSelector("#findings .hazard-form"));
		hazardForm.findElement(By.name("requirements")).sendKeys("即日起门卫室 24 小时有人值守，访客逐一登记");
		hazardForm.findElement(By.name("responsiblePerson")).sendKeys(person);
		assertNoSidewaysScrolling(driver);
		Browsers.screenshot(driver, "supervision-hazard-form-phone.png");
		click(driver, By.cssSelector("#findings .hazard-form button[type=submit]"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hazard-errors")));
		hazardForm = driver.findElement(By.cssSelector("#findings .hazard-form"));
		assertThat(hazardForm.isDisplayed()).as("the refused form stays open").isTrue();
		assertThat(hazardForm.findElement(By.cssSelector("[name=place] ~ .invalid-feedback")).getText())
			.isEqualTo("请填写隐患部位");
		assertThat(hazardForm.findElement(By.name("requirements")).getAttribute("value"))
			.isEqualTo("即日起门卫室 24 小时有人值守，访客逐一登记");
		assertThat(hazardForm.findElement(By.name("responsiblePerson")).getAttribute("value")).isEqualTo(person);
		assertThat(hazardForm.findElement(By.name("description")).getAttribute("value")).isEqualTo(finding);
		assertShownAsText(driver);
		assertNoSidewaysScrolling(driver);
		assertThat(rows("select count(*) from hazard where responsible_person = ?", person)).as("nothing written")
			.isZero();
		hazardForm.findElement(By.name("place")).sendKeys("学校大门门卫室");
		click(driver, By.cssSelector("#findings .hazard-form button[type=submit]"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#findings a.hazard-link")));
		String number = driver.findElement(By.cssSelector("#findings a.hazard-link")).getText();
		assertThat(Browsers.notice(driver)).startsWith("已登记为隐患 " + number);
		assertThat(jdbc.sql("select notice_number || ' ' || description from hazard where responsible_person = ?")
			.param(person)
			.query(String.class)
			.single()).startsWith(number + " （天宁区教育局").contains("明察暗访发现）").endsWith(finding);
		assertThat(rows("select count(*) from supervision_finding where hazard_number = ?", number)).isOne();
		assertShownAsText(driver);
		assertNoSidewaysScrolling(driver);

		// the hazard's own page shows the finding as text too
		String visitPage = driver.getCurrentUrl();
		click(driver, By.cssSelector("#findings a.hazard-link"));
		wait.until(ExpectedConditions.urlContains("/hazards/"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "门卫室无人，访客未登记" + mark));
		assertShownAsText(driver);
		assertNoSidewaysScrolling(driver);
		driver.get(visitPage);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice-from-visit")));

		// the 通报 made from the visit: body and recipients missing, the title kept
		click(driver, By.id("notice-from-visit"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice-form")));
		assertNoSidewaysScrolling(driver);
		String title = markup + "关于门卫值守不到位的通报" + mark;
		driver.findElement(By.id("title")).sendKeys(title);
		click(driver, By.cssSelector("#notice-form button[type=submit]"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
		assertThat(driver.findElement(By.cssSelector("#body ~ .invalid-feedback")).getText()).isEqualTo("请填写正文");
		assertThat(driver.findElement(By.id("recipientIds-error")).getText()).contains("主送单位");
		assertThat(driver.findElement(By.id("title")).getAttribute("value")).isEqualTo(title);
		assertThat(driver.findElements(By.cssSelector("#notice-form input[name=visitId]"))).as("still from the visit")
			.hasSize(1);
		assertShownAsText(driver);
		assertNoSidewaysScrolling(driver);
		Browsers.screenshot(driver, "supervision-notice-refused-phone.png");
		assertThat(rows("select count(*) from supervision_notice where title = ?", title)).isZero();

		driver.findElement(By.id("body")).sendKeys("经查，该校午间门卫室无人值守。\n请于一周内整改并报送整改情况。");
		WebElement recipient = driver.findElement(By.cssSelector("#recipients input[name=recipientIds]"));
		click(driver, By.id(recipient.getAttribute("id")));
		assertUsable(driver, By.cssSelector("#notice-form button[type=submit]"));
		click(driver, By.cssSelector("#notice-form button[type=submit]"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice-number")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
		assertThat(driver.findElement(By.id("notice-number")).getText()).matches(".+〔\\d{4}〕\\d+号");
		assertThat(driver.findElement(By.id("notice-body")).getText()).contains("请于一周内整改");
		assertThat(driver.findElement(By.id("not-confirmed")).getText()).isNotBlank();
		assertShownAsText(driver);
		assertNoSidewaysScrolling(driver);
		Browsers.screenshot(driver, "supervision-notice-phone.png");
		assertThat(jdbc.sql("select number from supervision_notice where title = ?")
			.param(title)
			.query(String.class)
			.single()).isEqualTo(driver.findElement(By.id("notice-number")).getText());

		click(driver, By.cssSelector("#supervision-tabs a[href='/supervision/notices']"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notices")));
		assertThat(driver.findElement(By.id("notices")).getText()).contains(title);
		assertShownAsText(driver);
		assertNoSidewaysScrolling(driver);
	}

	@Test
	void theReadOnlyInspectorSeesNoWriteButton() {
		WebDriver driver = chromium.driver();
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		long visit = jdbc.sql("select max(id) from supervision_visit").query(Long.class).single();
		long notice = jdbc.sql("select max(id) from supervision_notice").query(Long.class).single();
		Browsers.signIn(driver, port, DemoUsers.INSPECTOR, DemoUsers.PASSWORD);
		driver.get("http://localhost:" + port + "/supervision");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("groups")));
		assertThat(driver.findElements(By.id("group-form"))).isEmpty();
		driver.get("http://localhost:" + port + "/supervision/visits");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("visits")));
		assertThat(driver.findElements(By.id("new-visit"))).isEmpty();
		assertThat(driver.findElement(By.id("visits-export")).isDisplayed()).isTrue();
		assertNoSidewaysScrolling(driver);
		driver.get("http://localhost:" + port + "/supervision/visits/" + visit);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("findings")));
		assertThat(driver.findElements(By.cssSelector("#notice-from-visit, #finding-form, .hazard-form"))).isEmpty();
		driver.get("http://localhost:" + port + "/supervision/notices");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notices")));
		assertThat(driver.findElements(By.id("new-notice"))).isEmpty();
		driver.get("http://localhost:" + port + "/supervision/notices/" + notice);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice-number")));
		assertThat(driver.findElements(By.id("confirm-receipt"))).isEmpty();
		assertThat(driver.findElements(By.cssSelector("main form[method=post]"))).isEmpty();
		driver.get("http://localhost:" + port + "/supervision/visits/new");
		assertThat(driver.findElements(By.id("visit-form"))).isEmpty();
		assertThat(driver.findElement(By.cssSelector("#error-page h1")).getText()).startsWith("403");
	}

}
