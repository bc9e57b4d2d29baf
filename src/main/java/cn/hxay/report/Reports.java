package cn.hxay.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.hxay.audit.AuditTrail;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.notification.EventType;
import cn.hxay.notification.Notifications;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.shared.ClusterLock;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.Violation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report module's API: define a report for the units below, fill in and submit a
 * period's report (prefilled, corrected with a reason, attested, then locked), reopen it
 * from the level above, see each unit's standing per period and the late list, issue a 通报
 * from it, and remind before the due day. Anything outside the reader's scope is not
 * found.
 */
@Service
@Transactional(readOnly = true)
public class Reports {

	/** Units above that define reports: education bureaus and public-security bureaus. */
	public static final Set<Role> DEFINERS = Set.of(Role.CITY_EDUCATION_ADMIN, Role.COUNTY_EDUCATION_ADMIN,
			Role.CITY_POLICE, Role.COUNTY_POLICE);

	/** The kinds of unit a report may be asked of. */
	public static final List<OrganisationKind> TARGET_KINDS = List.of(OrganisationKind.COUNTY_EDUCATION_BUREAU,
			OrganisationKind.COUNTY_PUBLIC_SECURITY_BUREAU, OrganisationKind.POLICE_STATION, OrganisationKind.SCHOOL);

	/** Shown instead of a police-only value to readers who are not police. */
	public static final String POLICE_ONLY = "（公安机关掌握）";

	static final int TITLE_MAX = 100;

	static final int TEXT_MAX = 4000;

	static final int REASON_MAX = 200;

	static final long NUMBER_MAX = 1_000_000_000L;

	private final ReportStore store;

	private final Organisations organisations;

	private final List<ReportFigureSource> sources;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final ClusterLock clusterLock;

	private final Clock clock;

	Reports(ReportStore store, Organisations organisations, List<ReportFigureSource> sources,
			Notifications notifications, AuditTrail audit, ClusterLock clusterLock, Clock clock) {
		this.store = store;
		this.organisations = organisations;
		this.sources = sources;
		this.notifications = notifications;
		this.audit = audit;
		this.clusterLock = clusterLock;
		this.clock = clock;
	}

	public LocalDate today() {
		return PlatformTime.today(clock);
	}

	public boolean mayDefine(CurrentUser user) {
		return !user.readOnly() && user.roles().stream().anyMatch(DEFINERS::contains);
	}

	// ---------------------------------------------------------------- definitions

	/** Defines a report for the units of the chosen kind below the user's unit. */
	@Transactional
	public ReportDefinition define(CurrentUser user, NewReport r) {
		if (!mayDefine(user)) {
			throw new ForbiddenException("只有教育行政部门和公安机关可以布置填报");
		}
		if (r == null) {
			throw new InvalidInputException("title", "请填写报表名称");
		}
		List<Violation> problems = new ArrayList<>();
		if (r.title() == null || r.title().isBlank() || r.title().strip().length() > TITLE_MAX) {
			problems.add(Violation.of("title", "请填写报表名称（" + TITLE_MAX + " 字以内）"));
		}
		if (r.form() == null) {
			problems.add(Violation.of("form", "请选择报表格式"));
		}
		if (r.cadence() == null) {
			problems.add(Violation.of("cadence", "请选择报送周期"));
		}
		if (r.startsOn() == null) {
			problems.add(Violation.of("startsOn", "请填写起始日期"));
		}
		else if (r.startsOn().isBefore(today().minusYears(2)) || r.startsOn().isAfter(today().plusYears(1))) {
			problems.add(Violation.of("startsOn", "起始日期应在两年前至一年后之间"));
		}
		if (r.endsOn() != null && r.startsOn() != null && r.endsOn().isBefore(r.startsOn())) {
			problems.add(Violation.of("endsOn", "截止日期不能早于起始日期"));
		}
		if (r.cadence() == Cadence.ONE_OFF) {
			if (r.endsOn() == null) {
				problems.add(Violation.of("endsOn", "一次性报送请填写数据截止日期"));
			}
			if (r.finalDueOn() == null || r.endsOn() != null && r.finalDueOn().isBefore(r.endsOn())) {
				problems.add(Violation.of("finalDueOn", "请填写报送截止日期（不早于数据截止日期）"));
			}
		}
		if (r.cadence() == Cadence.EVERY_N_DAYS
				&& (r.periodDays() == null || r.periodDays() < 1 || r.periodDays() > 92)) {
			problems.add(Violation.of("periodDays", "自定周期请填写每期天数（1–92）"));
		}
		if (r.dueDay() != null && (r.dueDay() < 0 || r.dueDay() > 28)) {
			problems.add(Violation.of("dueDay", "报送日应在 0–28 之间"));
		}
		if (r.cadence() == Cadence.MONTHLY && (r.dueDay() == null || r.dueDay() < 1)) {
			problems.add(Violation.of("dueDay", "按月报送请填写次月几日前报送（1–28）"));
		}
		if (r.lockDays() != null && (r.lockDays() < 0 || r.lockDays() > 60)) {
			problems.add(Violation.of("lockDays", "补报期限应在 0–60 天之间"));
		}
		if (r.remindDays() != null && (r.remindDays() < 0 || r.remindDays() > 15)) {
			problems.add(Violation.of("remindDays", "提前提醒天数应在 0–15 之间"));
		}
		Organisation owner = organisations.get(user.organisationId());
		List<Target> targets = List.of();
		if (r.targetKind() == null || !TARGET_KINDS.contains(r.targetKind())) {
			problems.add(Violation.of("targetKind", "请选择报送单位"));
		}
		else {
			targets = targetsBelow(owner, r.targetKind());
			if (targets.isEmpty()) {
				problems.add(Violation.of("targetKind", "本单位下级没有" + r.targetKind().label()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		List<Long> units = new ArrayList<>(targets.size() + 1);
		units.add(owner.id());
		targets.forEach(t -> units.add(t.unitId()));
		Map<Long, Organisation> loaded = organisations.byIds(units);
		Long[] unitIds = Organisations.recordUnitIdsOf(units.stream().map(loaded::get).toArray(Organisation[]::new));
		NewReport clean = new NewReport(r.title().strip(), r.form(), r.cadence(),
				r.dueDay() == null ? (r.cadence() == Cadence.HALF_MONTHLY ? 3 : 0) : r.dueDay(), r.periodDays(),
				r.startsOn(), r.endsOn(), r.finalDueOn(), r.lockDays() == null ? 10 : r.lockDays(),
				r.remindDays() == null ? 2 : r.remindDays(), r.targetKind());
		long id = store.insertDefinition(clean, owner.id(), owner.name(), user.displayName(), clock.instant(), unitIds);
		for (Target t : targets) {
			store.insertTarget(id, t, Organisations.recordUnitIdsOf(loaded.get(t.unitId())));
		}
		audit.record("REPORT_DEFINED", "report_definition", id, clean.title() + " · " + clean.cadence().label() + " · "
				+ targets.size() + " 个" + r.targetKind().label());
		return store.definition(DataScope.everything(true), id).orElseThrow();
	}

	/** The units of a kind in the owner's subtree, through the organisation tree. */
	private List<Target> targetsBelow(Organisation owner, OrganisationKind kind) {
		return organisations.ofKind(kind, owner.regionCode())
			.stream()
			.filter(u -> u.id() != owner.id() && u.isWithin(owner))
			.sorted(Comparator.comparing(Organisation::regionCode).thenComparing(Organisation::name))
			.map(u -> new Target(u.id(), u.name(), u.regionCode(), u.kind().isPolice()))
			.toList();
	}

	public List<ReportDefinition> definitions(DataScope scope) {
		return store.definitions(scope);
	}

	public ReportDefinition definition(DataScope scope, long id) {
		return store.definition(scope, id).orElseThrow(() -> new NotFoundException("报表不存在或不在您的管辖范围内"));
	}

	/** Whether the user's unit defined this report or is above it (sees every unit). */
	public boolean isAbove(CurrentUser user, ReportDefinition d) {
		Optional<Organisation> unit = organisations.find(user.organisationId());
		Organisation owner = organisations.get(d.ownerUnitId());
		return unit.isPresent() && owner.isWithin(unit.get());
	}

	// ---------------------------------------------------------------- standing

	/** Every unit in scope for one period, with its standing on {@code today}. */
	public List<UnitStatus> board(DataScope scope, long id, LocalDate periodStart, LocalDate today) {
		ReportDefinition d = definition(scope, id);
		Period p = d.period(periodStart, today).orElseThrow(() -> new NotFoundException("没有这个报表周期"));
		return board(scope, d, List.of(p), today);
	}

	private List<UnitStatus> board(DataScope scope, ReportDefinition d, List<Period> periods, LocalDate today) {
		List<Target> targets = store.targets(scope, d.id());
		Map<String, Submission> byKey = new HashMap<>();
		for (Submission s : store.submissions(scope, d.id())) {
			byKey.put(s.unitId() + "|" + s.periodStart(), s);
		}
		List<UnitStatus> rows = new ArrayList<>();
		for (Period p : periods) {
			for (Target t : targets) {
				Submission s = byKey.get(t.unitId() + "|" + p.start());
				LocalDate first = s == null || s.firstSubmittedAt() == null ? null
						: PlatformTime.dayOf(s.firstSubmittedAt());
				rows.add(new UnitStatus(t, p, p.statusOn(today, first), s == null ? null : s.id(),
						s == null ? null : s.state(), s == null ? null : s.firstSubmittedAt()));
			}
		}
		return rows;
	}

	/** Counts per standing for one period, from the same rows as {@link #board}. */
	public Map<ReportStatus, Long> counts(List<UnitStatus> rows) {
		Map<ReportStatus, Long> counts = new LinkedHashMap<>();
		for (ReportStatus s : ReportStatus.values()) {
			counts.put(s, rows.stream().filter(r -> r.status() == s).count());
		}
		return counts;
	}

	/**
	 * The late list of one report (迟报, 逾期未报, 漏报) over every period begun by
	 * {@code today}, or one period when {@code periodStart} is given; only for the level
	 * above.
	 */
	public List<UnitStatus> lateList(CurrentUser user, DataScope scope, long id, LocalDate periodStart,
			LocalDate today) {
		ReportDefinition d = definition(scope, id);
		mustBeAbove(user, d);
		List<Period> periods = periodStart == null ? d.periods(today)
				: List.of(d.period(periodStart, today).orElseThrow(() -> new NotFoundException("没有这个报表周期")));
		return board(scope, d, periods, today).stream().filter(r -> r.status().late()).toList();
	}

	/**
	 * What a reporting unit's user still has to report (待报, 逾期未报), over all its reports.
	 */
	public List<Todo> myDue(CurrentUser user, DataScope scope, LocalDate today) {
		List<Todo> todos = new ArrayList<>();
		for (ReportDefinition d : store.definitions(scope)) {
			if (store.targets(scope, d.id()).stream().noneMatch(t -> t.unitId() == user.organisationId())) {
				continue;
			}
			for (UnitStatus r : board(scope, d, d.periods(today), today)) {
				if (r.target().unitId() == user.organisationId()
						&& (r.status() == ReportStatus.DUE || r.status() == ReportStatus.OVERDUE)) {
					todos.add(new Todo(d, r));
				}
			}
		}
		return todos;
	}

	/**
	 * Units below that are past due without a report (逾期未报, 漏报), over reports the user's
	 * unit is above.
	 */
	public List<Todo> overdueBelow(CurrentUser user, DataScope scope, LocalDate today) {
		List<Todo> todos = new ArrayList<>();
		for (ReportDefinition d : store.definitions(scope)) {
			if (!isAbove(user, d)) {
				continue;
			}
			for (UnitStatus r : board(scope, d, d.periods(today), today)) {
				if (r.status() == ReportStatus.OVERDUE || r.status() == ReportStatus.MISSING) {
					todos.add(new Todo(d, r));
				}
			}
		}
		return todos;
	}

	/** One line of a to-do list: the report and the unit's period. */
	public record Todo(ReportDefinition definition, UnitStatus row) {
	}

	// ---------------------------------------------------------------- filling in

	/**
	 * Opens the user's unit's report for a period: the existing one, or a new draft with
	 * every figure a source offers prefilled.
	 */
	@Transactional
	public Submission open(CurrentUser user, DataScope scope, long id, LocalDate periodStart) {
		ReportDefinition d = definition(scope, id);
		Target target = store.targets(scope, id)
			.stream()
			.filter(t -> t.unitId() == user.organisationId())
			.findFirst()
			.orElseThrow(() -> new ForbiddenException("本单位不是此报表的报送单位"));
		if (user.readOnly()) {
			throw new ForbiddenException("督导员只能查看");
		}
		Period p = d.period(periodStart, today()).orElseThrow(() -> new NotFoundException("没有这个报表周期"));
		Optional<Submission> existing = store.submissionOf(id, target.unitId(), p.start());
		if (existing.isPresent()) {
			return existing.get();
		}
		if (!p.openOn(today())) {
			throw new ForbiddenException("本期已于 " + p.lockedAfter() + " 锁定，未报送（漏报）；如需补报请联系上级单位");
		}
		store.insertDraft(id, target, p);
		Submission s = store.submissionOf(id, target.unitId(), p.start()).orElseThrow();
		if (s.values().isEmpty()) {
			Map<String, ReportFigure> figures = figures(target, p);
			for (ReportForm.Field f : d.form().fields()) {
				ReportFigure fig = f.figure() == null ? null : figures.get(f.figure());
				String v = fig == null ? null : f.number() ? Long.toString(fig.value()) : fig.prefill();
				store.putValue(s.id(), new Submission.Value(f.key(), v, v, fig == null ? null : fig.source(), null,
						fig != null && fig.policeOnly()));
			}
		}
		return store.submissionOf(id, target.unitId(), p.start()).orElseThrow();
	}

	/**
	 * Whether a case list still holds every case the platform listed (lines added, e.g.
	 * cases prevented, need no reason; a platform case removed does).
	 */
	static boolean keepsEveryLine(String prefilled, String value) {
		java.util.Set<String> given = value == null ? java.util.Set.of()
				: value.lines().map(String::strip).collect(java.util.stream.Collectors.toSet());
		return prefilled.lines().map(String::strip).filter(l -> !l.isEmpty()).allMatch(given::contains);
	}

	/** Every figure the sources offer for the unit and period, by name. */
	Map<String, ReportFigure> figures(Target target, Period p) {
		Organisation unit = organisations.get(target.unitId());
		FigureRequest request = new FigureRequest(unit, organisations.scopeOf(unit.id(), false), p.start(), p.end(),
				asOf(p));
		Map<String, ReportFigure> figures = new HashMap<>();
		for (ReportFigureSource source : sources) {
			for (ReportFigure f : source.figures(request)) {
				figures.put(f.key(), f);
			}
		}
		return figures;
	}

	/**
	 * The moment a period's figures are taken as of: the end of its last day in Beijing
	 * time once it is over, else now.
	 */
	Instant asOf(Period p) {
		Instant end = p.end().plusDays(1).atStartOfDay(PlatformTime.ZONE).toInstant();
		Instant now = clock.instant();
		return now.isBefore(end) ? now : end;
	}

	public Submission submission(DataScope scope, long submissionId) {
		return store.submission(scope, submissionId).orElseThrow(() -> new NotFoundException("报表不存在或不在您的管辖范围内"));
	}

	public List<Submission.Step> steps(DataScope scope, long submissionId) {
		submission(scope, submissionId);
		return store.steps(submissionId);
	}

	/**
	 * Saves what the reporter typed, and with {@code submit} attests and submits it,
	 * which locks it. A changed prefilled figure needs a reason (kept); numbers are whole
	 * and not negative; each case counted in 打击违法犯罪, 督导问责 and 防范案事件 is attached as a
	 * line. Refused input is 400 by field with nothing written.
	 */
	@Transactional
	public Submission save(CurrentUser user, DataScope scope, long submissionId, int version,
			Map<String, String> values, Map<String, String> reasons, boolean submit, boolean attest) {
		return save(user, scope, submissionId, version, values, reasons, submit, attest, clock.instant());
	}

	@Transactional
	Submission save(CurrentUser user, DataScope scope, long submissionId, int version, Map<String, String> values,
			Map<String, String> reasons, boolean submit, boolean attest, Instant now) {
		Submission s = submission(scope, submissionId);
		if (s.unitId() != user.organisationId() || user.readOnly()) {
			throw new ForbiddenException("只有报送单位可以填报");
		}
		ReportDefinition d = store.definition(DataScope.everything(true), s.definitionId()).orElseThrow();
		if (!s.state().editable()) {
			throw new ConcurrentEditException("本期报表已报送并锁定；如需修改请上级单位退回");
		}
		LocalDate today = PlatformTime.dayOf(now);
		Period p = d.period(s.periodStart(), today).orElseThrow();
		if (s.state() != SubmissionState.REOPENED && !p.openOn(today)) {
			throw new ForbiddenException("本期已于 " + p.lockedAfter() + " 锁定，不能再报送；如需补报请联系上级单位退回");
		}
		Map<String, String> typed = values == null ? Map.of() : values;
		Map<String, String> why = reasons == null ? Map.of() : reasons;
		List<Violation> problems = new ArrayList<>();
		List<Submission.Value> next = new ArrayList<>();
		Map<String, Long> numbers = new HashMap<>();
		for (ReportForm.Field f : d.form().fields()) {
			Submission.Value old = s.value(f.key())
				.orElse(new Submission.Value(f.key(), null, null, null, null, false));
			String v = clean(typed.containsKey(f.key()) ? typed.get(f.key()) : old.value());
			String reason = clean(why.containsKey(f.key()) ? why.get(f.key()) : old.reason());
			if (f.number() && v != null) {
				if (!v.matches("\\d{1,10}") || Long.parseLong(v) >= NUMBER_MAX) {
					problems.add(Violation.of(f.key(), f.label() + "应为不小于 0 的整数"));
				}
				else {
					v = Long.toString(Long.parseLong(v));
					numbers.put(f.key(), Long.parseLong(v));
				}
			}
			if (v != null && v.length() > TEXT_MAX) {
				problems.add(Violation.of(f.key(), f.label() + "不超过 " + TEXT_MAX + " 字"));
			}
			if (submit && f.required() && v == null) {
				problems.add(Violation.of(f.key(), "请填写" + f.label()));
			}
			boolean corrected = old.prefilled() != null && !old.prefilled().equals(v)
					&& !(f.caseList() && keepsEveryLine(old.prefilled(), v));
			if (reason != null && reason.length() > REASON_MAX) {
				problems.add(Violation.of("reason." + f.key(), "修改原因不超过 " + REASON_MAX + " 字"));
			}
			if (corrected && reason == null) {
				problems.add(Violation.of("reason." + f.key(),
						f.label() + "与平台数据（" + old.prefilled() + "，" + old.source() + "）不同，请说明修改原因"));
			}
			next.add(new Submission.Value(f.key(), v, old.prefilled(), old.source(), corrected ? reason : null,
					old.policeOnly()));
		}
		if (submit) {
			for (ReportForm.Field f : d.form().fields()) {
				if (!f.caseList()) {
					continue;
				}
				long count = f.casesFor().stream().mapToLong(k -> numbers.getOrDefault(k, 0L)).sum();
				String text = next.stream().filter(v -> v.field().equals(f.key())).findFirst().orElseThrow().value();
				long lines = text == null ? 0 : text.lines().filter(l -> !l.isBlank()).count();
				if (lines != count) {
					problems.add(Violation.of(f.key(), "应逐起附上具体情况：共 " + count + " 起，已填 " + lines + " 起"));
				}
			}
			if (!attest) {
				problems.add(Violation.of("attest", "请确认填报内容已核对、属实"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		boolean policeOnly = next.stream().anyMatch(Submission.Value::policeOnly);
		SubmissionState state = submit ? SubmissionState.SUBMITTED : s.state();
		if (!store.update(s.id(), version, state, policeOnly, submit ? user.username() : null,
				submit ? user.displayName() : null, submit ? now : null)) {
			throw new ConcurrentEditException("本期报表已被他人修改，请刷新后再填");
		}
		for (Submission.Value v : next) {
			store.putValue(s.id(), v);
		}
		if (submit) {
			Organisation unit = organisations.get(user.organisationId());
			StringBuilder detail = new StringBuilder("经办人确认属实");
			for (Submission.Value v : next) {
				if (v.corrected() && v.reason() != null) {
					String label = d.form().field(v.field()).map(ReportForm.Field::label).orElse(v.field());
					detail.append("；")
						.append(label)
						.append(" ")
						.append(v.prefilled())
						.append(" → ")
						.append(v.value())
						.append("（")
						.append(v.reason())
						.append("）");
				}
			}
			store.step(s.id(), s.state() == SubmissionState.REOPENED ? "重新报送" : "报送", user.displayName(), unit.name(),
					now, detail.toString());
			ReportStatus status = p.statusOn(today,
					PlatformTime.dayOf(s.firstSubmittedAt() == null ? now : s.firstSubmittedAt()));
			audit.record("REPORT_SUBMITTED", "report_submission", s.id(),
					d.title() + " · " + p.label() + " · " + status.label());
		}
		return submission(scope, s.id());
	}

	/**
	 * The level above reopens a submitted report for correction, with a reason; the step
	 * is recorded and the report's standing stays judged by its first submission.
	 */
	@Transactional
	public Submission reopen(CurrentUser user, DataScope scope, long submissionId, String reason) {
		Submission s = submission(scope, submissionId);
		ReportDefinition d = store.definition(DataScope.everything(true), s.definitionId()).orElseThrow();
		if (!mayDefine(user) || s.unitId() == user.organisationId() || !isAbove(user, d)) {
			throw new ForbiddenException("只有上级单位可以退回报表");
		}
		String why = clean(reason);
		if (why == null || why.length() > REASON_MAX) {
			throw new InvalidInputException("reason", "请填写退回原因（" + REASON_MAX + " 字以内）");
		}
		if (s.state() != SubmissionState.SUBMITTED) {
			throw new ConcurrentEditException("只有已报送的报表可以退回");
		}
		if (!store.update(s.id(), s.version(), SubmissionState.REOPENED, s.policeOnly(), null, null, null)) {
			throw new ConcurrentEditException("报表已被他人修改，请刷新");
		}
		Organisation unit = organisations.get(user.organisationId());
		store.step(s.id(), "退回修改", user.displayName(), unit.name(), clock.instant(), why);
		audit.record("REPORT_REOPENED", "report_submission", s.id(), d.title() + " · " + s.unitName() + " · " + why);
		return submission(scope, s.id());
	}

	// ---------------------------------------------------------------- 通报

	/**
	 * Issues a 通报 on a period's late list (迟报, 逾期未报, 漏报), numbered per issuing unit and
	 * year without gaps; only the level above, only when the list is not empty.
	 */
	@Transactional
	public ReportNotice issueNotice(CurrentUser user, DataScope scope, long id, LocalDate periodStart, String remark) {
		ReportDefinition d = definition(scope, id);
		if (!mayDefine(user) || !isAbove(user, d)) {
			throw new ForbiddenException("只有布置单位及其上级可以通报");
		}
		if (periodStart == null) {
			throw new InvalidInputException("period", "请选择报表周期");
		}
		String extra = clean(remark);
		if (extra != null && extra.length() > 1000) {
			throw new InvalidInputException("remark", "补充内容不超过 1000 字");
		}
		List<UnitStatus> late = lateList(user, scope, id, periodStart, today());
		if (late.isEmpty()) {
			throw new InvalidInputException("period", "本期没有迟报、漏报的单位，无需通报");
		}
		Period p = late.get(0).period();
		clusterLock.await("report.notice");
		Organisation issuer = organisations.get(user.organisationId());
		Instant now = clock.instant();
		int year = PlatformTime.dayOf(now).getYear();
		Instant from = LocalDate.of(year, 1, 1).atStartOfDay(PlatformTime.ZONE).toInstant();
		Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(PlatformTime.ZONE).toInstant();
		int n = store.nextNoticeNumber(issuer.id(), from, to);
		String number = shortName(issuer.name()) + "通〔" + year + "〕" + n + "号";
		List<String> units = late.stream()
			.map(r -> r.target().unitName() + "：" + r.status().label()
					+ (r.submittedAt() == null ? "" : "（" + PlatformTime.MINUTE.format(r.submittedAt()) + " 报送）"))
			.toList();
		String title = "关于" + d.title() + "（" + p.label() + "）迟报漏报情况的通报";
		String body = "按照" + d.cadenceText() + "的要求，" + p.label() + " 的报表应于 " + PlatformTime.DATE.format(p.due())
				+ " 前报送。截至 " + PlatformTime.DATE.format(today()) + "，下列 " + late.size()
				+ " 个单位未按时报送，现予通报。请相关单位立即补报，说明原因，落实专人负责信息报送，不得迟报、漏报、瞒报。" + (extra == null ? "" : "\n" + extra);
		Set<Long> ids = new LinkedHashSet<>();
		ids.add(issuer.id());
		store.targets(DataScope.everything(true), id).forEach(t -> ids.add(t.unitId()));
		long noticeId = store.insertNotice(id, p, number, title, body, units, issuer.id(), issuer.name(),
				user.displayName(), now, organisations.recordUnitIds(ids));
		audit.record("REPORT_NOTICE_ISSUED", "report_notice", noticeId, number + " · " + late.size() + " 个单位");
		return store.notice(DataScope.everything(true), noticeId).orElseThrow();
	}

	public List<ReportNotice> notices(DataScope scope, long id) {
		definition(scope, id);
		return store.notices(scope, id);
	}

	public ReportNotice notice(DataScope scope, long noticeId) {
		return store.notice(scope, noticeId).orElseThrow(() -> new NotFoundException("通报不存在或不在您的管辖范围内"));
	}

	/** 常州市教育局 → 常教, 天宁区教育局 → 天宁教 (for document numbers). */
	static String shortName(String unit) {
		return cn.hxay.shared.documents.RedHeaderDocument.shortName(unit);
	}

	// ---------------------------------------------------------------- reminders

	/**
	 * One reminder run: every unit that has not submitted a period due within its
	 * report's reminder days is reminded once (audit line and a {@code report.due}
	 * webhook). Skipped when another node is running it.
	 */
	@Transactional
	public int remind(Instant now) {
		if (!clusterLock.tryTake("report.reminders")) {
			return 0;
		}
		LocalDate today = PlatformTime.dayOf(now);
		int sent = 0;
		DataScope all = DataScope.everything(true);
		for (ReportDefinition d : store.allDefinitions()) {
			List<Period> due = d.periods(today)
				.stream()
				.filter(p -> !today.isAfter(p.due()) && !today.isBefore(p.due().minusDays(d.remindDays())))
				.toList();
			if (due.isEmpty()) {
				continue;
			}
			for (UnitStatus r : board(all, d, due, today)) {
				if (r.status() != ReportStatus.DUE
						|| !store.claimReminder(d.id(), r.target().unitId(), r.period().start(), now)) {
					continue;
				}
				Map<String, Object> data = new LinkedHashMap<>();
				data.put("reportId", d.id());
				data.put("title", d.title());
				data.put("unit", r.target().unitName());
				data.put("period", r.period().label());
				data.put("due", PlatformTime.DATE.format(r.period().due()));
				notifications.notify(EventType.REPORT_DUE, "填报提醒：" + r.target().unitName() + " · " + d.title() + " · "
						+ PlatformTime.DATE.format(r.period().due()) + " 前报送", data);
				audit.record("REPORT_REMINDED", "report_definition", d.id(),
						r.target().unitName() + " · " + r.period().label() + " 未报，已提醒");
				sent++;
			}
		}
		return sent;
	}

	// ---------------------------------------------------------------- helpers

	private void mustBeAbove(CurrentUser user, ReportDefinition d) {
		if (!isAbove(user, d)) {
			throw new ForbiddenException("只有上级单位可以查看迟报名单");
		}
	}

	private static String clean(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/** A police-only value as a reader sees it. */
	public static String shown(Submission.Value v, DataScope scope) {
		return v.policeOnly() && !scope.policeData() ? POLICE_ONLY : v.value();
	}

}
