package cn.hxay.compliance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import cn.hxay.organisation.DataScope;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
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

	/** The platform's one data-scope condition over the summary's {@code unit_ids}. */
	private static final String SCOPE = DataScope.where("s");

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	FindingStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
	}

	/** The column a metric's status is kept in. */
	static String column(Metric metric) {
		return metric.name().toLowerCase(java.util.Locale.ROOT);
	}

	void replace(School school, List<Finding> findings) {
		replaceMany(List.of(school), List.of(findings.stream().map(Verdict::of).toList()));
	}

	/**
	 * Stores the evaluation summaries of many schools: COPY into a temporary table, then
	 * one set-based upsert, far cheaper than a statement per school.
	 */
	void replaceMany(List<School> schools, List<List<Verdict>> findings) {
		List<String> rows = new ArrayList<>(schools.size());
		for (int i = 0; i < schools.size(); i++) {
			rows.add(csvRow(schools.get(i), findings.get(i)));
		}
		writeRows(rows);
	}

	/**
	 * One school's summary as a CSV line for {@link #writeRows}; pure, so many threads
	 * may build lines at once while one writes.
	 */
	String csvRow(School school, List<Verdict> findings) {
		Object[] row = summary(school, findings);
		StringBuilder csv = new StringBuilder(200);
		for (int c = 0; c < row.length; c++) {
			if (c > 0) {
				csv.append(',');
			}
			if (row[c] != null) {
				csv.append('"').append(row[c].toString().replace("\"", "\"\"")).append('"');
			}
		}
		return csv.append('\n').toString();
	}

	/** Stores summary lines: COPY into a temporary table, then one set-based upsert. */
	void writeRows(List<String> rows) {
		StringBuilder csv = new StringBuilder(rows.size() * 200);
		rows.forEach(csv::append);
		jdbc.sql(
				"""
						create temporary table if not exists compliance_school_staging (like compliance_school including defaults)
						on commit delete rows""")
			.update();
		template.execute((java.sql.Connection connection) -> {
			try {
				return connection.unwrap(org.postgresql.PGConnection.class)
					.getCopyAPI()
					.copyIn("copy compliance_school_staging (school_id, school_name, organisation_id, education_bureau_id,"
							+ " police_station_id, township_id, region_code, compliant, failing, missing, closed_management,"
							+ " one_key_alarm_installed, one_key_alarm_networked, video_networked, urban_full_time_guards,"
							+ " metric_reasons) from stdin with (format csv)",
							new java.io.StringReader(csv.toString()));
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		jdbc.sql(
				"""
						insert into compliance_school (school_id, school_name, organisation_id, education_bureau_id,
						  police_station_id, township_id, region_code, compliant, failing, missing, closed_management,
						  one_key_alarm_installed, one_key_alarm_networked, video_networked, urban_full_time_guards,
						  metric_reasons, evaluated_at)
						select school_id, school_name, organisation_id, education_bureau_id, police_station_id, township_id,
						  region_code, compliant, failing, missing, closed_management, one_key_alarm_installed,
						  one_key_alarm_networked, video_networked, urban_full_time_guards, metric_reasons, evaluated_at
						from compliance_school_staging
						on conflict (school_id) do update set school_name = excluded.school_name,
						  organisation_id = excluded.organisation_id, education_bureau_id = excluded.education_bureau_id,
						  police_station_id = excluded.police_station_id, township_id = excluded.township_id,
						  region_code = excluded.region_code, compliant = excluded.compliant, failing = excluded.failing,
						  missing = excluded.missing, closed_management = excluded.closed_management,
						  one_key_alarm_installed = excluded.one_key_alarm_installed,
						  one_key_alarm_networked = excluded.one_key_alarm_networked, video_networked = excluded.video_networked,
						  urban_full_time_guards = excluded.urban_full_time_guards, metric_reasons = excluded.metric_reasons,
						  evaluated_at = now()""")
			.update();
	}

	private Object[] summary(School school, List<Verdict> findings) {
		long failing = 0;
		long missing = 0;
		Map<Metric, Character> status = new EnumMap<>(Metric.class);
		Map<String, String> reasons = new java.util.TreeMap<>();
		for (Verdict f : findings) {
			if (f.status() == ComplianceStatus.NON_COMPLIANT) {
				failing++;
			}
			else if (f.status() == ComplianceStatus.MISSING_DATA) {
				missing++;
			}
			if (f.metric() == null || f.status() == ComplianceStatus.NOT_APPLICABLE) {
				continue;
			}
			// an advisory never makes a school fail a metric
			char code = switch (f.status()) {
				case COMPLIANT, ADVISORY -> 'Y';
				case MISSING_DATA -> 'M';
				default -> 'N';
			};
			// several rules may feed one metric: a failure outweighs missing data, which
			// outweighs a pass
			status.merge(f.metric(), code, (a, b) -> a == 'N' || b == 'N' ? 'N' : (a == 'M' || b == 'M') ? 'M' : 'Y');
			if (code != 'Y') {
				reasons.merge(f.metric().name(), f.explanation().get(), (a, b) -> a + "；" + b);
			}
		}
		return new Object[] { school.id(), school.name(), school.organisationId(), school.details().educationBureauId(),
				school.details().policeStationId(), school.details().townshipId(), school.regionCode(),
				failing == 0 && missing == 0, failing, missing, text(status.get(Metric.CLOSED_MANAGEMENT)),
				text(status.get(Metric.ONE_KEY_ALARM_INSTALLED)), text(status.get(Metric.ONE_KEY_ALARM_NETWORKED)),
				text(status.get(Metric.VIDEO_NETWORKED)), text(status.get(Metric.URBAN_FULL_TIME_GUARDS)),
				json.writeValueAsString(reasons) };
	}

	private static String text(Character code) {
		return code == null ? null : code.toString();
	}

	Optional<OffsetDateTime> evaluatedAt(long schoolId) {
		return jdbc.sql("select evaluated_at from compliance_school where school_id = ?")
			.param(schoolId)
			.query(OffsetDateTime.class)
			.optional();
	}

	/**
	 * {@link #rates} from {@code compliance_figure} (V921: the yes and answered counts of
	 * every metric per county, station and units above the school, kept by triggers).
	 */
	private List<Rate> ratesFromSummary(DataScope scope, String regionPrefix, boolean byStation) {
		String area = byStation ? "cast(f.police_station_id as varchar)" : "f.region_code";
		StringBuilder columns = new StringBuilder();
		for (Metric metric : Metric.values()) {
			String column = metric == Metric.OVERALL ? "overall" : column(metric);
			String yes = metric == Metric.OVERALL ? "f.compliant" : "f." + column + "_yes";
			String all = metric == Metric.OVERALL ? "f.schools" : "f." + column + "_all";
			columns.append(", sum(")
				.append(yes)
				.append(") as ")
				.append(column)
				.append("_yes, sum(")
				.append(all)
				.append(") as ")
				.append(column)
				.append("_all");
		}
		return ratesOf(scope.bind(jdbc.sql("select " + area + " as area" + columns + " from compliance_figure f"
				+ " where f.region_code like :prefix and " + DataScope.where("f")
				+ " group by 1 having sum(f.schools) > 0 order by 1")), regionPrefix);
	}

	/**
	 * The rates of every metric per area, from a query with {@code area},
	 * {@code <metric>_yes} and {@code _all}.
	 */
	private static List<Rate> ratesOf(JdbcClient.StatementSpec query, String regionPrefix) {
		List<Rate> rates = new ArrayList<>();
		query.param("prefix", regionPrefix + "%").query((java.sql.ResultSet rs) -> {
			for (Metric metric : Metric.values()) {
				String column = metric == Metric.OVERALL ? "overall" : column(metric);
				rates.add(new Rate(rs.getString("area"), null, metric, rs.getLong(column + "_yes"),
						rs.getLong(column + "_all")));
			}
		});
		return rates;
	}

	/**
	 * Rates per sub-area of a region, in one pass over one row per school: per county for
	 * a city prefix, per police station for a county.
	 * @param byStation group by police station instead of region
	 */
	List<Rate> rates(DataScope scope, String regionPrefix, boolean byStation) {
		if (!scope.oneSchool()) {
			return ratesFromSummary(scope, regionPrefix, byStation);
		}
		String area = byStation ? "cast(s.police_station_id as varchar)" : "s.region_code";
		StringBuilder columns = new StringBuilder();
		for (Metric metric : Metric.values()) {
			if (metric == Metric.OVERALL) {
				columns.append(", count(*) filter (where s.compliant) as overall_yes, count(*) as overall_all");
			}
			else {
				String column = column(metric);
				columns.append(", count(*) filter (where s.")
					.append(column)
					.append(" = 'Y') as ")
					.append(column)
					.append("_yes, count(s.")
					.append(column)
					.append(") as ")
					.append(column)
					.append("_all");
			}
		}
		return ratesOf(scope.bind(jdbc.sql("select " + area + " as area" + columns
				+ " from compliance_school s where s.region_code like :prefix and " + SCOPE
				+ " group by 1 order by 1")), regionPrefix);
	}

	Paged<FailingSchool> failing(DataScope scope, Metric metric, String regionPrefix, Long stationId,
			PageRequest page) {
		boolean overall = metric == Metric.OVERALL;
		String condition = overall ? "not s.compliant" : "s." + column(metric) + " in ('N', 'M')";
		long total = scope.bind(jdbc.sql("select count(*) from compliance_school s where " + condition
				+ " and s.region_code like :prefix and (cast(:station as bigint) is null or s.police_station_id = :station)"
				+ " and " + SCOPE))
			.param("prefix", regionPrefix + "%")
			.param("station", stationId)
			.query(Long.class)
			.single();
		List<FailingSchool> rows = failingRows(scope, metric, regionPrefix, stationId, condition, overall, page);
		return new Paged<>(rows, page.page(), page.size(), total);
	}

	private List<FailingSchool> failingRows(DataScope scope, Metric metric, String regionPrefix, Long stationId,
			String condition, boolean overall, PageRequest page) {
		return scope.bind(jdbc
			.sql("select s.school_id, s.school_name, s.region_code, s.failing, s.missing, s.metric_reasons ->> :metric as reason,"
					+ (overall ? " null" : " s." + column(metric)) + " as code from compliance_school s where "
					+ condition
					+ " and s.region_code like :prefix and (cast(:station as bigint) is null or s.police_station_id = :station)"
					+ " and " + SCOPE + " order by s.region_code, s.school_name limit :limit offset :offset"))
			.param("metric", metric.name())
			.param("prefix", regionPrefix + "%")
			.param("station", stationId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs,
					n) -> overall
							? new FailingSchool(rs.getLong("school_id"), rs.getString("school_name"),
									rs.getString("region_code"),
									rs.getInt("failing") > 0 ? ComplianceStatus.NON_COMPLIANT
											: ComplianceStatus.MISSING_DATA,
									"不合格 " + rs.getInt("failing") + " 项，缺少数据 " + rs.getInt("missing") + " 项")
							: new FailingSchool(rs.getLong("school_id"), rs.getString("school_name"),
									rs.getString("region_code"),
									"N".equals(rs.getString("code")) ? ComplianceStatus.NON_COMPLIANT
											: ComplianceStatus.MISSING_DATA,
									rs.getString("reason")))
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

	/** Failing requirements per school in scope, from each school's latest evaluation. */
	java.util.Map<Long, Integer> failingBySchool(DataScope scope) {
		java.util.Map<Long, Integer> result = new java.util.HashMap<>();
		scope.bind(jdbc.sql("select s.school_id, s.failing from compliance_school s where s.failing > 0 and " + SCOPE))
			.query((rs, n) -> result.put(rs.getLong(1), rs.getInt(2)))
			.list();
		return result;
	}

}
