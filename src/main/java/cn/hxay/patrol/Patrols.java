package cn.hxay.patrol;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.hxay.audit.AuditTrail;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.posture.Postures;
import cn.hxay.school.School;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.Violation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patrol module's API. The school's own accounts keep the plan, points and roster and
 * scan points; bureaus and police see each school's patrol status of a day. What is kept
 * here sets the posture facts {@code patrolRules} (巡查制度: a plan with points),
 * {@code holidayDutyRoster} (假期值班表) and {@code leaderOnDuty} (领导带班: every rostered day
 * from today has a leader) through {@link Postures#amend}, instead of a typed yes/no.
 */
@Service
@Transactional(readOnly = true)
public class Patrols {

	/**
	 * Who the posture versions set from patrol records are recorded by; the posture page
	 * shows it as the source of the facts.
	 */
	public static final String RECORDED_BY = "来自巡更记录";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final PatrolStore store;

	private final SchoolRegistry schools;

	private final Postures postures;

	private final AuditTrail audit;

	private final Clock clock;

	Patrols(PatrolStore store, SchoolRegistry schools, Postures postures, AuditTrail audit, Clock clock) {
		this.store = store;
		this.schools = schools;
		this.postures = postures;
		this.audit = audit;
		this.clock = clock;
	}

	/** The user's own school when the user is a school's account. */
	public Optional<School> ownSchool(CurrentUser user, DataScope scope) {
		if (!user.hasRole(Role.SCHOOL_SAFETY_LEAD)) {
			return Optional.empty();
		}
		return schools.ofUnit(scope, user.organisationId());
	}

	/** Whether any school has a patrol plan (demo data is skipped then). */
	public boolean anyRecorded() {
		return store.anyPlan();
	}

	public PatrolPlan plan(School school) {
		return store.plan(school.id()).orElse(PatrolPlan.defaults(school.id()));
	}

	public List<PatrolPoint> points(School school) {
		return store.points(school.id());
	}

	/** A school's patrols of a day, judged now. */
	public PatrolDay day(School school, LocalDate day) {
		return day(school, day, clock.instant());
	}

	/** A school's patrols of a day, judged at a given moment (tests move it). */
	public PatrolDay day(School school, LocalDate day, Instant now) {
		PatrolPlan plan = plan(school);
		return new PatrolDay(school.id(), school.name(), day, plan.roundsPerDay(),
				store.rounds(school.id(), day, plan.roundMinutes()), day.isBefore(PlatformTime.dayOf(now)), now);
	}

	/** Each school with a plan in the scope, with its figures of a day. */
	public List<SchoolPatrolStatus> statuses(DataScope scope, LocalDate day) {
		return statuses(scope, day, clock.instant());
	}

	/** Each school's figures of a day, judged at a given moment (tests move it). */
	public List<SchoolPatrolStatus> statuses(DataScope scope, LocalDate day, Instant now) {
		return store.statuses(scope, day, now);
	}

	/** Saves the school's plan; sets 巡查制度 on the posture once the school has points. */
	@Transactional
	public PatrolPlan savePlan(CurrentUser user, DataScope scope, Integer roundsPerDay, Integer minSecondsBetween,
			Integer roundMinutes) {
		School school = mustWork(user, scope);
		List<Violation> problems = new ArrayList<>();
		if (roundsPerDay == null || roundsPerDay < PatrolPlan.DEFAULT_ROUNDS || roundsPerDay > 48) {
			problems.add(Violation.of("roundsPerDay", "每日巡更轮次应为 5–48（GB/T 29315-2022：每日不少于 5 次）"));
		}
		if (minSecondsBetween == null || minSecondsBetween < 0 || minSecondsBetween > 3600) {
			problems.add(Violation.of("minSecondsBetween", "两点最短间隔应为 0–3600 秒"));
		}
		if (roundMinutes == null || roundMinutes < 10 || roundMinutes > 720) {
			problems.add(Violation.of("roundMinutes", "一轮时限应为 10–720 分钟"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		PatrolPlan plan = new PatrolPlan(school.id(), roundsPerDay, minSecondsBetween, roundMinutes);
		store.savePlan(school, plan, user.username(), clock.instant());
		audit.record("PATROL_PLAN_SAVED", "school", school.id(), "每日 " + roundsPerDay + " 轮");
		feedPosture(school);
		return plan;
	}

	/**
	 * Adds a patrol point (a key area) at a place in the round's order with a fresh
	 * random QR token.
	 */
	@Transactional
	public PatrolPoint addPoint(CurrentUser user, DataScope scope, String name, Integer order) {
		School school = mustWork(user, scope);
		List<Violation> problems = new ArrayList<>();
		if (name == null || name.isBlank() || name.strip().length() > 50) {
			problems.add(Violation.of("name", "请填写点位名称（50 字以内）"));
		}
		if (order == null || order < 1 || order > 99) {
			problems.add(Violation.of("order", "巡更顺序应为 1–99"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (store.plan(school.id()).isEmpty()) {
			store.savePlan(school, PatrolPlan.defaults(school.id()), user.username(), clock.instant());
		}
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		if (!store.addPoint(school, name.strip(), order, token, clock.instant())) {
			throw new InvalidInputException("name", "本校已有点位“" + name.strip() + "”");
		}
		audit.record("PATROL_POINT_ADDED", "school", school.id(), name.strip());
		feedPosture(school);
		return store.pointByToken(token).orElseThrow();
	}

	/** A point of a school in the scope (for its QR code). */
	public PatrolPoint point(DataScope scope, long id) {
		return store.point(scope, id).orElseThrow(() -> new NotFoundException("巡更点位不存在或不在您的管辖范围内"));
	}

	/**
	 * The point a scanned QR code names, for the signed-in guard of its school (404
	 * otherwise).
	 */
	public PatrolPoint pointToScan(CurrentUser user, DataScope scope, String token) {
		School school = ownSchool(user, scope).orElse(null);
		return store.pointByToken(token == null ? "" : token)
			.filter(p -> school != null && p.schoolId() == school.id())
			.orElseThrow(() -> new NotFoundException("巡更点位不存在或不属于本校"));
	}

	/**
	 * Records a scan by the signed-in guard: joins the guard's round under way (a round
	 * ends when every point is scanned, when its time runs out, or when a point is
	 * scanned twice, which starts the next round), or starts a new one. Fewer seconds
	 * than the plan's minimum since the previous point flags the round as too fast.
	 */
	@Transactional
	public ScanResult scan(CurrentUser user, DataScope scope, String token) {
		if (user.readOnly()) {
			throw new ForbiddenException("只读账号不能打卡");
		}
		PatrolPoint point = pointToScan(user, scope, token);
		School school = ownSchool(user, scope).orElseThrow();
		PatrolPlan plan = plan(school);
		Instant now = clock.instant();
		LocalDate today = PlatformTime.dayOf(now);
		Optional<PatrolRound> current = store.lastUnfinished(school.id(), user.username(), today, plan.roundMinutes())
			.filter(r -> r.open(now));
		if (current.isPresent() && store.scanned(current.get().id(), point.id())) {
			store.end(current.get().id(), now);
			current = Optional.empty();
		}
		long roundId;
		Integer seconds = null;
		if (current.isPresent()) {
			roundId = current.get().id();
			seconds = (int) Duration.between(current.get().lastScanAt(), now).toSeconds();
		}
		else {
			store.lastUnfinished(school.id(), user.username(), today, plan.roundMinutes())
				.ifPresent(r -> store.end(r.id(), now));
			roundId = store.startRound(school, user.username(), user.displayName(), today, points(school).size(), now);
		}
		boolean tooFast = seconds != null && seconds < plan.minSecondsBetween();
		store.scan(roundId, point.id(), now, seconds, tooFast);
		audit.record("PATROL_SCAN", "school", school.id(), point.name() + (tooFast ? " · 过快" : ""));
		return new ScanResult(point, store.round(roundId, plan.roundMinutes()).orElseThrow(), tooFast);
	}

	/** The roster from a day on. */
	public List<DutyEntry> roster(School school, LocalDate from) {
		return store.roster(school.id(), from, 200);
	}

	/** Adds a line to the duty roster and updates 假期值班表 / 领导带班 on the posture. */
	@Transactional
	public void addDuty(CurrentUser user, DataScope scope, NewDuty duty) {
		School school = mustWork(user, scope);
		LocalDate today = PlatformTime.today(clock);
		List<Violation> problems = new ArrayList<>();
		if (duty == null || duty.day() == null || duty.day().isBefore(today.minusDays(7))
				|| duty.day().isAfter(today.plusDays(180))) {
			problems.add(Violation.of("day", "值班日期应在 7 天前到 180 天后之间"));
		}
		String person = duty == null || duty.person() == null ? null : duty.person().strip();
		if (person == null || person.isEmpty() || person.length() > 50) {
			problems.add(Violation.of("person", "请填写值班人员（50 字以内）"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!store.addDuty(school, duty, person, user.username(), clock.instant())) {
			throw new InvalidInputException("person", person + " 已在 " + duty.day() + " 的值班表上");
		}
		audit.record("DUTY_ADDED", "school", school.id(),
				duty.day() + " · " + person + (Boolean.TRUE.equals(duty.leader()) ? " · 带班领导" : "")
						+ (Boolean.TRUE.equals(duty.holiday()) ? " · 假期" : ""));
		feedPosture(school);
	}

	/**
	 * Whether every rostered day from yesterday on (holidays included) has a leader on
	 * duty.
	 */
	public boolean leaderOnEveryDay(School school) {
		LocalDate yesterday = PlatformTime.today(clock).minusDays(1);
		return !roster(school, yesterday).isEmpty() && store.daysWithoutLeader(school.id(), yesterday) == 0;
	}

	/**
	 * The daily judgement (run by {@link PatrolPostureJob} for the day before, tests call
	 * it with a moved clock): for every school with a patrol plan, 巡查制度
	 * ({@code patrolRules}) is whether the day's valid rounds reached the plan (GB/T
	 * 29315-2022: at least 5), and, where the school keeps a roster, 假期值班表 and 领导带班 (a
	 * leader on every roster day from that day on, holidays included) are set from it.
	 * Each is recorded on the posture through {@link Postures#amend}, so compliance
	 * re-judges the school.
	 * @return the schools whose posture changed
	 */
	@Transactional
	public int judgeDay(LocalDate day, Instant now) {
		int changed = 0;
		// every school with a plan, however many (the pages show at most 2000)
		for (SchoolPatrolStatus s : store.statuses(DataScope.everything(true), day, now, Integer.MAX_VALUE)) {
			Map<String, String> facts = new java.util.LinkedHashMap<>();
			facts.put("patrolRules", String.valueOf(s.points() > 0 && s.met()));
			facts.putAll(rosterFacts(s.schoolId(), day));
			if (postures.amend(RECORDED_BY, s.schoolId(), facts).isPresent()) {
				changed++;
			}
		}
		audit.record("PATROL_DAY_JUDGED", "patrol", null, day + " · " + changed + " 所学校的安全防范情况已更新");
		return changed;
	}

	private Map<String, String> rosterFacts(long schoolId, LocalDate from) {
		Map<String, String> facts = new java.util.LinkedHashMap<>();
		List<DutyEntry> roster = store.roster(schoolId, from, 200);
		if (!roster.isEmpty()) {
			facts.put("holidayDutyRoster", String.valueOf(roster.stream().anyMatch(DutyEntry::holiday)));
			facts.put("leaderOnDuty", String.valueOf(store.daysWithoutLeader(schoolId, from) == 0));
		}
		return facts;
	}

	/**
	 * Sets the posture facts the records answer: 巡查制度 (a plan with points; the daily
	 * judgement then checks the rounds walked), 假期值班表 (a holiday duty from yesterday on),
	 * 领导带班 (every rostered day from yesterday has a leader). Facts the records cannot yet
	 * answer are left as they are.
	 */
	private void feedPosture(School school) {
		Map<String, String> facts = new java.util.LinkedHashMap<>();
		if (!points(school).isEmpty()) {
			facts.put("patrolRules", "true");
		}
		facts.putAll(rosterFacts(school.id(), PlatformTime.today(clock).minusDays(1)));
		if (!facts.isEmpty()) {
			postures.amend(RECORDED_BY, school.id(), facts);
		}
	}

	private School mustWork(CurrentUser user, DataScope scope) {
		return ownSchool(user, scope).orElseThrow(() -> new ForbiddenException("只有本校账号可以管理巡更和值班"));
	}

}
