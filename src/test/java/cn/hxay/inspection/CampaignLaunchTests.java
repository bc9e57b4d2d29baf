package cn.hxay.inspection;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.hxay.support.Texts.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A campaign handed out by the background job, as a province's would be (the job is
 * switched on from one school here): the launch answers at once, the campaign page shows
 * the progress and polls it while the forms are being written (held back by a lock on the
 * inspection table), then reloads; one form per school in scope, counted in PostgreSQL
 * and on the page.
 */
@PlatformTest
class CampaignLaunchTests {

	@LocalServerPort
	int port;

	@Autowired
	CampaignLaunch launches;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aLaunchInTheBackgroundShowsItsProgressAndHandsOutOneFormPerSchoolInScope() {
		launches.backgroundFrom(1);
		try {
			WebSession city = WebSession.signedIn(port, "city.edu", InspectionFlowTests.PW);
			long schools = jdbc.sql("select count(*) from school where region_code like '3204%'")
				.query(Long.class)
				.single();
			long[] campaign = new long[1];
			transactions.executeWithoutResult(tx -> {
				// the job waits for this lock before its first form is written
				jdbc.sql("lock table inspection in share mode").update();
				LocalDate today = LocalDate.now();
				campaign[0] = InspectionFlowTests.launch(city, "全市后台下发测试-" + System.nanoTime(), "320400", today,
						today.plusDays(20));
				Page page = city.get("/inspections/campaigns/" + campaign[0]);
				assertThat(page.body()).contains("检查任务已发起，正在向范围内各校下发自查表")
					.contains("id=\"campaign-launch\"")
					.contains("hx-get=\"/inspections/campaigns/" + campaign[0] + "\"");
				assertThat(find(page.body(), "id=\"launch-total\">(\\d+)<")).isEqualTo(String.valueOf(schools));
				assertThat(find(page.body(), "id=\"launch-done\">(\\d+)<")).isEqualTo("0");
				Page polled = city.exchange("GET", "/inspections/campaigns/" + campaign[0], null, null,
						Map.of("HX-Request", "true"));
				assertThat(polled.status()).isEqualTo(200);
				assertThat(polled.body()).contains("id=\"campaign-launch\"").doesNotContain("<html");
				assertThat(polled.header("HX-Refresh")).isNull();
			});

			await().atMost(Duration.ofSeconds(60))
				.until(() -> jdbc.sql("select state from inspection_campaign_launch where campaign_id = ?")
					.param(campaign[0])
					.query(String.class)
					.single(), "DONE"::equals);
			Page finished = city.exchange("GET", "/inspections/campaigns/" + campaign[0], null, null,
					Map.of("HX-Request", "true"));
			assertThat(finished.header("HX-Refresh")).isEqualTo("true");
			assertThat(jdbc.sql("select count(distinct school_id) from inspection where campaign_id = ?")
				.param(campaign[0])
				.query(Long.class)
				.single()).isEqualTo(schools);
			Page dashboard = city.get("/inspections/campaigns/" + campaign[0]);
			assertThat(dashboard.body()).doesNotContain("id=\"campaign-launch\"");
			assertThat(find(dashboard.body(), "<td>合计</td>\\s*<td><a[^>]*>(\\d+)</a>"))
				.isEqualTo(String.valueOf(schools));
		}
		finally {
			launches.backgroundFrom(2000);
		}
	}

}
