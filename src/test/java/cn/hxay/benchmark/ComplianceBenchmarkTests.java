package cn.hxay.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import cn.hxay.compliance.Compliance;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.support.PlatformTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's benchmark: 100,000 schools (the 600 demo schools and 99,400 copies with their
 * postures), one full re-evaluation, and the rates query for the whole data set and for
 * one county, beside a plain SQL aggregation over the same tables as the floor. Not part
 * of {@code mvn verify}; run with {@code mvn -Pbenchmark test}. Results go to
 * {@code target/benchmarks/compliance.txt}.
 */
@PlatformTest
@Tag("benchmark")
class ComplianceBenchmarkTests {

	static final int SCHOOLS = 100_000;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Compliance compliance;

	@Autowired
	Organisations organisations;

	@Test
	void fullReEvaluationAndRatesOnOneHundredThousandSchools() throws Exception {
		long existing = jdbc.sql("select count(*) from school").query(Long.class).single();
		int extra = (int) (SCHOOLS - existing);
		long started = System.nanoTime();
		jdbc.sql("""
				with base as (select row_number() over (order by id) - 1 as n, s.* from school s),
				     g as (select generate_series(1, ?) as i)
				insert into organisation (name, kind, region_code, parent_id, path)
				select 'bench-' || g.i, 'SCHOOL', b.region_code, b.education_bureau_id, '/bench/'
				from g join base b on b.n = g.i % (select count(*) from base)""").param(extra).update();
		jdbc.sql(
				"""
						with base as (select row_number() over (order by id) - 1 as n, s.* from school s where code not like '9%')
						insert into school (code, name, kind, ownership, locality, boarding, students, boarders, staff,
						  organisation_id, education_bureau_id, police_station_id, township_id, region_code, key_security_unit, licensed)
						select '9' || lpad(substring(o.name from 7), 9, '0'), b.name || '#' || substring(o.name from 7), b.kind,
						  b.ownership, b.locality, b.boarding, b.students, b.boarders, b.staff, o.id, b.education_bureau_id,
						  b.police_station_id, b.township_id, b.region_code, b.key_security_unit, b.licensed
						from organisation o join base b on b.n = cast(substring(o.name from 7) as int) % (select count(*) from base)
						where o.name like 'bench-%'""")
			.update();
		jdbc.sql(
				"""
						with base as (select row_number() over (order by id) - 1 as n, s.id from school s where code not like '9%'),
						     latest as (select distinct on (school_id) school_id, facts from posture_version
						                order by school_id, valid_from desc, id desc)
						insert into posture_version (school_id, valid_from, recorded_by, facts)
						select s.id, now() - interval '1 hour', 'bench', l.facts
						from school s join base b on b.n = cast(substring(s.code from 2) as int) % (select count(*) from base)
						join latest l on l.school_id = b.id where s.code like '9%'""")
			.update();
		jdbc.sql("analyze").update();
		double loadSeconds = (System.nanoTime() - started) / 1e9;
		assertThat(jdbc.sql("select count(*) from school").query(Long.class).single()).isEqualTo(SCHOOLS);

		long evaluation = System.nanoTime();
		int evaluated = compliance.evaluateAll();
		double evaluationSeconds = (System.nanoTime() - evaluation) / 1e9;
		assertThat(evaluated).isEqualTo(SCHOOLS);
		long summaries = jdbc.sql("select count(*) from compliance_school").query(Long.class).single();

		DataScope everything = DataScope.everything(false);
		long countyBureau = organisations
			.findByName("320402", cn.hxay.organisation.OrganisationKind.COUNTY_EDUCATION_BUREAU, "天宁区教育局")
			.orElseThrow()
			.id();
		DataScope county = organisations.scopeOf(countyBureau, false);
		List<String> lines = new ArrayList<>();
		lines.add("schools: " + SCHOOLS + ", evaluation summaries stored: " + summaries + ", data load: "
				+ round(loadSeconds) + " s");
		lines.add("full re-evaluation (evaluateAll): " + round(evaluationSeconds) + " s ("
				+ Math.round(SCHOOLS / evaluationSeconds) + " schools/s)");
		lines.add(
				timing("rates, whole city (320400), unrestricted scope", () -> compliance.rates(everything, "320400")));
		lines.add(timing("rates, one county (320402), county user's scope", () -> compliance.rates(county, "320402")));
		lines.add(timing("floor: plain SQL count of one metric, whole data set", () -> jdbc.sql("""
				select region_code, count(*) filter (where closed_management = 'Y'), count(closed_management)
				from compliance_school group by 1""").query().listOfRows()));
		lines.add(timing("floor: plain SQL count of one metric, one county", () -> jdbc.sql("""
				select police_station_id, count(*) filter (where closed_management = 'Y'), count(closed_management)
				from compliance_school where region_code = '320402' group by 1""").query().listOfRows()));
		Path out = Path.of("target", "benchmarks", "compliance.txt");
		Files.createDirectories(out.getParent());
		Files.write(out, lines);
		lines.forEach(System.out::println);
	}

	private static String timing(String what, Supplier<?> query) {
		for (int i = 0; i < 5; i++) {
			query.get();
		}
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			long start = System.nanoTime();
			query.get();
			millis.add((System.nanoTime() - start) / 1e6);
		}
		Collections.sort(millis);
		return what + ": p50 " + round(millis.get(24)) + " ms, p95 " + round(millis.get(47))
				+ " ms (50 runs after 5 warm-up)";
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
