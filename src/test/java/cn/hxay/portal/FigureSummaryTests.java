package cn.hxay.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import cn.hxay.alarm.Devices;
import cn.hxay.alarm.NetworkingRate;
import cn.hxay.alarm.RateLevel;
import cn.hxay.compliance.Compliance;
import cn.hxay.compliance.Metric;
import cn.hxay.compliance.Rate;
import cn.hxay.demo.DemoUsers;
import cn.hxay.drill.DrillStatus;
import cn.hxay.drill.Drills;
import cn.hxay.inspection.InspectionFlowTests;
import cn.hxay.inspection.Inspections;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolKind;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.school.SchoolStatistics;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.PlatformTime;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures counted on every request at province scale — school statistics and list
 * counts, a campaign's progress and to-do counts, compliance rates — are read from
 * summaries kept by statement triggers (V921). After a launch, concurrent state changes
 * from eight connections, school edits and a compliance run, each summary equals a
 * recount of its table, and every figure a user sees equals a count of the rows its list
 * shows, for a city, a county and a police station.
 */
@PlatformTest
class FigureSummaryTests {

	static final List<String> USERS = List.of(DemoUsers.CITY_EDUCATION, DemoUsers.COUNTY_EDUCATION, "qinglong.police",
			DemoUsers.SCHOOL_LEAD);

	/**
	 * The dashboard's filters and, independently written here, the rows each one lists.
	 */
	static final Map<String, String> FILTERS = Map.of("MISSED",
			"i.state in ('ASSIGNED', 'DRAFT', 'RETURNED') and i.due < :today", "REPORTED",
			"i.state in ('SUBMITTED', 'ACCEPTED')", "COSIGN",
			"i.state in ('DRAFT', 'RETURNED') and i.cosigned_by is null", "SAMPLED", "i.sampled", "DRAFT",
			"i.state = 'DRAFT'", "ASSIGNED", "i.state = 'ASSIGNED'", "ALL", "true");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Autowired
	Inspections inspections;

	@Autowired
	SchoolRegistry schools;

	@Autowired
	Compliance compliance;

	@Autowired
	Devices devices;

	@Autowired
	Drills drills;

	@Autowired
	Clock clock;

	@Test
	void everySummaryEqualsARecountAndEveryFigureItsList() throws Exception {
		LocalDate today = PlatformTime.today(clock);
		WebSession city = WebSession.signedIn(port, DemoUsers.CITY_EDUCATION, DemoUsers.PASSWORD);
		long campaign = InspectionFlowTests.launch(city, "汇总核对-" + System.nanoTime(), "320400", today,
				today.plusDays(10));
		List<Long> forms = jdbc.sql("select id from inspection where campaign_id = ? order by id")
			.param(campaign)
			.query(Long.class)
			.list();
		assertThat(forms).hasSizeGreaterThan(100);

		List<Long> schoolIds = jdbc.sql("select id from school order by id").query(Long.class).list();
		// eight connections change states, due dates, samples, co-signatures and schools
		// at
		// once, single rows and many rows per statement
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			done.add(pool.submit(() -> {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				for (int i = 0; i < 25; i++) {
					long id = forms.get(random.nextInt(forms.size()));
					switch (random.nextInt(6)) {
						case 0 -> jdbc.sql("update inspection set state = 'DRAFT', answers = answers where id = ?")
							.param(id)
							.update();
						case 1 -> jdbc
							.sql("update inspection set state = 'SUBMITTED', submitted_by = '核对', submitted_at = now()"
									+ " where id = ?")
							.param(id)
							.update();
						case 2 -> jdbc.sql("update inspection set due = ? where id = ?")
							.params(java.sql.Date.valueOf(today.minusDays(1)), id)
							.update();
						case 3 ->
							jdbc.sql("update inspection set sampled = not sampled where id = ?").param(id).update();
						case 4 -> jdbc
							.sql("update inspection set cosigned_by = '核对民警', cosigned_station = '青龙派出所',"
									+ " cosigned_at = now() where campaign_id = ? and id % 7 = ?")
							.params(campaign, random.nextInt(7))
							.update();
						default -> {
							// moved and moved back: the registry is left as it was
							Long[] picked = schoolIds.stream()
								.filter(x -> random.nextInt(schoolIds.size()) < 5)
								.toArray(Long[]::new);
							jdbc.sql("update school set students = students + 7, locality = case locality"
									+ " when 'URBAN' then 'RURAL' when 'RURAL' then 'TOWN' else 'URBAN' end where id = any(?)")
								.param(picked)
								.update();
							jdbc.sql("update school set students = students - 7, locality = case locality"
									+ " when 'RURAL' then 'URBAN' when 'TOWN' then 'RURAL' else 'TOWN' end where id = any(?)")
								.param(picked)
								.update();
						}
					}
				}
				return null;
			}));
		}
		for (Future<?> f : done) {
			f.get(120, TimeUnit.SECONDS);
		}
		pool.shutdown();
		compliance.evaluateAll();

		assertRecount("school_figure",
				"""
						select region_code, police_station_id, kind, locality, boarding,
						  array_remove(array[education_bureau_id, police_station_id, township_id], null), count(*), sum(students)
						from school group by 1, 2, 3, 4, 5, 6""",
				"schools <> 0 or students <> 0");
		assertRecount("inspection_figure", """
				select campaign_id, region_code, state, due, sampled, cosigned_by is not null, unit_ids[2:], count(*)
				from inspection group by 1, 2, 3, 4, 5, 6, 7""", "forms <> 0");
		assertRecount("compliance_figure", """
				select region_code, police_station_id, array_remove(array[education_bureau_id, police_station_id,
				  township_id], null), count(*), count(*) filter (where compliant),
				  count(*) filter (where closed_management = 'Y'), count(closed_management),
				  count(*) filter (where one_key_alarm_installed = 'Y'), count(one_key_alarm_installed),
				  count(*) filter (where one_key_alarm_networked = 'Y'), count(one_key_alarm_networked),
				  count(*) filter (where video_networked = 'Y'), count(video_networked),
				  count(*) filter (where urban_full_time_guards = 'Y'), count(urban_full_time_guards)
				from compliance_school group by 1, 2, 3""", "schools <> 0");

		// devices: required switched off and on again by several statements at once
		List<Long> deviceIds = jdbc.sql("select id from device order by id").query(Long.class).list();
		ExecutorService devicePool = Executors.newFixedThreadPool(4);
		List<Future<?>> toggled = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			toggled.add(devicePool.submit(() -> {
				for (int i = 0; i < 10; i++) {
					Long[] picked = deviceIds.stream()
						.filter(x -> ThreadLocalRandom.current().nextInt(deviceIds.size()) < 4)
						.toArray(Long[]::new);
					jdbc.sql("update device set must_be_networked = not must_be_networked where id = any(?)")
						.param(picked)
						.update();
					jdbc.sql("update device set must_be_networked = not must_be_networked where id = any(?)")
						.param(picked)
						.update();
				}
				return null;
			}));
		}
		for (Future<?> f : toggled) {
			f.get(120, TimeUnit.SECONDS);
		}
		devicePool.shutdown();
		assertRecount("device_figure",
				"""
						select owner_kind, region_code, coalesce(station_id, 0), case when owner_kind = 'VENUE'
						  then array_remove(array[station_id], null) else array_remove(array[bureau_id, station_id, township_id], null)
						  end, count(*), count(*) filter (where must_be_networked)
						from device group by 1, 2, 3, 4""",
				"devices <> 0");
		Clock at = Clock.fixed(clock.instant(), clock.getZone());

		for (String user : USERS) {
			long unit = jdbc.sql("select organisation_id from user_account where username = ?")
				.param(user)
				.query(Long.class)
				.single();
			DataScope scope = organisations.scopeOf(unit, false);
			// a campaign's figures equal the rows of their lists
			for (var filter : FILTERS.entrySet()) {
				long listed = scope
					.bind(jdbc.sql("select count(*) from inspection i where i.campaign_id = :campaign and "
							+ DataScope.where("i") + " and " + filter.getValue()))
					.param("campaign", campaign)
					.param("today", today)
					.query(Long.class)
					.single();
				String state = filter.getKey().equals("ALL") ? null : filter.getKey();
				assertThat(inspections.inspections(scope, campaign, null, state, null, new PageRequest(0, 1)).total())
					.as("%s: %s", user, filter.getKey())
					.isEqualTo(listed);
			}
			var total = inspections.progress(scope, campaign)
				.stream()
				.filter(p -> p.regionCode().isEmpty())
				.findFirst()
				.orElseThrow();
			assertThat(total.missed()).as("%s: missed", user)
				.isEqualTo(
						inspections.inspections(scope, campaign, null, "MISSED", null, new PageRequest(0, 1)).total());
			assertThat(total.assigned()).as("%s: assigned", user)
				.isEqualTo(inspections.inspections(scope, campaign, null, null, null, new PageRequest(0, 1)).total());
			// school statistics and list counts equal the schools listed
			SchoolStatistics statistics = schools.statistics(scope);
			long inScope = scope.bind(jdbc.sql("select count(*) from school s where " + DataScope.where("s")))
				.query(Long.class)
				.single();
			assertThat(statistics.schools()).as("%s: schools", user).isEqualTo(inScope);
			assertThat(statistics.byRegion().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(inScope);
			for (SchoolKind kind : SchoolKind.values()) {
				long listed = scope
					.bind(jdbc.sql("select count(*) from school s where s.kind = :kind and " + DataScope.where("s")))
					.param("kind", kind.name())
					.query(Long.class)
					.single();
				assertThat(schools
					.search(scope, new SchoolFilter(null, null, null, kind, null, true), new PageRequest(0, 1))
					.total()
						+ schools
							.search(scope, new SchoolFilter(null, null, null, kind, null, false), new PageRequest(0, 1))
							.total())
					.as("%s: %s", user, kind)
					.isEqualTo(listed);
				assertThat(statistics.byKind().getOrDefault(kind, 0L)).isEqualTo(listed);
			}
			// compliance rates equal a count of the schools' verdicts
			if (!scope.oneSchool()) {
				// the drill tile's count equals the overdue schools of the board it opens
				assertThat(drills.overdueSchools(scope)).as("%s: drills overdue", user)
					.isEqualTo(Drills.countByStatus(drills.board(scope, null)).get(DrillStatus.OVERDUE));
				// networking rates per county (summary less the offline) equal those per
				// school
				// (counted device by device)
				List<NetworkingRate> bySchool = devices.rates(scope, RateLevel.SCHOOL, null, null, at);
				List<NetworkingRate> byCounty = devices.rates(scope, RateLevel.COUNTY, null, null, at);
				assertThat(byCounty.stream().mapToLong(NetworkingRate::required).sum()).as("%s: required", user)
					.isEqualTo(bySchool.stream().mapToLong(NetworkingRate::required).sum());
				assertThat(byCounty.stream().mapToLong(NetworkingRate::online).sum()).as("%s: online", user)
					.isEqualTo(bySchool.stream().mapToLong(NetworkingRate::online).sum());
				assertThat(byCounty.stream().mapToLong(NetworkingRate::devices).sum()).as("%s: devices", user)
					.isEqualTo(bySchool.stream().mapToLong(NetworkingRate::devices).sum());
				assertThat(devices.rates(scope, RateLevel.STATION, null, null, at)
					.stream()
					.mapToLong(NetworkingRate::online)
					.sum()).isEqualTo(bySchool.stream().mapToLong(NetworkingRate::online).sum());
				long compliant = scope.bind(jdbc
					.sql("select count(*) from compliance_school s where s.compliant and s.region_code like '3204%'"
							+ " and " + DataScope.where("s")))
					.query(Long.class)
					.single();
				long evaluated = scope
					.bind(jdbc.sql("select count(*) from compliance_school s where s.region_code like '3204%' and "
							+ DataScope.where("s")))
					.query(Long.class)
					.single();
				List<Rate> overall = compliance.rates(scope, "320400")
					.stream()
					.filter(r -> r.metric() == Metric.OVERALL && r.areaKey().equals("*"))
					.toList();
				assertThat(overall.stream().mapToLong(Rate::numerator).sum()).as("%s: compliant", user)
					.isEqualTo(compliant);
				assertThat(overall.stream().mapToLong(Rate::denominator).sum()).isEqualTo(evaluated);
			}
		}
	}

	private void assertRecount(String summary, String recount, String nonZero) {
		List<String> expected = jdbc.sql(recount).query((rs, n) -> row(rs)).list();
		List<String> kept = jdbc.sql("select * from " + summary + " where " + nonZero).query((rs, n) -> row(rs)).list();
		assertThat(kept).as(summary).containsExactlyInAnyOrderElementsOf(expected);
	}

	private static String row(java.sql.ResultSet rs) throws java.sql.SQLException {
		StringBuilder b = new StringBuilder();
		for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
			Object value = rs.getObject(i);
			if (value instanceof java.sql.Array array) {
				value = java.util.Arrays.toString((Object[]) array.getArray());
			}
			b.append(value).append('|');
		}
		return b.toString();
	}

}
