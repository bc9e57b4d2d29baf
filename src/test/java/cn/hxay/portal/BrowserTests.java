package cn.hxay.portal;

import cn.hxay.support.Browsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import cn.hxay.demo.DemoUsers;
import cn.hxay.inspection.InspectionFlowTests;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person in headless Chromium: signs in, opens the school list, filters it (htmx swaps
 * the table), opens a school.
 */
@PlatformTest
class BrowserTests {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static WebDriver driver;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws Exception {
		Files.createDirectories(SCREENSHOTS);
		driver = Browsers.start(Browsers.desktop("1400,1000"));
	}

	@BeforeEach
	void signOut() {
		driver.get("http://localhost:" + port + "/login");
		driver.manage().deleteAllCookies();
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	@Test
	void countyOfficerSignsInFiltersTheSchoolListAndOpensASchool() throws Exception {
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		driver.get("http://localhost:" + port + "/schools");
		wait.until(ExpectedConditions.urlContains("/login"));
		driver.findElement(By.id("username")).sendKeys(DemoUsers.COUNTY_EDUCATION);
		driver.findElement(By.id("password")).sendKeys(DemoUsers.PASSWORD);
		driver.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("schools")));
		assertThat(driver.findElement(By.id("signed-in-as")).getText()).contains(DemoUsers.COUNTY_EDUCATION);
		String before = driver.findElement(By.cssSelector(".pager-info")).getText();
		assertThat(before).contains("共 ");

		WebElement oldTable = driver.findElement(By.id("schools"));
		new Select(driver.findElement(By.id("filter-kind"))).selectByVisibleText("幼儿园");
		wait.until(ExpectedConditions.stalenessOf(oldTable));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("schools")));
		assertThat(driver.getCurrentUrl()).contains("kind=KINDERGARTEN");
		String after = driver.findElement(By.cssSelector(".pager-info")).getText();
		assertThat(after).isNotEqualTo(before);
		assertThat(driver.findElements(By.cssSelector("#schools tbody tr td:nth-child(3)"))).isNotEmpty()
			.allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("幼儿园"));
		screenshot("school-list-filtered.png");

		WebElement filteredTable = driver.findElement(By.id("schools"));
		new Select(driver.findElement(By.id("filter-region"))).selectByVisibleText("天宁区");
		wait.until(ExpectedConditions.stalenessOf(filteredTable));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("filter-station"), "青龙派出所"));
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.school-link")));

		WebElement first = driver.findElement(By.cssSelector("a.school-link"));
		String name = first.getText();
		first.click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("school-name")));
		assertThat(driver.findElement(By.id("school-name")).getText()).isEqualTo(name);
		assertThat(driver.getPageSource()).contains("天宁区教育局").contains("学校标识码");
		screenshot("school-detail.png");
	}

	@Test
	void startPageDrawsTheSchoolsPerCountyChart() throws Exception {
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		signIn(DemoUsers.CITY_EDUCATION);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-by-region canvas")));
		assertThat(driver.findElement(By.id("stat-schools")).getText()).matches("\\d+");
		screenshot("home.png");
	}

	@Test
	void officialDrillsFromTheCountyRatesToWhatAFailingSchoolLacks() throws Exception {
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		signIn(DemoUsers.COUNTY_EDUCATION);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
		driver.get("http://localhost:" + port + "/compliance");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rates-chart canvas")));
		assertThat(driver.findElement(By.id("rates")).getText()).contains("天宁区（合计）").contains("视频监控接入平台率");
		screenshot("compliance-rates.png");
		WebElement failingRate = driver.findElement(By.cssSelector("#rates tbody tr.table-primary a.text-danger"));
		failingRate.click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("failing")));
		WebElement school = driver.findElement(By.cssSelector("#failing tbody a"));
		String name = school.getText();
		school.click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("findings")));
		assertThat(driver.getPageSource()).contains(name).contains("合规评估");
		assertThat(driver.findElements(By.cssSelector("#findings tr.table-danger, #findings tr.table-warning")))
			.isNotEmpty();
		String firstProblem = driver.findElement(By.cssSelector("#findings tbody tr")).getText();
		assertThat(firstProblem).containsAnyOf("不合格", "缺少数据");
		screenshot("compliance-school.png");
		driver.findElement(By.linkText("安全防范情况")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("posture-history")));
		assertThat(driver.findElement(By.id("fact-closedManagement")).isDisplayed()).isTrue();
		assertThat(driver.getPageSource()).contains("保安员").contains("历史版本");
		screenshot("posture.png");
	}

	@Test
	void schoolLeadFillsInTheSelfInspectionOnAPhoneAndSubmitsIt() throws Exception {
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD);
		String title = "浏览器自查测试-" + System.nanoTime();
		long campaign = InspectionFlowTests.launch(county, title, "320402", LocalDate.now(),
				LocalDate.now().plusDays(20));
		long id = InspectionFlowTests.inspectionOfLead(port, campaign);

		driver.manage().window().setSize(new Dimension(412, 915));
		try {
			WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
			signIn(DemoUsers.SCHOOL_LEAD);
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
			driver.get("http://localhost:" + port + "/inspections");
			click(driver.findElement(By.linkText(title)));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("progress")));
			driver.get("http://localhost:" + port + "/inspections/" + id);
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fill-form")));
			for (WebElement yes : driver.findElements(By.cssSelector("#fill-form label[for$='_t']"))) {
				click(yes);
			}
			click(driver.findElement(By.cssSelector("label[for='a_antiRamming_f']")));
			click(driver.findElement(By.cssSelector("label[for='a_oneKeyAlarmInDormitory_na']")));
			Map<String, String> typed = Map.of("a_workingTeamLead", "王校长", "a_guards", "2", "a_certifiedGuards", "2",
					"a_overAgeGuards", "0", "a_cameras", "30", "a_hazardsFound", "1", "a_hazardsFixed", "0",
					"a_hazardsOpen", "1", "a_report", "自查完成，校门防冲撞设施待建。", "headmaster", "王明");
			typed.forEach((field, value) -> {
				WebElement input = driver.findElement(By.id(field));
				((JavascriptExecutor) driver)
					.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", input);
				// the form comes prefilled from the posture record: type over it
				input.clear();
				input.sendKeys(value);
			});
			click(driver.findElement(By.id("save-draft")));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "填报中"));
			assertThat(driver.findElement(By.id("a_cameras")).getAttribute("value")).isEqualTo("30");
			assertThat(driver.findElement(By.id("a_antiRamming_f")).isSelected()).isTrue();
			screenshot("self-inspection-phone.png");

			// submitting before the police station co-signs is refused with the reason
			click(driver.findElement(By.id("submit-inspection")));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
			assertThat(driver.findElement(By.id("form-errors")).getText()).contains("请先由派出所会签");

			WebSession station = WebSession.signedIn(port, DemoUsers.STATION_OFFICER, DemoUsers.PASSWORD);
			station.postForm("/inspections/" + id + "/cosign",
					Map.of("version", InspectionFlowTests.version(station.get("/inspections/" + id))));

			driver.get("http://localhost:" + port + "/inspections/" + id);
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cosign"), "青龙派出所"));
			click(driver.findElement(By.id("submit-inspection")));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "已提交待验收"));
			assertThat(driver.findElements(By.id("fill-form"))).isEmpty();
			assertThat(driver.findElement(By.id("findings")).getText()).contains("硬质防冲撞设施有无").contains("不符合");
			screenshot("self-inspection-submitted.png");
		}
		finally {
			driver.manage().window().setSize(new Dimension(1400, 1000));
		}
	}

	@Test
	void countyOfficerWatchesTheCampaignAndOpensASubmittedForm() throws Exception {
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		signIn(DemoUsers.COUNTY_EDUCATION);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
		driver.get("http://localhost:" + port + "/inspections");
		click(driver.findElement(By.partialLinkText("秋季学校及周边安全排查整改")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#progress-chart canvas")));
		assertThat(driver.findElement(By.id("progress")).getText()).contains("天宁区").contains("合计");
		screenshot("campaign-progress.png");
		click(driver.findElement(By.cssSelector("#progress tbody tr:first-child td:nth-child(3) a")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inspections")));
		assertThat(driver.findElements(By.cssSelector("#inspections tbody a"))).isNotEmpty()
			.allSatisfy(a -> assertThat(a.findElement(By.xpath("../..")).getText()).contains("已提交待验收"));
		click(driver.findElement(By.cssSelector("#inspections tbody a")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review")));
		assertThat(driver.findElement(By.id("findings")).getText()).contains("是否成立工作专班").contains("（敏感信息，由公安机关掌握）");
		screenshot("inspection-review.png");
		driver.get("http://localhost:" + port + "/hazards");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hazards")));
		screenshot("hazard-ledger.png");
	}

	private static void click(WebElement element) {
		((JavascriptExecutor) driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		element.click();
	}

	private void signIn(String username) {
		Browsers.signIn(driver, port, username, DemoUsers.PASSWORD);
	}

	private static void screenshot(String name) {
		Browsers.screenshot(driver, name);
	}

}
