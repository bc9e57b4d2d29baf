package cn.hxay.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.hxay.demo.DemoUsers;
import cn.hxay.shared.PlatformTime;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.Texts;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scope above schools names no school units (a city of 100,000 schools would otherwise
 * send 100,000 ids with every query); it must still select exactly the rows of the whole
 * subtree. Checked on every table with a {@code unit_ids} column, for every unit of the
 * demo city, against the subtree recounted from the materialised paths — and the rule
 * that makes it hold: a row that names a school also names the school's parent.
 */
@PlatformTest
class ScopeEquivalenceTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	/**
	 * Rows that name a school alone: a city report filled in by schools, a city notice
	 * sent to one school. The school's county bureau sees both, as it did when its scope
	 * listed the school.
	 */
	@Test
	void recordsAddressedToASchoolAloneAreSeenByItsBureau() {
		LocalDate today = PlatformTime.today(clock);
		long school = unitOf(DemoUsers.SCHOOL_LEAD);
		Page report = api("POST", "/api/v1/reports", DemoUsers.CITY_EDUCATION,
				"""
						{"title":"学校直报-%d","form":"PROGRESS","cadence":"MONTHLY","dueDay":5,"startsOn":"%s","targetKind":"SCHOOL"}"""
					.formatted(System.nanoTime(), today.minusDays(3)));
		assertThat(report.status()).as(report.body()).isEqualTo(201);
		long reportId = Texts.json(report.body()).get("id").asLong();
		assertThat(api("GET", "/api/v1/reports/" + reportId, DemoUsers.COUNTY_EDUCATION, null).status()).isEqualTo(200);
		Page notice = api("POST", "/api/v1/supervision/notices", DemoUsers.CITY_EDUCATION, """
				{"kind":"COMMENDATION","title":"关于表扬一所学校的通报","body":"予以通报表扬。","recipientIds":[%d]}"""
			.formatted(school));
		assertThat(notice.status()).as(notice.body()).isEqualTo(201);
		long noticeId = Texts.json(notice.body()).get("id").asLong();
		assertThat(api("GET", "/api/v1/supervision/notices/" + noticeId, DemoUsers.COUNTY_EDUCATION, null).status())
			.as("the school's bureau sees the notice its school received")
			.isEqualTo(200);
		assertThat(
				api("GET", "/api/v1/supervision/notices/" + noticeId, DemoUsers.OTHER_COUNTY_EDUCATION, null).status())
			.isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from supervision_notice_recipient where unit_id = ?")
			.param(school)
			.query(Long.class)
			.single()).isPositive();
		aScopeAboveSchoolsNamesNoSchoolButSelectsTheSameRowsAsTheWholeSubtree();
		everyRowThatNamesASchoolAlsoNamesItsParent();
	}

	private Page api(String method, String path, String user, String body) {
		return new WebSession(port).api(method, path, user, DemoUsers.PASSWORD, body, Map.of());
	}

	private long unitOf(String username) {
		return jdbc.sql("select organisation_id from user_account where username = ?")
			.param(username)
			.query(Long.class)
			.single();
	}

	@Test
	void aScopeAboveSchoolsNamesNoSchoolButSelectsTheSameRowsAsTheWholeSubtree() {
		List<String> tables = scopedTables();
		assertThat(tables).as("tables with the one scope column").hasSizeGreaterThan(40);
		// rows about one school, in its region (a warning keeps its sender's region)
		List<String> regional = jdbc
			.sql("select r.table_name from information_schema.columns r"
					+ " join information_schema.columns s on s.table_schema = r.table_schema"
					+ " and s.table_name = r.table_name and s.column_name = 'school_id'"
					+ " where r.table_schema = current_schema() and r.column_name = 'region_code'"
					+ " union select 'school'")
			.query(String.class)
			.list()
			.stream()
			.filter(tables::contains)
			.toList();
		List<Organisation> units = units("kind <> 'SCHOOL' order by id").list();
		List<String> differences = new ArrayList<>();
		long compared = 0;
		for (Organisation unit : units) {
			DataScope scope = organisations.scopeOf(unit.id(), false);
			Long[] subtree = jdbc.sql("select id from organisation where path like ?")
				.param(unit.path() + "%")
				.query(Long.class)
				.list()
				.toArray(Long[]::new);
			long schoolsBelow = jdbc.sql("select count(*) from organisation where path like ? and kind = 'SCHOOL'")
				.param(unit.path() + "%")
				.query(Long.class)
				.single();
			assertThat(scope.organisationIds()).as("%s names no school", unit.name())
				.hasSize(subtree.length - (int) schoolsBelow);
			if (schoolsBelow == 0) {
				assertThat(scope.organisationIds()).as("a scope with no school below is its subtree")
					.containsExactlyInAnyOrder(subtree);
				continue;
			}
			for (String table : tables) {
				long whole = jdbc.sql("select count(*) from " + table + " where unit_ids && ?")
					.param(subtree)
					.query(Long.class)
					.single();
				long scoped = scope.bind(jdbc.sql("select count(*) from " + table + " t where " + DataScope.where("t")))
					.query(Long.class)
					.single();
				compared += whole;
				if (whole != scoped) {
					differences.add(table + " for " + unit.name() + ": " + whole + " ≠ " + scoped);
				}
				// and with the scope's region named (lists read in region order)
				if (regional.contains(table)) {
					long inRegion = scope
						.bind(jdbc.sql("select count(*) from " + table + " t where " + DataScope.whereInRegion("t")))
						.query(Long.class)
						.single();
					if (whole != inRegion) {
						differences.add(table + " in the region of " + unit.name() + ": " + whole + " ≠ " + inRegion);
					}
				}
			}
		}
		assertThat(regional).as("tables of rows about one school, with its region")
			.contains("school", "inspection")
			.hasSizeGreaterThan(15);
		assertThat(differences).isEmpty();
		assertThat(compared).as("rows compared").isGreaterThan(1000);
	}

	@Test
	void everyRowThatNamesASchoolAlsoNamesItsParent() {
		List<String> missing = new ArrayList<>();
		for (String table : scopedTables()) {
			long rows = jdbc
				.sql("select count(*) from " + table + " t cross join lateral unnest(t.unit_ids) u(id)"
						+ " join organisation o on o.id = u.id and o.kind = 'SCHOOL'"
						+ " where not (o.parent_id = any(t.unit_ids))")
				.query(Long.class)
				.single();
			if (rows > 0) {
				missing.add(table + ": " + rows);
			}
		}
		assertThat(missing).isEmpty();
	}

	private org.springframework.jdbc.core.simple.JdbcClient.MappedQuerySpec<Organisation> units(String where) {
		return jdbc
			.sql("select id, name, kind, region_code, parent_id, path, version, enabled from organisation where "
					+ where)
			.query((rs, n) -> new Organisation(rs.getLong("id"), rs.getString("name"),
					OrganisationKind.valueOf(rs.getString("kind")), rs.getString("region_code"),
					(Long) rs.getObject("parent_id"), rs.getString("path"), rs.getInt("version"),
					rs.getBoolean("enabled")));
	}

	@Test
	void inJavaASchoolIsCoveredThroughItsParent() {
		Organisation school = units("kind = 'SCHOOL' order by id limit 1").single();
		DataScope bureau = organisations.scopeOf(school.parentId(), false);
		assertThat(bureau.organisationIds()).doesNotContain(school.id());
		assertThat(bureau.covers(school)).isTrue();
		DataScope own = organisations.scopeOf(school.id(), false);
		assertThat(own.organisationIds()).containsExactly(school.id());
		assertThat(own.covers(school)).isTrue();
		Organisation other = organisations.units("", OrganisationKind.COUNTY_EDUCATION_BUREAU)
			.stream()
			.filter(b -> b.id() != school.parentId())
			.findFirst()
			.orElseThrow();
		assertThat(organisations.scopeOf(other.id(), false).covers(school)).isFalse();
	}

	/** Every table (not partition) with the one scope column. */
	private List<String> scopedTables() {
		return jdbc.sql("select c.table_name from information_schema.columns c"
				+ " join pg_class k on k.relname = c.table_name and not k.relispartition"
				+ " join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema"
				+ " where c.column_name = 'unit_ids' and c.table_schema = current_schema()"
				+ " and t.table_type = 'BASE TABLE' order by 1")
			.query(String.class)
			.list();
	}

}
