package cn.hxay.drill;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.hxay.audit.AuditTrail;
import cn.hxay.hazard.Hazard;
import cn.hxay.hazard.HazardLedger;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.FormChecks;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.Violation;
import cn.hxay.shared.documents.Photos;
import jakarta.validation.Validator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The drill module's API: record and plan drills, each school's status per type on a day
 * (by the platform clock), photos and lessons (raised as hazards through the ledger),
 * safety sessions and group activities, and Annex 1's figures from them. Anything outside
 * the reader's scope is reported as not found.
 */
@Service
@Transactional(readOnly = true)
public class Drills {

	/** Printable text: no NUL or other control characters except tab and line breaks. */
	public static final String PRINTABLE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

	/**
	 * The school's own lead and the education bureaus record; police and the 督导员 read.
	 */
	public static final Set<Role> RECORDERS = Set.of(Role.SCHOOL_SAFETY_LEAD, Role.COUNTY_EDUCATION_ADMIN,
			Role.CITY_EDUCATION_ADMIN);

	static final int MAX_PHOTOS = 6;

	/**
	 * How far back a held drill may be recorded, and how far ahead one may be planned.
	 */
	static final int MAX_DAYS = 366;

	private final DrillStore store;

	private final DrillRules rules;

	private final SchoolRegistry schools;

	private final HazardLedger hazards;

	private final AuditTrail audit;

	private final Validator validator;

	private final Clock clock;

	Drills(DrillStore store, DrillRules rules, SchoolRegistry schools, HazardLedger hazards, AuditTrail audit,
			Validator validator, Clock clock) {
		this.store = store;
		this.rules = rules;
		this.schools = schools;
		this.hazards = hazards;
		this.audit = audit;
		this.validator = validator;
		this.clock = clock;
	}

	public boolean mayRecord(CurrentUser user) {
		return !user.readOnly() && user.roles().stream().anyMatch(RECORDERS::contains);
	}

	public DrillRules rules() {
		return rules;
	}

	public LocalDate today() {
		return PlatformTime.today(clock);
	}

	/** Records a held drill (a day up to today) or plans one (a day after today). */
	@Transactional
	public Drill record(CurrentUser user, DataScope scope, DrillForm form) {
		mustRecord(user);
		FormChecks.validate(validator, form, "schoolId");
		School school = schools.get(scope, form.schoolId());
		LocalDate today = today();
		boolean held = !form.day().isAfter(today);
		checkDay("day", form.day(), today);
		if (held) {
			requireHeldFigures(form.participants(), form.durationMinutes());
		}
		Instant now = clock.instant();
		long id = store.insert(school, form.type(), held ? null : form.day(), held ? form.day() : null,
				held ? form.participants() : null, held ? form.durationMinutes() : null, blankToNull(form.scenario()),
				held ? blankToNull(form.lessons()) : null, user.displayName(), now);
		audit.record(held ? "DRILL_HELD" : "DRILL_PLANNED", "drill", id,
				school.name() + " " + form.type().label() + " " + form.day());
		return store.byId(scope, id).orElseThrow();
	}

	/** Records a planned drill as held, on a day up to today. */
	@Transactional
	public Drill hold(CurrentUser user, DataScope scope, long id, DrillForm form) {
		mustRecord(user);
		Drill drill = get(scope, id);
		if (drill.held()) {
			throw new InvalidInputException("day", "该演练已记录为已完成");
		}
		FormChecks.validate(validator, form, "schoolId");
		LocalDate today = today();
		if (form.day().isAfter(today)) {
			throw new InvalidInputException("day", "演练日期不能晚于今天（" + today + "）");
		}
		checkDay("day", form.day(), today);
		requireHeldFigures(form.participants(), form.durationMinutes());
		if (!store.hold(id, form.day(), form.participants(), form.durationMinutes(), blankToNull(form.scenario()),
				blankToNull(form.lessons()), user.displayName(), clock.instant())) {
			throw new InvalidInputException("day", "该演练刚刚已由他人记录为已完成");
		}
		audit.record("DRILL_HELD", "drill", id, drill.schoolName() + " " + drill.type().label() + " " + form.day());
		return get(scope, id);
	}

	public Drill get(DataScope scope, long id) {
		return store.byId(scope, id).orElseThrow(Drills::notFound);
	}

	/**
	 * The newest drills in scope (held and planned), optionally of one school or type.
	 */
	public List<Drill> list(DataScope scope, Long schoolId, DrillType type) {
		return store.list(scope, schoolId, type, 200);
	}

	/** Each school's status in scope today by the platform clock. */
	public List<SchoolDrills> board(DataScope scope, SchoolFilter filter) {
		return board(scope, filter, today());
	}

	/**
	 * Each school's status in scope on a day, ordered by county and name: drills held on
	 * or before that day count, plans from that day on.
	 */
	public List<SchoolDrills> board(DataScope scope, SchoolFilter filter, LocalDate today) {
		Map<Long, Map<DrillType, DrillStore.Aggregate>> aggregates = store.aggregates(scope, today);
		List<SchoolDrills> board = new ArrayList<>();
		schools.forEach(scope, filter == null ? SchoolFilter.none() : filter, school -> {
			Map<DrillType, DrillStore.Aggregate> of = aggregates.getOrDefault(school.id(), Map.of());
			List<TypeStatus> types = new ArrayList<>();
			for (DrillType type : DrillType.values()) {
				DrillStore.Aggregate a = of.getOrDefault(type, new DrillStore.Aggregate(null, null));
				var kind = school.details().kind();
				types.add(new TypeStatus(type, rules.status(kind, type, a.lastHeld(), a.nextPlanned(), today),
						rules.intervalDays(kind, type), a.lastHeld(), rules.dueOn(kind, type, a.lastHeld()),
						a.nextPlanned()));
			}
			board.add(new SchoolDrills(school.id(), school.name(), school.regionCode(), school.details().kind(),
					List.copyOf(types)));
		});
		return board;
	}

	/** One school's status today; 404 outside the scope. */
	public SchoolDrills ofSchool(DataScope scope, long schoolId) {
		School school = schools.get(scope, schoolId);
		return board(scope, new SchoolFilter(school.code(), null, null, null, null, null)).stream()
			.filter(s -> s.schoolId() == schoolId)
			.findFirst()
			.orElseThrow(Drills::notFound);
	}

	/**
	 * How many schools in scope have a drill type overdue today: the board's 逾期 count,
	 * without building the board (a city of 100,000 schools): every school in scope (from
	 * the registry's summary) less those with every type held within its interval.
	 */
	public long overdueSchools(DataScope scope) {
		LocalDate today = today();
		Map<Long, Map<DrillType, DrillStore.Aggregate>> aggregates = store.aggregates(scope, today);
		Map<Long, cn.hxay.school.SchoolKind> kinds = schools.kindsOf(scope, aggregates.keySet());
		long current = kinds.entrySet().stream().filter(school -> {
			Map<DrillType, DrillStore.Aggregate> of = aggregates.get(school.getKey());
			for (DrillType type : DrillType.values()) {
				DrillStore.Aggregate a = of.get(type);
				if (a == null || rules.status(school.getValue(), type, a.lastHeld(), a.nextPlanned(),
						today) == DrillStatus.OVERDUE) {
					return false;
				}
			}
			return true;
		}).count();
		return schools.statistics(scope).schools() - current;
	}

	/** How many schools have each overall status: the figures of the board they open. */
	public static Map<DrillStatus, Long> countByStatus(List<SchoolDrills> board) {
		Map<DrillStatus, Long> counts = new EnumMap<>(DrillStatus.class);
		for (DrillStatus s : DrillStatus.values()) {
			counts.put(s, 0L);
		}
		board.forEach(s -> counts.merge(s.overall(), 1L, Long::sum));
		return counts;
	}

	/** Keeps a photo of a held drill (JPEG, PNG or WebP by its first bytes, 5 MB). */
	@Transactional
	public DrillPhoto addPhoto(CurrentUser user, DataScope scope, long id, byte[] bytes, String caption) {
		mustRecord(user);
		Drill drill = get(scope, id);
		if (!drill.held()) {
			throw new InvalidInputException("photo", "演练完成后才能上传照片");
		}
		String type = Photos.checkedType(bytes);
		if (store.photos(id).size() >= MAX_PHOTOS) {
			throw new InvalidInputException("photo", "每次演练最多 " + MAX_PHOTOS + " 张照片");
		}
		String text = caption == null || caption.isBlank() ? null : caption.strip();
		if (text != null && (text.length() > 100 || !text.matches(PRINTABLE))) {
			throw new InvalidInputException("caption", "照片说明不能超过 100 字，且不能含控制字符");
		}
		long photoId = store.insertPhoto(id, type, bytes, text, user.displayName(), clock.instant());
		audit.record("DRILL_PHOTO_ADDED", "drill", id, drill.schoolName() + " " + drill.type().label());
		return store.photos(id).stream().filter(p -> p.id() == photoId).findFirst().orElseThrow();
	}

	public List<DrillPhoto> photos(DataScope scope, long id) {
		get(scope, id);
		return store.photos(id);
	}

	public byte[] photo(DataScope scope, long id, long photoId) {
		get(scope, id);
		return store.photoBytes(id, photoId).orElseThrow(() -> new NotFoundException("照片不存在"));
	}

	/**
	 * Raises the lessons of a held drill as a hazard on the ledger (once per drill),
	 * through the hazard module's own rules; the drill keeps the hazard's id.
	 */
	@Transactional
	public Hazard raiseHazard(CurrentUser user, DataScope scope, long id, HazardLedger.NewHazard hazard) {
		mustRecord(user);
		Drill drill = get(scope, id);
		if (!drill.held()) {
			throw new InvalidInputException("description", "演练完成后才能将发现的问题登记为隐患");
		}
		if (drill.hazardId() != null) {
			throw new InvalidInputException("description", "该演练发现的问题已登记为隐患");
		}
		if (hazard == null) {
			throw new InvalidInputException("description", "请填写隐患信息");
		}
		HazardLedger.NewHazard forSchool = new HazardLedger.NewHazard(drill.schoolId(), hazard.place(),
				hazard.category(), hazard.grade(), hazard.description(), hazard.requirements(),
				hazard.responsibleUnit(), hazard.responsiblePerson(), hazard.deadline());
		Hazard raised = hazards.raise(user, scope, forSchool);
		if (!store.linkHazard(id, raised.id())) {
			throw new InvalidInputException("description", "该演练发现的问题刚刚已由他人登记为隐患");
		}
		audit.record("DRILL_HAZARD_RAISED", "drill", id, drill.schoolName() + " → " + raised.noticeNumber());
		return raised;
	}

	@Transactional
	public SafetySession recordSession(CurrentUser user, DataScope scope, SessionForm form) {
		mustRecord(user);
		FormChecks.validate(validator, form, "schoolId");
		School school = schools.get(scope, form.schoolId());
		checkPast("heldOn", form.heldOn(), today());
		long id = store.insertSession(school, form, user.displayName(), clock.instant());
		audit.record("SAFETY_SESSION_RECORDED", "drill", id, school.name() + " " + form.kind().label());
		return store.sessions(scope, school.id(), 200).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
	}

	public List<SafetySession> sessions(DataScope scope, Long schoolId) {
		return store.sessions(scope, schoolId, 200);
	}

	@Transactional
	public GroupActivity recordActivity(CurrentUser user, DataScope scope, ActivityForm form) {
		mustRecord(user);
		FormChecks.validate(validator, form, "schoolId");
		School school = schools.get(scope, form.schoolId());
		checkPast("heldOn", form.heldOn(), today());
		String leader = blankToNull(form.leaderName());
		if (form.ledBySchoolLeader() && leader == null) {
			throw new InvalidInputException("leaderName", "由校级领导直接负责时，请填写负责校领导姓名");
		}
		long id = store.insertActivity(school, form, form.ledBySchoolLeader() ? leader : null, user.displayName(),
				clock.instant());
		audit.record("GROUP_ACTIVITY_RECORDED", "drill", id, school.name() + " " + form.title().strip());
		return store.activities(scope, school.id(), 200).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
	}

	public List<GroupActivity> activities(DataScope scope, Long schoolId) {
		return store.activities(scope, schoolId, 200);
	}

	/**
	 * Annex 1's rows from the records, for the inspection module: per school with
	 * anything in the period ({@code from}..{@code to}, both included, e.g. the holiday),
	 * then one total per county (schoolId 0, the county's code as name).
	 */
	public List<AnnexFigures> annexFigures(DataScope scope, LocalDate from, LocalDate to) {
		if (from == null || to == null || to.isBefore(from) || from.plusYears(2).isBefore(to)) {
			throw new InvalidInputException("from", "请给出起止日期（不超过两年）");
		}
		return store.annex(scope, from, to);
	}

	/**
	 * How many drills the schools in scope held on the days {@code from}..{@code to}
	 * (both included): the held drills of the list dated in that period.
	 */
	public long heldBetween(DataScope scope, LocalDate from, LocalDate to) {
		return store.countHeld(scope, from, to);
	}

	/** The totals of {@link #annexFigures} per county, in the order of the rows. */
	public static List<AnnexFigures> byCounty(List<AnnexFigures> rows) {
		Map<String, AnnexFigures> totals = new LinkedHashMap<>();
		for (AnnexFigures r : rows) {
			totals.merge(r.regionCode(),
					new AnnexFigures(0, r.regionCode(), r.regionCode(), r.educationSessions(), r.legalLectures(),
							r.educationAudience(), r.activities(), r.people(), r.ledBySchoolLeader()),
					(a, b) -> new AnnexFigures(0, a.schoolName(), a.regionCode(),
							a.educationSessions() + b.educationSessions(), a.legalLectures() + b.legalLectures(),
							a.educationAudience() + b.educationAudience(), a.activities() + b.activities(),
							a.people() + b.people(), and(a.ledBySchoolLeader(), b.ledBySchoolLeader())));
		}
		return List.copyOf(totals.values());
	}

	public boolean anyDrill() {
		return store.anyDrill();
	}

	private static Boolean and(Boolean a, Boolean b) {
		if (a == null) {
			return b;
		}
		return b == null ? a : a && b;
	}

	private void mustRecord(CurrentUser user) {
		if (!mayRecord(user)) {
			throw new ForbiddenException("只有学校安全负责人和教育行政部门可以登记演练和安全教育");
		}
	}

	private static void requireHeldFigures(Integer participants, Integer minutes) {
		List<Violation> problems = new ArrayList<>();
		if (participants == null) {
			problems.add(Violation.of("participants", "已完成的演练请填写参演人数"));
		}
		if (minutes == null) {
			problems.add(Violation.of("durationMinutes", "已完成的演练请填写用时（分钟）"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static void checkDay(String field, LocalDate day, LocalDate today) {
		if (day.isBefore(today.minusDays(MAX_DAYS)) || day.isAfter(today.plusDays(MAX_DAYS))) {
			throw new InvalidInputException(field,
					"日期须在一年之内（" + today.minusDays(MAX_DAYS) + " 至 " + today.plusDays(MAX_DAYS) + "）");
		}
	}

	private static void checkPast(String field, LocalDate day, LocalDate today) {
		if (day.isAfter(today)) {
			throw new InvalidInputException(field, "日期不能晚于今天（" + today + "）");
		}
		checkDay(field, day, today);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static NotFoundException notFound() {
		return new NotFoundException("演练记录不存在或不在您的管辖范围内");
	}

}
