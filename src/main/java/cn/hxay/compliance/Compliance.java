package cn.hxay.compliance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.hxay.audit.AuditTrail;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.Organisations;
import cn.hxay.organisation.Region;
import cn.hxay.organisation.RegionLevel;
import cn.hxay.posture.Postures;
import cn.hxay.posture.SecurityPosture;
import cn.hxay.school.School;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.PlatformTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The compliance module's API: findings per school (now or on a past date), rates by
 * region with drill-down, rule sets and their assignment to regions, and full
 * re-evaluation in the background.
 */
@Service
public class Compliance {

	private static final Logger log = LoggerFactory.getLogger(Compliance.class);

	private final RuleBook book;

	private final FindingStore store;

	private final SchoolRegistry schools;

	private final Postures postures;

	private final Organisations organisations;

	private final AuditTrail audit;

	private final Clock clock;

	private final TaskExecutor executor;

	private final TransactionTemplate transactions;

	Compliance(RuleBook book, FindingStore store, SchoolRegistry schools, Postures postures,
			Organisations organisations, AuditTrail audit, Clock clock,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, TransactionTemplate transactions) {
		this.book = book;
		this.store = store;
		this.schools = schools;
		this.postures = postures;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
		this.executor = executor;
		this.transactions = transactions;
	}

	/**
	 * Every finding for a school now: evaluated live (one school is cheap), so always
	 * current.
	 */
	@Transactional(readOnly = true)
	public List<Finding> findings(DataScope scope, long schoolId) {
		School school = schools.get(scope, schoolId);
		LocalDate today = PlatformTime.today(clock);
		return ComplianceEngine.evaluate(school.details(), postures.current(schoolId), rulesFor(school, today), today);
	}

	@Transactional(readOnly = true)
	public Optional<OffsetDateTime> evaluatedAt(long schoolId) {
		return store.evaluatedAt(schoolId);
	}

	/**
	 * Findings as they were on a past day: the rules in force and the posture recorded by
	 * the end of that day.
	 */
	@Transactional(readOnly = true)
	public List<Finding> findingsOn(DataScope scope, long schoolId, LocalDate date) {
		School school = schools.get(scope, schoolId);
		OffsetDateTime endOfDay = date.plusDays(1).atStartOfDay(PlatformTime.ZONE).toOffsetDateTime();
		return ComplianceEngine.evaluate(school.details(), postures.asOf(schoolId, endOfDay), rulesFor(school, date),
				date);
	}

	/** Evaluates one school now and stores the findings. */
	@Transactional
	public List<Finding> evaluate(long schoolId) {
		School school = schools.get(DataScope.everything(false), schoolId);
		return evaluate(school, postures.current(schoolId));
	}

	private List<Finding> evaluate(School school, SecurityPosture posture) {
		LocalDate today = PlatformTime.today(clock);
		List<Finding> findings = ComplianceEngine.evaluate(school.details(), posture, rulesFor(school, today), today);
		store.replace(school, findings);
		return findings;
	}

	private List<Rule> rulesFor(School school, LocalDate date) {
		Set<String> assigned = store.assignedSets(school.regionCode(), Region.cityCodeOf(school.regionCode()));
		return book.rulesFor(assigned, date);
	}

	/**
	 * Rates for a region and each part of it: its counties (for a city) or police
	 * stations (for a county). The first rates of the list, keyed {@code "*"}, are for
	 * the whole region.
	 */
	@Transactional(readOnly = true)
	public List<Rate> rates(DataScope scope, String regionCode) {
		Region region = organisations.region(regionCode);
		boolean byStation = region.level() == RegionLevel.COUNTY;
		String prefix = organisations.regionPrefix(regionCode);
		List<Rate> parts = store.rates(scope, prefix, byStation);
		Map<String, String> names = byStation
				? organisations.byIds(parts.stream().map(r -> Long.valueOf(r.areaKey())).toList())
					.values()
					.stream()
					.collect(Collectors.toMap(o -> Long.toString(o.id()), Organisation::name))
				: organisations.regions().stream().collect(Collectors.toMap(Region::code, Region::name));
		List<Rate> result = new ArrayList<>();
		for (Metric metric : Metric.values()) {
			long yes = parts.stream().filter(r -> r.metric() == metric).mapToLong(Rate::numerator).sum();
			long all = parts.stream().filter(r -> r.metric() == metric).mapToLong(Rate::denominator).sum();
			result.add(new Rate("*", region.name(), metric, yes, all));
		}
		parts.stream()
			.sorted(Comparator.comparing(Rate::areaKey).thenComparing(Rate::metric))
			.map(r -> new Rate(r.areaKey(), names.getOrDefault(r.areaKey(), r.areaKey()), r.metric(), r.numerator(),
					r.denominator()))
			.forEach(result::add);
		return result;
	}

	/**
	 * What a total over a region covers for a user of the given unit: the region when the
	 * user sees all of it, otherwise the user's own part of it (their county, or their
	 * unit such as a police station), never a larger area than the user's scope.
	 */
	public String scopeName(long organisationId, DataScope scope, String regionCode) {
		Region region = organisations.region(regionCode);
		if (coversRegion(organisationId, scope, regionCode)) {
			return region.name();
		}
		Organisation unit = organisations.get(organisationId);
		if (coversWholeRegion(unit) && unit.regionCode().startsWith(organisations.regionPrefix(regionCode))) {
			return organisations.region(unit.regionCode()).name();
		}
		return unit.name();
	}

	/** Whether a user of the given unit sees every school of the region. */
	public boolean coversRegion(long organisationId, DataScope scope, String regionCode) {
		if (scope.unrestricted()) {
			return true;
		}
		Organisation unit = organisations.get(organisationId);
		return coversWholeRegion(unit) && regionCode.startsWith(organisations.regionPrefix(unit.regionCode()));
	}

	/**
	 * Bureaus (and the platform) see every school of their region; other units a part.
	 */
	private static boolean coversWholeRegion(Organisation unit) {
		return switch (unit.kind()) {
			case PLATFORM, CITY_EDUCATION_BUREAU, CITY_PUBLIC_SECURITY_BUREAU, COUNTY_EDUCATION_BUREAU,
					COUNTY_PUBLIC_SECURITY_BUREAU ->
				true;
			default -> false;
		};
	}

	@Transactional(readOnly = true)
	public Paged<FailingSchool> failing(DataScope scope, Metric metric, String regionCode, Long stationId,
			PageRequest page) {
		return store.failing(scope, metric, organisations.regionPrefix(regionCode), stationId, page);
	}

	public List<RuleSetSummary> ruleSets() {
		return book.all()
			.stream()
			.map(set -> new RuleSetSummary(set.id(), set.title(), set.description(), set.everywhere(), set.rules()
				.stream()
				.map(r -> new RuleSetSummary.RuleLine(r.id(), r.title(), r.source(), r.effectiveFrom(),
						r.effectiveUntil(), r.appliesTo().describe(), r.metric(),
						r.inferred() || r.check() instanceof Check.Staffing staffing
								&& staffing.formula().bands().stream().anyMatch(StaffingFormula.Band::inferred)))
				.toList()))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<String> assignedTo(String regionCode) {
		return store.assignedSetsOf(regionCode);
	}

	/** Switches a region's rule sets and re-evaluates every school in the background. */
	@Transactional
	public void assign(String assignedBy, String regionCode, List<String> ruleSetIds) {
		organisations.region(regionCode);
		List<String> ids = ruleSetIds == null ? List.of() : ruleSetIds.stream().distinct().toList();
		for (String id : ids) {
			RuleSet set = book.find(id).orElseThrow(() -> new InvalidInputException("ruleSets", "规则集 " + id + " 不存在"));
			if (set.everywhere()) {
				throw new InvalidInputException("ruleSets", "规则集“" + set.title() + "”全国适用，无需指定");
			}
		}
		store.assign(regionCode, ids, assignedBy);
		audit.record("RULE_SETS_ASSIGNED", "region", regionCode, String.join(",", ids));
	}

	/**
	 * Evaluates every school now, in the calling thread (demo data, tests, benchmark).
	 */
	public int evaluateAll() {
		// the postures and the schools come from two queries: run them side by side
		java.util.concurrent.CompletableFuture<Map<Long, SecurityPosture>> current = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> postures.currentForAll(), executor);
		List<School> all = allSchools();
		evaluateInBulk(all, current.join(), done -> {
		});
		return all.size();
	}

	/**
	 * Evaluates many schools: the rules of each region are looked up once, the postures
	 * are read in one query, schools are judged on all cores, and each thousand is
	 * written in its own transaction while the next thousand is being judged.
	 */
	private void evaluateInBulk(List<School> all, Map<Long, SecurityPosture> current,
			java.util.function.IntConsumer progress) {
		long started = System.nanoTime();
		LocalDate today = PlatformTime.today(clock);
		Map<String, List<Rule>> rulesByRegion = new java.util.HashMap<>();
		for (School school : all) {
			rulesByRegion.computeIfAbsent(school.regionCode(),
					region -> transactions.execute(status -> rulesFor(school, today)));
		}
		java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor();
		java.util.concurrent.Future<?> pending = null;
		long evaluateNanos = 0;
		try {
			for (int from = 0; from < all.size(); from += 1000) {
				List<School> chunk = all.subList(from, Math.min(all.size(), from + 1000));
				long evaluating = System.nanoTime();
				List<String> rows = chunk.parallelStream()
					.map(school -> store.csvRow(school,
							ComplianceEngine.judge(school.details(),
									current.getOrDefault(school.id(), SecurityPosture.unreported()),
									rulesByRegion.get(school.regionCode()), today)))
					.toList();
				evaluateNanos += System.nanoTime() - evaluating;
				await(pending);
				int done = from + chunk.size();
				pending = writer.submit(() -> {
					transactions.executeWithoutResult(status -> store.writeRows(rows));
					progress.accept(done);
				});
			}
			await(pending);
		}
		finally {
			writer.shutdown();
		}
		log.info("合规评估 {} 所学校: 评估 {} ms, 评估与写入合计 {} ms", all.size(), evaluateNanos / 1_000_000,
				(System.nanoTime() - started) / 1_000_000);
	}

	private static void await(java.util.concurrent.Future<?> pending) {
		if (pending == null) {
			return;
		}
		try {
			pending.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("评估被中断", ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime
					: new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * Starts a full re-evaluation in the background; its progress is kept in the
	 * database.
	 */
	public EvaluationRun startFullEvaluation(String startedBy) {
		// every database call here runs in its own transaction: outside one, a read-only
		// connection would be
		// bound to this method's scope and reused by the insert below
		Optional<EvaluationRun> latest = transactions.execute(status -> store.latestRun());
		if (latest.isPresent() && latest.get().running()
				&& latest.get().startedAt().isAfter(OffsetDateTime.now(clock).minusMinutes(30))) {
			return latest.get();
		}
		List<School> all = allSchools();
		long runId = transactions.execute(status -> {
			long id = store.startRun(startedBy, all.size());
			audit.record("COMPLIANCE_FULL_EVALUATION", "evaluation_run", id,
					"全部重新评估 " + all.size() + " 所学校，发起：" + startedBy);
			return id;
		});
		executor.execute(() -> runFull(runId, all));
		return store.run(runId).orElseThrow();
	}

	private void runFull(long runId, List<School> all) {
		try {
			evaluateInBulk(all, postures.currentForAll(),
					done -> transactions.executeWithoutResult(status -> store.progress(runId, done)));
			transactions.executeWithoutResult(status -> store.finish(runId, "DONE", "已评估 " + all.size() + " 所学校"));
		}
		catch (RuntimeException ex) {
			log.error("全量合规评估失败 (run {})", runId, ex);
			transactions.executeWithoutResult(status -> store.finish(runId, "FAILED", ex.getMessage()));
		}
	}

	@Transactional(readOnly = true)
	public Optional<EvaluationRun> run(long id) {
		return store.run(id);
	}

	@Transactional(readOnly = true)
	public Optional<EvaluationRun> latestRun() {
		return store.latestRun();
	}

	private List<School> allSchools() {
		List<School> all = new ArrayList<>();
		schools.forEach(DataScope.everything(false), SchoolFilter.none(), all::add);
		return all;
	}

	/**
	 * How many requirements each school in scope fails at its latest evaluation (schools
	 * failing none are left out): the figure behind a school's 不合格项 list.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Integer> failingCountBySchool(DataScope scope) {
		return store.failingBySchool(scope);
	}

}
