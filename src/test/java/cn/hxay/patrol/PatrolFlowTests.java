package cn.hxay.patrol;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import cn.hxay.demo.DemoUsers;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.school.School;
import cn.hxay.shared.PlatformTime;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.support.Texts.find;
import static cn.hxay.support.Texts.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Patrols over real HTTP and PostgreSQL: points printed as QR codes that open the scan
 * page; a complete round counts, a round walked too fast is flagged, a round left
 * unfinished has missed points once its time is over (clock moved on), and with the day
 * over the rounds short of the plan (GB/T 29315-2022: 5) are 漏巡; the county sees the
 * school's status, another county does not; the plan and the duty roster set the posture
 * facts 巡查制度, 假期值班表 and 领导带班.
 */
@PlatformTest
class PatrolFlowTests {

	private static final String PW = DemoUsers.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Patrols patrols;

	@Autowired
	Organisations organisations;

	@Autowired
	Clock clock;

	private Page api(String method, String path, String user, String body) {
		return new WebSession(port).api(method, path, user, PW, body, Map.of());
	}

	private long leadSchoolId() {
		return json(api("GET", "/api/v1/schools", DemoUsers.SCHOOL_LEAD, null).body()).get("items")
			.get(0)
			.get("id")
			.asLong();
	}

	private Page scan(String token) {
		return api("POST", "/api/v1/patrols/scans", DemoUsers.SCHOOL_LEAD, "{\"token\":\"" + token + "\"}");
	}

	@Test
	void roundsAreCountedAgainstThePlanAndMissedOrTooFastRoundsFlagged() throws Exception {
		long schoolId = leadSchoolId();
		WebSession lead = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, PW);
		lead.get("/patrols/points");
		// a plan below the standard's 5 rounds is refused, typed values kept
		Page low = lead.postForm("/patrols/plan",
				Map.of("roundsPerDay", "3", "minSecondsBetween", "0", "roundMinutes", "120"));
		assertThat(low.status()).isEqualTo(400);
		assertThat(low.body()).contains("GB/T 29315-2022").contains("value=\"3\"");
		Page noOrder = lead.postForm("/patrols/points", Map.of("name", "北门", "order", "x"));
		assertThat(noOrder.status()).isEqualTo(400);
		assertThat(noOrder.body()).contains("巡更顺序").contains("北门");
		int order = 10;
		for (String name : List.of("东门" + System.nanoTime() % 1000, "教学楼一楼", "配电房")) {
			Page added = lead.postForm("/patrols/points", Map.of("name", name, "order", String.valueOf(order++)));
			assertThat(added.status()).isIn(302, 400);
		}
		List<String> tokens = jdbc
			.sql("select token from patrol_point where school_id = ? and active order by sort_order, id")
			.param(schoolId)
			.query(String.class)
			.list();
		assertThat(tokens).hasSizeGreaterThanOrEqualTo(3);
		// the posture fact 巡查制度 now comes from the records
		assertThat(json(api("GET", "/api/v1/schools/" + schoolId + "/posture", DemoUsers.SCHOOL_LEAD, null).body())
			.toString()).contains("\"patrolRules\":true");

		// the printed QR code opens the scan page of that point
		long pointId = jdbc.sql("select id from patrol_point where token = ?")
			.param(tokens.get(0))
			.query(Long.class)
			.single();
		Page qr = lead.get("/patrols/points/" + pointId + "/qr.png");
		assertThat(qr.status()).isEqualTo(200);
		assertThat(qr.header("Content-Type")).isEqualTo("image/png");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(qr.bytes()));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		// a printed code read as what it is, a computer-made symbol (ZXing's
		// finder-pattern
		// search sometimes misreads one on a clean white ground)
		String url = new QRCodeReader()
			.decode(new BinaryBitmap(
					new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
					Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
			.getText();
		assertThat(url).endsWith("/patrols/scan/" + tokens.get(0));
		assertThat(lead.get("/patrols/points/print").body()).contains("/patrols/points/" + pointId + "/qr.png");
		assertThat(WebSession.signedIn(port, DemoUsers.OTHER_COUNTY_EDUCATION, PW)
			.get("/patrols/points/" + pointId + "/qr.png")
			.status()).isEqualTo(404);
		assertThat(api("POST", "/api/v1/patrols/scans", DemoUsers.COUNTY_EDUCATION,
				"{\"token\":\"" + tokens.get(0) + "\"}")
			.status()).as("a point of another school (or none) is not found").isEqualTo(404);

		// a plausible complete round (no minimum pace) counts
		lead.postForm("/patrols/plan", Map.of("roundsPerDay", "5", "minSecondsBetween", "0", "roundMinutes", "120"));
		for (String token : tokens) {
			assertThat(scan(token).status()).isEqualTo(200);
		}
		School school = schoolOfLead();
		LocalDate today = PlatformTime.today(clock);
		PatrolDay day = patrols.day(school, today);
		long valid = day.validRounds();
		assertThat(valid).isGreaterThanOrEqualTo(1);
		int flaggedBefore = day.flaggedRounds().size();

		// a round walked faster than 60 s between points is flagged and does not count
		lead.postForm("/patrols/plan", Map.of("roundsPerDay", "5", "minSecondsBetween", "60", "roundMinutes", "120"));
		Page last = null;
		for (String token : tokens) {
			last = scan(token);
		}
		JsonNode fast = json(last.body());
		assertThat(fast.get("tooFast").asBoolean()).isTrue();
		assertThat(fast.get("valid").asBoolean()).isFalse();
		assertThat(fast.get("verdict").asString()).contains("过快");
		day = patrols.day(school, today);
		assertThat(day.validRounds()).isEqualTo(valid);
		assertThat(day.flaggedRounds()).hasSize(flaggedBefore + 1);

		// a round with one point scanned is under way now; with the clock 3 h on its time
		// is over and two points are missed
		JsonNode started = json(scan(tokens.get(0)).body());
		assertThat(started.get("open").asBoolean()).isTrue();
		assertThat(patrols.day(school, today).flaggedRounds()).hasSize(flaggedBefore + 1);
		Instant later = clock.instant().plus(Duration.ofHours(3));
		PatrolDay judgedLater = patrols.day(school, today, later);
		PatrolRound unfinished = judgedLater.rounds()
			.stream()
			.filter(r -> r.id() == started.get("id").asLong())
			.findFirst()
			.orElseThrow();
		assertThat(unfinished.missedPoints(later)).isEqualTo(tokens.size() - 1);
		assertThat(unfinished.verdict(later)).isEqualTo("漏检 " + (tokens.size() - 1) + " 个点位");
		assertThat(judgedLater.flaggedRounds()).hasSize(flaggedBefore + 2);

		// the next day: today is over and the rounds short of the plan are 漏巡
		Instant tomorrow = clock.instant().plus(Duration.ofDays(1));
		PatrolDay over = patrols.day(school, today, tomorrow);
		assertThat(over.over()).isTrue();
		assertThat(over.required()).isEqualTo(5);
		assertThat(over.missingRounds()).isEqualTo(Math.max(0, 5 - valid));
		assertThat(over.met()).isEqualTo(valid >= 5);
		// the county sees the same figures for the school, judged the same way
		DataScope county = organisations.scopeOf(jdbc.sql("select organisation_id from user_account where username = ?")
			.param(DemoUsers.COUNTY_EDUCATION)
			.query(Long.class)
			.single(), false);
		SchoolPatrolStatus status = patrols.statuses(county, today, tomorrow)
			.stream()
			.filter(s -> s.schoolId() == schoolId)
			.findFirst()
			.orElseThrow();
		assertThat(status.validRounds()).isEqualTo(valid);
		assertThat(status.flaggedRounds()).isEqualTo(over.flaggedRounds().size());

		// the school's page lists exactly the flagged rounds of now
		Page page = lead.get("/patrols");
		assertThat(Long.parseLong(find(page.body(), "共 (\\d+) 条")))
			.isEqualTo(patrols.day(school, today).flaggedRounds().size());
		assertThat(page.body()).contains("过快");
		// the county sees the school's status, another county does not
		assertThat(api("GET", "/api/v1/patrols", DemoUsers.COUNTY_EDUCATION, null).body()).contains(school.name());
		assertThat(api("GET", "/api/v1/patrols", DemoUsers.OTHER_COUNTY_EDUCATION, null).body())
			.doesNotContain(school.name());
		JsonNode own = json(api("GET", "/api/v1/patrols", DemoUsers.SCHOOL_LEAD, null).body());
		assertThat(own.get("required").asInt()).isEqualTo(5);
		assertThat(own.get("rounds").size()).isEqualTo(patrols.day(school, today).rounds().size());
	}

	@Test
	void theDutyRosterSetsHolidayDutyAndLeaderOnDutyOnThePosture() {
		long schoolId = leadSchoolId();
		WebSession lead = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, PW);
		lead.get("/patrols/duty");
		LocalDate day = PlatformTime.today(clock).plusDays(20 + System.nanoTime() % 100);
		Page bad = lead.postForm("/patrols/duty", Map.of("day", "not-a-date", "person", "刘校长"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("刘校长").contains("not-a-date");
		assertThat(lead
			.postForm("/patrols/duty",
					Map.of("day", day.toString(), "person", "刘校长", "leader", "true", "holiday", "true"))
			.status()).isEqualTo(302);
		assertThat(lead.postForm("/patrols/duty", Map.of("day", day.toString(), "person", "保安 周师傅", "holiday", "true"))
			.status()).isEqualTo(302);
		String posture = json(
				api("GET", "/api/v1/schools/" + schoolId + "/posture", DemoUsers.SCHOOL_LEAD, null).body())
			.toString();
		assertThat(posture).contains("\"holidayDutyRoster\":true");
		boolean everyDayLed = patrols.leaderOnEveryDay(schoolOfLead());
		assertThat(posture).contains("\"leaderOnDuty\":" + everyDayLed);
		// a rostered day without a leader: 领导带班 is no longer met
		assertThat(
				lead.postForm("/patrols/duty", Map.of("day", day.plusDays(1).toString(), "person", "保安 吴师傅")).status())
			.isEqualTo(302);
		assertThat(json(api("GET", "/api/v1/schools/" + schoolId + "/posture", DemoUsers.SCHOOL_LEAD, null).body())
			.toString()).contains("\"leaderOnDuty\":false");
		assertThat(lead.get("/patrols/duty").body()).contains("有排班日没有带班领导");
		assertThat(jdbc.sql("select recorded_by from posture_version where school_id = ? order by id desc limit 1")
			.param(schoolId)
			.query(String.class)
			.single()).isEqualTo(Patrols.RECORDED_BY);
	}

	private School schoolOfLead() {
		long unit = jdbc.sql("select organisation_id from user_account where username = ?")
			.param(DemoUsers.SCHOOL_LEAD)
			.query(Long.class)
			.single();
		CurrentUser user = new CurrentUser(0, DemoUsers.SCHOOL_LEAD, "lead", unit, Set.of(Role.SCHOOL_SAFETY_LEAD));
		return patrols.ownSchool(user, organisations.scopeOf(unit, false)).orElseThrow();
	}

}
