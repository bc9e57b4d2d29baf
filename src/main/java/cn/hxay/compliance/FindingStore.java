package cn.hxay.compliance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored findings and the rate queries over them: one SQL aggregation per page, scoped
 * like the school registry.
 */
@Repository
class FindingStore {

	static final String SCOPE = """
			(:unrestricted or s.organisation_id = any(:ids) or s.education_bureau_id = any(:ids)
			 or s.police_station_id = any(:ids) or s.township_id = any(:ids))""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	FindingStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	void replace(School school, List<Finding> findings) {
		long failing = findings.stream().filter(f -> f.status() == ComplianceStatus.NON_COMPLIANT).count();
		long missing = findings.stream().filter(f -> f.status() == ComplianceStatus.MISSING_DATA).count();
		jdbc.sql("""
				insert into compliance_school (school_id, school_name, organisation_id, education_bureau_id,
				  police_station_id, township_id, region_code, compliant, failing, missing, evaluated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
				on conflict (school_id) do update set school_name = excluded.school_name,
				  organisation_id = excluded.organisation_id, education_bureau_id = excluded.education_bureau_id,
				  police_station_id = excluded.police_station_id, township_id = excluded.township_id,
				  region_code = excluded.region_code, compliant = excluded.compliant, failing = excluded.failing,
				  missing = excluded.missing, evaluated_at = now()""")
			.params(school.id(), school.name(), school.organisationId(), school.details().educationBureauId(),
					school.details().policeStationId(), school.details().townshipId(), school.regionCode(),
					failing == 0 && missing == 0, failing, missing)
			.update();
		jdbc.sql("delete from compliance_finding where school_id = ?").param(school.id()).update();
		List<Object[]> rows = new ArrayList<>();
		for (Finding f : findings) {
			rows.add(new Object[] { school.id(), f.ruleId(), f.ruleSetId(), f.title(), cut(f.source(), 300),
					f.status().name(), cut(f.required(), 300), cut(f.actual(), 300), f.explanation(),
					f.metric() == null ? null : f.metric().name() });
		}
		template.batchUpdate(
				"""
						insert into compliance_finding (school_id, rule_id, rule_set_id, title, source, status, required, actual,
						  explanation, metric) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				rows);
	}

	List<Finding> findings(long schoolId) {
		return jdbc.sql("select * from compliance_finding where school_id = ? order by rule_set_id, rule_id")
			.param(schoolId)
			.query(this::finding)
			.list();
	}

	Optional<OffsetDateTime> evaluatedAt(long schoolId) {
		return jdbc.sql("select evaluated_at from compliance_school where school_id = ?")
			.param(schoolId)
			.query(OffsetDateTime.class)
			.optional();
	}

	/**
	 * Rates per sub-area of a region: per county for a city prefix, per police station
	 * for a county.
	 * @param byStation group by police station instead of region
	 */
	List<Rate> rates(DataScope scope, String regionPrefix, boolean byStation) {
		String area = byStation ? "cast(s.police_station_id as varchar)" : "s.region_code";
		List<Rate> rates = new ArrayList<>();
		jdbc.sql("select " + area + " as area, f.metric, count(*) filter (where f.status = 'COMPLIANT') as yes,"
				+ " count(*) filter (where f.status <> 'NOT_APPLICABLE') as total"
				+ " from compliance_finding f join compliance_school s on s.school_id = f.school_id"
				+ " where f.metric is not null and s.region_code like :prefix and " + SCOPE
				+ " group by 1, 2 order by 1, 2")
			.param("prefix", regionPrefix + "%")
			.param("unrestricted", scope.unrestricted())
			.param("ids", scope.idArray())
			.query((rs, n) -> new Rate(rs.getString("area"), null, Metric.valueOf(rs.getString("metric")),
					rs.getLong("yes"), rs.getLong("total")))
			.list()
			.forEach(rates::add);
		jdbc.sql("select " + area + " as area, count(*) filter (where s.compliant) as yes, count(*) as total"
				+ " from compliance_school s where s.region_code like :prefix and " + SCOPE + " group by 1 order by 1")
			.param("prefix", regionPrefix + "%")
			.param("unrestricted", scope.unrestricted())
			.param("ids", scope.idArray())
			.query((rs, n) -> new Rate(rs.getString("area"), null, Metric.OVERALL, rs.getLong("yes"),
					rs.getLong("total")))
			.list()
			.forEach(rates::add);
		return rates;
	}

	List<FailingSchool> failing(DataScope scope, Metric metric, String regionPrefix, Long stationId, int limit) {
		if (metric == Metric.OVERALL) {
			return jdbc
				.sql("select s.school_id, s.school_name, s.region_code, s.failing, s.missing from compliance_school s"
						+ " where not s.compliant and s.region_code like :prefix"
						+ " and (cast(:station as bigint) is null or s.police_station_id = :station) and " + SCOPE
						+ " order by s.region_code, s.school_name limit :limit")
				.param("prefix", regionPrefix + "%")
				.param("station", stationId)
				.param("unrestricted", scope.unrestricted())
				.param("ids", scope.idArray())
				.param("limit", limit)
				.query((rs, n) -> new FailingSchool(rs.getLong("school_id"), rs.getString("school_name"),
						rs.getString("region_code"),
						rs.getInt("failing") > 0 ? ComplianceStatus.NON_COMPLIANT : ComplianceStatus.MISSING_DATA,
						"不合格 " + rs.getInt("failing") + " 项，缺少数据 " + rs.getInt("missing") + " 项"))
				.list();
		}
		return jdbc.sql("select s.school_id, s.school_name, s.region_code, f.status, f.explanation"
				+ " from compliance_finding f join compliance_school s on s.school_id = f.school_id"
				+ " where f.metric = :metric and f.status in ('NON_COMPLIANT', 'MISSING_DATA')"
				+ " and s.region_code like :prefix and (cast(:station as bigint) is null or s.police_station_id = :station)"
				+ " and " + SCOPE + " order by s.region_code, s.school_name limit :limit")
			.param("metric", metric.name())
			.param("prefix", regionPrefix + "%")
			.param("station", stationId)
			.param("unrestricted", scope.unrestricted())
			.param("ids", scope.idArray())
			.param("limit", limit)
			.query((rs, n) -> new FailingSchool(rs.getLong("school_id"), rs.getString("school_name"),
					rs.getString("region_code"), ComplianceStatus.valueOf(rs.getString("status")),
					rs.getString("explanation")))
			.list();
	}

	Set<String> assignedSets(String countyCode, String cityCode) {
		return Set.copyOf(jdbc.sql("select rule_set_id from region_rule_set where region_code in (?, ?)")
			.params(countyCode, cityCode)
			.query(String.class)
			.list());
	}

	List<String> assignedSetsOf(String regionCode) {
		return jdbc.sql("select rule_set_id from region_rule_set where region_code = ? order by rule_set_id")
			.param(regionCode)
			.query(String.class)
			.list();
	}

	void assign(String regionCode, List<String> ruleSetIds, String by) {
		jdbc.sql("delete from region_rule_set where region_code = ?").param(regionCode).update();
		for (String id : ruleSetIds) {
			jdbc.sql("insert into region_rule_set (region_code, rule_set_id, assigned_by) values (?, ?, ?)")
				.params(regionCode, id, by)
				.update();
		}
	}

	long startRun(String by, int total) {
		return jdbc.sql("insert into evaluation_run (started_by, total) values (?, ?) returning id")
			.params(by, total)
			.query(Long.class)
			.single();
	}

	void progress(long runId, int done) {
		jdbc.sql("update evaluation_run set done = ? where id = ?").params(done, runId).update();
	}

	void finish(long runId, String status, String message) {
		jdbc.sql("update evaluation_run set status = ?, message = ?, finished_at = now() where id = ?")
			.params(status, message, runId)
			.update();
	}

	Optional<EvaluationRun> run(long id) {
		return jdbc.sql("select * from evaluation_run where id = ?").param(id).query(this::mapRun).optional();
	}

	Optional<EvaluationRun> latestRun() {
		return jdbc.sql("select * from evaluation_run order by id desc limit 1").query(this::mapRun).optional();
	}

	private EvaluationRun mapRun(ResultSet rs, int n) throws SQLException {
		return new EvaluationRun(rs.getLong("id"), rs.getString("started_by"),
				rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
				rs.getInt("total"), rs.getInt("done"), rs.getString("status"), rs.getString("message"));
	}

	private Finding finding(ResultSet rs, int n) throws SQLException {
		String metric = rs.getString("metric");
		return new Finding(rs.getString("rule_id"), rs.getString("rule_set_id"), rs.getString("title"),
				rs.getString("source"), ComplianceStatus.valueOf(rs.getString("status")), rs.getString("required"),
				rs.getString("actual"), rs.getString("explanation"), metric == null ? null : Metric.valueOf(metric));
	}

	private static String cut(String value, int length) {
		return value == null || value.length() <= length ? value : value.substring(0, length);
	}

}
