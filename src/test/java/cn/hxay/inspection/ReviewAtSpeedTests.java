package cn.hxay.inspection;

import java.time.LocalDate;
import java.util.Map;

import cn.hxay.demo.DemoUsers;
import cn.hxay.posture.Postures;
import cn.hxay.posture.SecurityPosture;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.inspection.InspectionFlowTests.completeAnswers;
import static cn.hxay.inspection.InspectionFlowTests.inspectionOfLead;
import static cn.hxay.inspection.InspectionFlowTests.launch;
import static cn.hxay.inspection.InspectionFlowTests.version;
import static cn.hxay.inspection.InspectionFlowTests.withAction;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review at working speed: the reviewer sees when a form was submitted, goes from one
 * form waiting for acceptance to the next, and accepts every form without failing items
 * in one step, while a form with a missing police part stays for one-by-one review.
 */
@PlatformTest
class ReviewAtSpeedTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Postures postures;

	@Test
	void reviewerStepsThroughSubmittedFormsAndAcceptsTheCleanOnesAtOnce() {
		LocalDate today = LocalDate.now();
		WebSession county = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD);
		long campaign = launch(county, "批量验收测试-" + System.nanoTime(), "320402", today, today.plusDays(30));
		long clean = inspectionOfLead(port, campaign);
		WebSession school = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, DemoUsers.PASSWORD);
		// the form starts from the school's posture record, marked so, and says where it
		// differs before submission
		long schoolId = jdbc.sql("""
				select id from school where organisation_id =
				  (select organisation_id from user_account where username = 'school.lead')""")
			.query(Long.class)
			.single();
		SecurityPosture record = postures.current(schoolId);
		Page fresh = school.get("/inspections/" + clean);
		if (record.cameras() != null) {
			assertThat(fresh.body()).containsPattern("name=\"a\\[cameras\\]\" value=\"" + record.cameras() + "\"")
				.contains("已按安全防范档案预填，请核实");
		}
		Map<String, Object> answers = completeAnswers(version(fresh));
		answers.put("a[antiRamming]", "true");
		answers.put("a[hazardsFixed]", "1");
		answers.put("a[hazardsOpen]", "0");
		school.postForm("/inspections/" + clean, withAction(answers, "draft"));
		if (record.cameras() != null && record.cameras() != 48) {
			assertThat(school.get("/inspections/" + clean).body())
				.contains("检查表填报视频探头 48 个，学校安全防范档案登记 " + record.cameras() + " 个");
		}
		WebSession station = WebSession.signedIn(port, DemoUsers.STATION_OFFICER, DemoUsers.PASSWORD);
		station.postForm("/inspections/" + clean, Map.of("version", version(station.get("/inspections/" + clean)),
				"a[disorderSpots]", "无", "a[disorderFixed]", "true", "a[instability]", "无", "action", "draft"));
		station.postForm("/inspections/" + clean + "/cosign",
				Map.of("version", version(station.get("/inspections/" + clean))));
		Page submitted = school.follow(school.postForm("/inspections/" + clean,
				Map.of("version", version(school.get("/inspections/" + clean)), "action", "submit")));
		assertThat(submitted.body()).contains("已提交待验收");
		// a second form of another school, submitted later without its police part
		long other = jdbc.sql("""
				select id from inspection where campaign_id = ? and id <> ? order by id limit 1""")
			.params(campaign, clean)
			.query(Long.class)
			.single();
		jdbc.sql("update inspection set state = 'SUBMITTED', submitted_at = now() + interval '1 minute' where id = ?")
			.param(other)
			.update();

		Page first = county.get("/inspections/" + clean);
		assertThat(first.body()).contains("提交日期").contains("id=\"next-to-review\" href=\"/inspections/" + other + "\"");
		assertThat(first.body()).doesNotContain("id=\"previous-to-review\"");
		Page second = county.get("/inspections/" + other);
		assertThat(second.body()).contains("id=\"previous-to-review\" href=\"/inspections/" + clean + "\"");

		Page list = county.get("/inspections/campaigns/" + campaign + "/schools?state=SUBMITTED");
		assertThat(list.body()).contains("批量验收无不符合项的检查表").contains("<th>提交日期</th>");
		Page unconfirmed = county.postForm("/inspections/campaigns/" + campaign + "/accept-clean", Map.of());
		assertThat(unconfirmed.status()).isEqualTo(400);
		assertThat(WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, DemoUsers.PASSWORD)
			.postForm("/inspections/campaigns/" + campaign + "/accept-clean", Map.of("confirm", "true"))
			.status()).isEqualTo(403);
		Page accepted = county
			.follow(county.postForm("/inspections/campaigns/" + campaign + "/accept-clean", Map.of("confirm", "true")));
		assertThat(accepted.body()).contains("已批量验收 1 份无不符合项的检查表");
		assertThat(state(clean)).isEqualTo("ACCEPTED");
		assertThat(state(other)).isEqualTo("SUBMITTED");
	}

	private String state(long id) {
		return jdbc.sql("select state from inspection where id = ?").param(id).query(String.class).single();
	}

}
