package cn.hxay.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import cn.hxay.demo.DemoUsers;
import cn.hxay.organisation.DataScope;
import cn.hxay.shared.PlatformTime;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.support.Texts.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Report prefilling from every module, as of the period's end: a report opened after its
 * period counts the incidents, drills, safety education, group activities, 护学岗 coverage
 * and hazards of that period only (records dated after the period's end are left out),
 * and each prefilled figure equals the list it comes from, filtered to the period. The
 * police's statistics table lists every case and carries key-person control, which an
 * education unit's report is never offered.
 */
@PlatformTest
class ReportFiguresTests {

	static final String PW = DemoUsers.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	Reports reports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	Page api(String method, String path, String user, String body) {
		return new WebSession(port).api(method, path, user, PW, body, Map.of());
	}

	JsonNode get(String path, String user) {
		Page page = api("GET", path, user, null);
		assertThat(page.status()).as(path + " " + page.body()).isEqualTo(200);
		return json(page.body());
	}

	/** A report defined by {@code by}, and the last of its periods that is over. */
	record Defined(long id, Period ended, Period current) {
	}

	Defined define(String by, String form, String cadence, String targets) {
		LocalDate today = PlatformTime.today(clock);
		Page created = api("POST", "/api/v1/reports", by, """
				{"title":"期末数据-%d","form":"%s","cadence":"%s","dueDay":3,"startsOn":"%s","lockDays":30,
				 "remindDays":2,"targetKind":"%s"}""".formatted(System.nanoTime(), form, cadence, today.minusDays(70),
				targets));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = json(created.body()).get("id").asLong();
		ReportDefinition d = reports.definition(DataScope.everything(true), id);
		Period ended = d.periods(today)
			.stream()
			.filter(p -> p.end().isBefore(today))
			.max(Comparator.comparing(Period::end))
			.orElseThrow();
		return new Defined(id, ended, d.current(today).orElseThrow());
	}

	long lastOpened;

	Map<String, JsonNode> open(Defined d, Period p, String user) {
		Page opened = api("POST", "/api/v1/reports/" + d.id() + "/submissions?period=" + p.start(), user, null);
		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		lastOpened = json(opened.body()).get("id").asLong();
		Map<String, JsonNode> values = new HashMap<>();
		json(opened.body()).get("values").forEach(v -> values.put(v.get("field").asString(), v));
		return values;
	}

	static long prefilled(Map<String, JsonNode> values, String field) {
		JsonNode v = values.get(field).get("prefilled");
		assertThat(v.isNull()).as(field + " prefilled").isFalse();
		return Long.parseLong(v.asString());
	}

	long unitOf(String username) {
		return jdbc.sql("select organisation_id from user_account where username = ?")
			.param(username)
			.query(Long.class)
			.single();
	}

	JsonNode qinglongSchool() {
		return get("/api/v1/schools?size=1", DemoUsers.STATION_OFFICER).get("items").get(0);
	}

	/** A first report (初报) by 青龙派出所 of an incident at the given moment. */
	void incident(long school, String type, Instant at, String place) {
		String local = PlatformTime.local(at).truncatedTo(ChronoUnit.MINUTES).toString();
		Page created = api("POST", "/api/v1/incidents", DemoUsers.STATION_OFFICER, """
				{"schoolId":%d,"type":"%s","occurredAt":"%s","place":"%s","persons":"学生 2 名",
				 "what":"两名学生在校门口发生冲突，已处置。","deaths":0,"injured":0}""".formatted(school, type, local, place));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	/** A drill, a safety lecture and a group activity of the school on a day. */
	void educationOn(long school, LocalDate day) {
		String edu = DemoUsers.COUNTY_EDUCATION;
		assertThat(api("POST", "/api/v1/drills", edu, """
				{"schoolId":%d,"type":"FIRE","day":"%s","participants":300,"durationMinutes":15}""".formatted(school,
				day))
			.status()).isEqualTo(201);
		Page session = api("POST", "/api/v1/drills/sessions", edu,
				"""
						{"schoolId":%d,"kind":"LEGAL_LECTURE","heldOn":"%s","topic":"预防校园欺凌","speaker":"法治副校长","audience":200}"""
					.formatted(school, day));
		assertThat(session.status()).as(session.body()).isEqualTo(201);
		Page activity = api("POST", "/api/v1/drills/activities", edu, """
				{"schoolId":%d,"heldOn":"%s","title":"研学","people":40,"leaderResponsible":true,"leaderName":"李副校长"}"""
			.formatted(school, day));
		assertThat(activity.status()).as(activity.body()).isEqualTo(201);
	}

	static long count(JsonNode array, Predicate<JsonNode> test) {
		return StreamSupport.stream(array.spliterator(), false).filter(test).count();
	}

	@Test
	void aReportOpenedAfterItsPeriodShowsThatPeriodsFiguresEachEqualToItsList() {
		String edu = DemoUsers.COUNTY_EDUCATION;
		Defined d = define(DemoUsers.CITY_EDUCATION, "PROGRESS", "HALF_MONTHLY", "COUNTY_EDUCATION_BUREAU");
		Period p = d.ended();
		long school = qinglongSchool().get("id").asLong();
		// records on the period's last day, and records after it (today)
		Instant lastDay = p.end().atTime(10, 0).atZone(PlatformTime.ZONE).toInstant();
		Instant now = clock.instant();
		String inside = "期内-" + System.nanoTime();
		String after = "期后-" + System.nanoTime();
		Target county = new Target(unitOf(edu), "天宁区教育局", "320402", false);
		Map<String, ReportFigure> periodBefore = reports.figures(county, p);
		Map<String, ReportFigure> currentBefore = reports.figures(county, d.current());
		incident(school, "BULLYING", lastDay, inside);
		incident(school, "TRAFFIC", now.minusSeconds(60), after);
		educationOn(school, p.end());
		educationOn(school, PlatformTime.today(clock));
		// one of the county's hazards was found on the period's last day; the rest, and
		// any found today, came after it
		int backdated = jdbc
			.sql("update hazard set found_at = ? where id = (select min(id) from hazard where region_code = '320402'"
					+ " and not sensitive and found_at > ?)")
			.params(Timestamp.from(lastDay), Timestamp.from(lastDay))
			.update();
		Map<String, ReportFigure> periodAfter = reports.figures(county, p);
		Map<String, ReportFigure> currentAfter = reports.figures(county, d.current());
		// what was dated in the period counts for it, what came after counts for today's
		for (String key : new String[] { "incident.total", "drill.held", "drill.sessions", "drill.activities" }) {
			assertThat(periodAfter.get(key).value() - periodBefore.get(key).value()).as(key).isEqualTo(1);
			assertThat(currentAfter.get(key).value() - currentBefore.get(key).value()).as(key).isEqualTo(1);
		}
		assertThat(periodAfter.get("hazard.total").value() - periodBefore.get("hazard.total").value())
			.isEqualTo(backdated);

		Map<String, JsonNode> late = open(d, p, edu);

		// incidents: the list of the period's days, with the case of the last day and
		// without today's
		JsonNode incidents = get("/api/v1/incidents?from=" + p.start() + "&to=" + p.end() + "&size=200", edu);
		assertThat(incidents.toString()).contains(inside).doesNotContain(after);
		assertThat(prefilled(late, "incidentsTotal")).isEqualTo(incidents.get("total").asLong()).isPositive();
		assertThat(late.get("incidentsTotal").get("source").asString()).isEqualTo(IncidentFigures.SOURCE);

		// drills held in the period; sessions and activities as the Annex 1 page of those
		// days adds them up
		assertThat(prefilled(late, "drillsHeld")).isEqualTo(periodAfter.get("drill.held").value()).isPositive();
		JsonNode annex = get("/api/v1/drills/annex?from=" + p.start() + "&to=" + p.end(), edu);
		long sessions = 0;
		long activities = 0;
		for (JsonNode row : annex.get("schools")) {
			sessions += row.get("educationSessions").asLong() + row.get("legalLectures").asLong();
			activities += row.get("activities").asLong();
		}
		assertThat(prefilled(late, "safetySessions")).isEqualTo(sessions).isPositive();
		assertThat(prefilled(late, "groupActivities")).isEqualTo(activities).isPositive();

		// 护学岗: the coverage page of each day of the period, added up
		long due = 0;
		long met = 0;
		for (LocalDate day = p.start(); !day.isAfter(p.end()); day = day.plusDays(1)) {
			JsonNode total = get("/api/v1/duty-posts/coverage?day=" + day, edu).get("total");
			due += total.get("peaks").asLong() - total.get("pending").asLong();
			met += total.get("met").asLong();
		}
		assertThat(prefilled(late, "postsDue")).isEqualTo(due);
		assertThat(prefilled(late, "postsMet")).isEqualTo(met);

		// hazards: the ledger as it stood at the period's end
		Instant end = p.end().plusDays(1).atStartOfDay(PlatformTime.ZONE).toInstant();
		JsonNode hazards = get("/api/v1/hazards", edu);
		Predicate<JsonNode> foundBy = h -> Instant.parse(h.get("foundAt").asString()).isBefore(end);
		Predicate<JsonNode> closedBy = h -> !h.get("closedAt").isNull()
				&& Instant.parse(h.get("closedAt").asString()).isBefore(end);
		long total = count(hazards, foundBy);
		assertThat(prefilled(late, "hazardsTotal")).isEqualTo(total).isPositive();
		assertThat(prefilled(late, "hazardsTotal")).as("hazards found after the period are left out")
			.isLessThan(hazards.size());
		assertThat(prefilled(late, "hazardsClosed")).isEqualTo(count(hazards, foundBy.and(closedBy)));
		Predicate<JsonNode> openThen = foundBy.and(closedBy.negate());
		assertThat(prefilled(late, "hazardsOverdue")).isEqualTo(count(hazards, openThen.and(
				h -> h.get("overdue").asBoolean() && LocalDate.parse(h.get("deadline").asString()).isBefore(p.end()))));

		// the current period counts what came after: today's incident, drill and hazards
		Map<String, JsonNode> current = open(d, d.current(), edu);
		JsonNode now_ = get("/api/v1/incidents?from=" + d.current().start() + "&to=" + d.current().end() + "&size=200",
				edu);
		assertThat(now_.toString()).contains(after).doesNotContain(inside);
		assertThat(prefilled(current, "incidentsTotal")).isEqualTo(now_.get("total").asLong());
		assertThat(prefilled(current, "drillsHeld")).isPositive();
		assertThat(prefilled(current, "hazardsTotal")).isEqualTo(hazards.size());
		// an education unit's report is not offered key-person figures
		assertThat(late).doesNotContainKey("keyPersonsUnderControl");
		assertThat(late.values()).noneMatch(v -> v.get("policeOnly").asBoolean());
	}

	@Test
	void thePoliceStatisticsTableListsEachCaseOfItsPeriodAndKeyPersonControlOnlyForThePolice() {
		Defined d = define(DemoUsers.COUNTY_POLICE, "FUQING_2013", "TENTH_AND_25TH", "POLICE_STATION");
		Period p = d.ended();
		long school = qinglongSchool().get("id").asLong();
		String inside = "期内-" + System.nanoTime();
		String after = "期后-" + System.nanoTime();
		incident(school, "INTRUSION", p.end().atTime(15, 30).atZone(PlatformTime.ZONE).toInstant(), inside);
		incident(school, "FIRE", p.end().atTime(16, 0).atZone(PlatformTime.ZONE).toInstant(), inside + "火");
		incident(school, "INTRUSION", clock.instant().minusSeconds(60), after);

		Map<String, JsonNode> v = open(d, p, DemoUsers.STATION_OFFICER);
		String police = DemoUsers.STATION_OFFICER;
		String days = "&from=" + p.start() + "&to=" + p.end() + "&size=200";
		long offences = 0;
		for (String type : new String[] { "VIOLENCE", "INTRUSION", "BULLYING", "THEFT" }) {
			offences += get("/api/v1/incidents?type=" + type + days, police).get("total").asLong();
		}
		long intrusions = get("/api/v1/incidents?type=INTRUSION" + days, police).get("total").asLong();
		long fires = get("/api/v1/incidents?type=FIRE" + days, police).get("total").asLong();
		long all = get("/api/v1/incidents?" + days.substring(1), police).get("total").asLong();
		assertThat(prefilled(v, "crimeCases")).isEqualTo(offences).isPositive();
		assertThat(prefilled(v, "crimeIntrusion")).isEqualTo(intrusions).isPositive();
		assertThat(prefilled(v, "preventionFire")).isEqualTo(fires).isPositive();
		assertThat(prefilled(v, "preventionOccurred")).isEqualTo(all - offences);
		// each case attached: one line per case, today's case not among them
		String crimes = v.get("crimeDetail").get("prefilled").asString();
		assertThat(crimes.lines().count()).isEqualTo(offences);
		assertThat(crimes).contains(inside).contains("非法侵入校园").doesNotContain(after);
		assertThat(v.get("preventionDetail").get("prefilled").asString()).contains(inside + "火");

		// key-person control: the list of persons under control, police-only
		long under = get("/api/v1/key-persons?status=UNDER_CONTROL&size=1", police).get("total").asLong();
		assertThat(prefilled(v, "keyPersonsUnderControl")).isEqualTo(under).isPositive();
		long overdue = prefilled(v, "keyPersonsOverdue");
		assertThat(prefilled(v, "keyPersonsRate")).isEqualTo(Math.round((under - overdue) * 100.0 / under));
		assertThat(v.get("keyPersonsUnderControl").get("policeOnly").asBoolean()).isTrue();
		// the page shows the cases to check, one per line, and marks the police figures
		String page = WebSession.signedIn(port, police, PW).get("/reports/submissions/" + lastOpened).body();
		assertThat(page).contains(inside).contains("重点人员管控（公安）").contains("公安掌握").contains("截至本期末");

		// the same table asked of the county education bureaus: no key-person figures
		Defined edu = define(DemoUsers.CITY_EDUCATION, "FUQING_2013", "TENTH_AND_25TH", "COUNTY_EDUCATION_BUREAU");
		Map<String, JsonNode> e = open(edu, edu.ended(), DemoUsers.COUNTY_EDUCATION);
		assertThat(e.get("keyPersonsUnderControl").get("prefilled").isNull()).isTrue();
		assertThat(e.get("keyPersonsRate").get("prefilled").isNull()).isTrue();
		assertThat(e.values()).noneMatch(x -> x.get("policeOnly").asBoolean());
	}

}
