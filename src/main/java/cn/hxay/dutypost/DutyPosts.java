package cn.hxay.dutypost;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import cn.hxay.audit.AuditTrail;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.notification.EventType;
import cn.hxay.notification.Notifications;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.Organisations;
import cn.hxay.organisation.Region;
import cn.hxay.school.School;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.ClusterLock;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.Violation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 护学岗 module's API: posts at school gates, the schools' bells, the stations' rosters,
 * check-ins, coverage of the peaks, gaps flagged before the bell, and who is on duty at a
 * school now (for the 110 console). Police write posts, rosters and check-ins and read
 * officers' names and positions; a school keeps its own bells; education users read
 * posts, bells and coverage figures. Anything outside the reader's scope is reported as
 * not found.
 */
@Service
@Transactional(readOnly = true)
public class DutyPosts {

	/** Seed 002 §二(二)4: at least two police or auxiliary officers at the gate. */
	public static final int OFFICERS_NEEDED = 2;

	static final int NAME_MAX = 40;

	static final int PLACE_MAX = 200;

	static final int GATE_MAX = 60;

	static final int BELLS_MAX = 20;

	private final DutyPostStore store;

	private final SchoolRegistry schools;

	private final Organisations organisations;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final ClusterLock clusterLock;

	private final Clock clock;

	private final Duration gapLead;

	private final Duration presence;

	DutyPosts(DutyPostStore store, SchoolRegistry schools, Organisations organisations, Notifications notifications,
			AuditTrail audit, ClusterLock clusterLock, Clock clock,
			@Value("${hxay.dutypost.gap-minutes:10}") int gapMinutes,
			@Value("${hxay.dutypost.presence-window:PT90M}") Duration presence) {
		this.store = store;
		this.schools = schools;
		this.organisations = organisations;
		this.notifications = notifications;
		this.audit = audit;
		this.clusterLock = clusterLock;
		this.clock = clock;
		this.gapLead = Duration.ofMinutes(gapMinutes);
		this.presence = presence;
	}

	/** Police units: they keep posts and rosters, check in, and see officers. */
	public static boolean isPolice(CurrentUser user) {
		return user.hasAnyRole(Role.CITY_POLICE, Role.COUNTY_POLICE, Role.STATION_OFFICER);
	}

	public boolean mayWrite(CurrentUser user) {
		return !user.readOnly() && isPolice(user);
	}

	/** Coverage figures: everyone but a school's own account. */
	public static boolean seesCoverage(CurrentUser user) {
		return !user.hasRole(Role.SCHOOL_SAFETY_LEAD) || user.roles().size() > 1;
	}

	/** How many minutes before a bell an unstaffed post is flagged. */
	public long gapMinutes() {
		return gapLead.toMinutes();
	}

	// ---------------------------------------------------------------- posts and bells

	public List<DutyPost> posts(DataScope scope, Long schoolId) {
		return store.posts(scope, schoolId);
	}

	public DutyPost post(DataScope scope, long id) {
		return store.post(scope, id).orElseThrow(DutyPosts::notFound);
	}

	@Transactional
	public DutyPost create(CurrentUser user, DataScope scope, NewPost form) {
		mustWrite(user);
		if (form == null || form.schoolId() == null) {
			throw new InvalidInputException("schoolId", "请选择学校");
		}
		List<Violation> problems = new ArrayList<>();
		String gate = clean(form.gate());
		if (gate == null || gate.length() > GATE_MAX) {
			problems.add(Violation.of("gate", "请填写校门名称（" + GATE_MAX + " 字以内），如“南门”"));
		}
		coordinates(form.latitude(), form.longitude(), problems);
		School school = schools.get(scope, form.schoolId());
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = store.insertPost(school, gate, form.latitude(), form.longitude(), clock.instant(), user.username());
		if (id < 0) {
			throw new InvalidInputException("gate", "本校已有名为“" + gate + "”的护学岗");
		}
		audit.record("DUTY_POST_CREATED", "duty_post", id, school.name() + " · " + gate);
		return post(scope, id);
	}

	/** The bells of a school in scope, in time order. */
	public List<Bell> bells(DataScope scope, long schoolId) {
		schools.get(scope, schoolId);
		return store.bells(List.of(schoolId));
	}

	public School school(DataScope scope, long schoolId) {
		return schools.get(scope, schoolId);
	}

	/** The schools in scope, for choosing where a post goes. */
	public List<School> schoolsInScope(DataScope scope) {
		List<School> list = new ArrayList<>();
		schools.forEach(scope, cn.hxay.school.SchoolFilter.none(), list::add);
		list.sort(Comparator.comparing(School::regionCode).thenComparing(School::name));
		return list;
	}

	/** The bells of the posts' schools, by school. */
	public Map<Long, List<Bell>> bellsOf(List<DutyPost> posts) {
		return store.bells(posts.stream().map(DutyPost::schoolId).distinct().toList())
			.stream()
			.collect(Collectors.groupingBy(Bell::schoolId, LinkedHashMap::new, Collectors.toList()));
	}

	/** County names by code, for lists and exports. */
	public Map<String, String> countyNames() {
		return organisations.regions().stream().collect(Collectors.toMap(Region::code, Region::name, (a, b) -> a));
	}

	/** The school's own account and the police in scope keep its bells. */
	public boolean mayEditBells(CurrentUser user, School school) {
		return !user.readOnly() && (isPolice(user)
				|| user.hasRole(Role.SCHOOL_SAFETY_LEAD) && user.organisationId() == school.organisationId());
	}

	/** Replaces the school's bells with the rows given (all of them, in one go). */
	@Transactional
	public List<Bell> replaceBells(CurrentUser user, DataScope scope, long schoolId, List<BellRow> rows) {
		School school = schools.get(scope, schoolId);
		if (!mayEditBells(user, school)) {
			throw new ForbiddenException("只有本校和辖区公安机关可以修改作息时间");
		}
		List<BellRow> given = rows == null ? List.of() : rows.stream().filter(Objects::nonNull).toList();
		List<Violation> problems = new ArrayList<>();
		if (given.isEmpty()) {
			throw new InvalidInputException("bells", "请至少填写一条作息时间");
		}
		if (given.size() > BELLS_MAX) {
			throw new InvalidInputException("bells", "作息时间最多 " + BELLS_MAX + " 条");
		}
		List<Bell> bells = new ArrayList<>();
		for (int i = 0; i < given.size(); i++) {
			BellRow row = given.get(i);
			String field = "bells[" + i + "]";
			String label = clean(row.label());
			LocalTime at = null;
			try {
				at = row.at() == null ? null : LocalTime.parse(row.at().strip());
			}
			catch (DateTimeParseException ex) {
				// refused below
			}
			if (row.kind() == null) {
				problems.add(Violation.of(field + ".kind", "第 " + (i + 1) + " 行：请选择上学或放学"));
			}
			if (at == null) {
				problems.add(Violation.of(field + ".at", "第 " + (i + 1) + " 行：时间格式为 HH:mm，如 07:40"));
			}
			if (label == null || label.length() > NAME_MAX) {
				problems.add(Violation.of(field + ".label", "第 " + (i + 1) + " 行：请填写适用年级（" + NAME_MAX + " 字以内），如“全校”"));
			}
			if (!Weekdays.valid(row.weekdays())) {
				problems.add(Violation.of(field + ".weekdays", "第 " + (i + 1) + " 行：请选择哪几天"));
			}
			if (problems.isEmpty()) {
				bells.add(new Bell(0, schoolId, row.kind(), label, at.withSecond(0).withNano(0), row.weekdays()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		store.replaceBells(school, bells);
		audit.record("DUTY_BELLS_CHANGED", "school", schoolId, school.name() + " 作息时间 " + bells.size() + " 条");
		return store.bells(List.of(schoolId));
	}

	// ---------------------------------------------------------------- rosters

	public List<RosterEntry> roster(CurrentUser user, DataScope scope, long postId, LocalDate day) {
		mustSeeOfficers(user);
		post(scope, postId);
		return store.roster(List.of(postId), day == null ? PlatformTime.today(clock) : day);
	}

	/**
	 * The station's roster of a day: every post in scope with its entries (police only).
	 */
	public Map<DutyPost, List<RosterEntry>> rosterOfDay(CurrentUser user, DataScope scope, LocalDate day) {
		mustSeeOfficers(user);
		List<DutyPost> list = store.posts(scope, null);
		Map<Long, List<RosterEntry>> entries = store.roster(list.stream().map(DutyPost::id).toList(), day)
			.stream()
			.collect(Collectors.groupingBy(RosterEntry::postId));
		Map<DutyPost, List<RosterEntry>> result = new LinkedHashMap<>();
		list.forEach(p -> result.put(p, entries.getOrDefault(p.id(), List.of())));
		return result;
	}

	@Transactional
	public RosterEntry addRoster(CurrentUser user, DataScope scope, long postId, NewRoster form) {
		mustWrite(user);
		DutyPost post = post(scope, postId);
		LocalDate today = PlatformTime.today(clock);
		List<Violation> problems = new ArrayList<>();
		if (form == null) {
			throw new InvalidInputException("day", "请填写排班");
		}
		if (form.day() == null || form.day().isBefore(today) || form.day().isAfter(today.plusDays(62))) {
			problems.add(Violation.of("day", "排班日期应为今天起两个月内"));
		}
		if (form.period() == null) {
			problems.add(Violation.of("period", "请选择上学或放学时段"));
		}
		String name = clean(form.officerName());
		if (name == null || name.length() > NAME_MAX) {
			problems.add(Violation.of("officerName", "请填写民警或辅警姓名（" + NAME_MAX + " 字以内）"));
		}
		if (form.officerKind() == null) {
			problems.add(Violation.of("officerKind", "请选择民警或辅警"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		NewRoster clean = new NewRoster(form.day(), form.period(), name, form.officerKind());
		long id = store.insertRoster(post, store.unitsOf(post.id()), clean, clock.instant(), user.username());
		audit.record("DUTY_ROSTER_ADDED", "duty_post", post.id(), post.title() + " " + clean.day() + " "
				+ clean.period().label() + " " + clean.officerKind().label() + " " + name);
		return new RosterEntry(id, post.id(), clean.day(), clean.period(), name, clean.officerKind());
	}

	// ---------------------------------------------------------------- check-ins

	public List<CheckIn> checkIns(CurrentUser user, DataScope scope, long postId, LocalDate day) {
		mustSeeOfficers(user);
		post(scope, postId);
		return store.checkIns(List.of(postId), day == null ? PlatformTime.today(clock) : day);
	}

	/** The account's check-ins of today not yet checked out. */
	public List<CheckIn> openCheckIns(CurrentUser user) {
		return store.openCheckIns(user.username(), PlatformTime.today(clock));
	}

	/**
	 * Checks an officer in at a post, at the platform clock's time, with the phone's
	 * position or a typed place. The same officer cannot be checked in twice at once.
	 */
	@Transactional
	public CheckIn checkIn(CurrentUser user, DataScope scope, long postId, NewCheckIn form) {
		mustWrite(user);
		DutyPost post = post(scope, postId);
		if (form == null) {
			throw new InvalidInputException("place", "请获取定位或填写所在位置");
		}
		List<Violation> problems = new ArrayList<>();
		String name = clean(form.officerName());
		if (name == null) {
			name = user.displayName();
		}
		if (name == null || name.length() > NAME_MAX) {
			problems.add(Violation.of("officerName", "姓名应在 " + NAME_MAX + " 字以内"));
		}
		String place = clean(form.place());
		if (place != null && place.length() > PLACE_MAX) {
			problems.add(Violation.of("place", "位置说明应在 " + PLACE_MAX + " 字以内"));
		}
		coordinates(form.latitude(), form.longitude(), problems);
		if (form.latitude() == null && place == null) {
			problems.add(Violation.of("place", "未获取到定位，请填写所在位置（如“南门东侧”）"));
		}
		if (form.accuracy() != null && (form.accuracy() < 0 || form.accuracy() > 100_000)) {
			problems.add(Violation.of("accuracy", "定位精度无效"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		LocalDate day = PlatformTime.dayOf(now);
		String officer = name;
		boolean already = store.checkIns(List.of(postId), day)
			.stream()
			.anyMatch(c -> c.open() && c.officerName().equals(officer) && c.username().equals(user.username()));
		if (already) {
			throw new ConcurrentEditException(officer + " 已在此岗签到，请先签退");
		}
		OfficerKind kind = form.officerKind() == null ? OfficerKind.POLICE : form.officerKind();
		NewCheckIn clean = new NewCheckIn(officer, kind, scale(form.latitude()), scale(form.longitude()),
				form.accuracy(), place, Boolean.TRUE.equals(form.carPresent()));
		long id = store.insertCheckIn(post, store.unitsOf(postId), day, clean, user.username(), now);
		store.coverGaps(postId, day, now);
		audit.record("DUTY_CHECKED_IN", "duty_post", postId, post.title() + " " + kind.label() + " " + officer);
		return store.checkIn(scope, id).orElseThrow();
	}

	@Transactional
	public CheckIn checkOut(CurrentUser user, DataScope scope, long checkInId, CheckOut form) {
		mustWrite(user);
		CheckIn checkIn = store.checkIn(scope, checkInId).orElseThrow(DutyPosts::notFound);
		CheckOut out = form == null ? new CheckOut(null, null, null) : form;
		List<Violation> problems = new ArrayList<>();
		coordinates(out.latitude(), out.longitude(), problems);
		String place = clean(out.place());
		if (place != null && place.length() > PLACE_MAX) {
			problems.add(Violation.of("place", "位置说明应在 " + PLACE_MAX + " 字以内"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!store.checkOut(checkInId, new CheckOut(scale(out.latitude()), scale(out.longitude()), place),
				clock.instant())) {
			throw new ConcurrentEditException("已签退");
		}
		audit.record("DUTY_CHECKED_OUT", "duty_post", checkIn.postId(), checkIn.officerName());
		return store.checkIn(scope, checkInId).orElseThrow();
	}

	// ---------------------------------------------------------------- coverage

	/**
	 * Every peak (post × bell ringing that day) in scope on the day, with its status at
	 * the given moment, filtered by status, county, station or post (each may be null).
	 */
	public List<Peak> peaks(CurrentUser user, DataScope scope, LocalDate day, Instant now, PeakFilter filter) {
		mustSeeCoverage(user);
		return peaks(store.posts(scope, null), day, now, isPolice(user)).stream().filter(filter).toList();
	}

	public Coverage coverage(CurrentUser user, DataScope scope, LocalDate day, Instant now) {
		mustSeeCoverage(user);
		List<Peak> peaks = peaks(store.posts(scope, null), day, now, false);
		Map<String, String> countyNames = organisations.regions()
			.stream()
			.collect(Collectors.toMap(Region::code, Region::name, (a, b) -> a));
		Map<Long, Organisation> stations = organisations
			.byIds(peaks.stream().map(p -> p.post().stationId()).filter(Objects::nonNull).collect(Collectors.toSet()));
		List<CoverageLine> counties = lines(peaks, p -> p.post().regionCode(), code -> "regionCode=" + code,
				code -> countyNames.getOrDefault(code, code));
		List<CoverageLine> byStation = lines(peaks, p -> p.post().stationId() == null ? 0L : p.post().stationId(),
				id -> "stationId=" + id, id -> stations.containsKey(id) ? stations.get(id).name() : "未指定派出所");
		List<CoverageLine> posts = lines(peaks, p -> p.post().id(), id -> "postId=" + id,
				id -> peaks.stream()
					.filter(p -> p.post().id() == id)
					.findFirst()
					.map(p -> p.post().title())
					.orElse(""));
		return new Coverage(day, line("", "合计", peaks), counties, byStation, posts);
	}

	/**
	 * The coverage of the days {@code from}..{@code to} (both included) added up: every
	 * peak of each day in scope with its status at {@code now}, as the coverage page of
	 * each day counts them (a report's figure for its period; figures only, no officers).
	 */
	public CoverageLine coverageBetween(DataScope scope, LocalDate from, LocalDate to, Instant now) {
		List<DutyPost> posts = store.posts(scope, null);
		List<Peak> all = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			all.addAll(peaks(posts, day, now, false));
		}
		return line("", "合计", all);
	}

	private static <K> List<CoverageLine> lines(List<Peak> peaks, Function<Peak, K> by, Function<K, String> key,
			Function<K, String> name) {
		Map<K, List<Peak>> groups = new LinkedHashMap<>();
		for (Peak p : peaks) {
			groups.computeIfAbsent(by.apply(p), k -> new ArrayList<>()).add(p);
		}
		return groups.entrySet()
			.stream()
			.map(e -> line(key.apply(e.getKey()), name.apply(e.getKey()), e.getValue()))
			.sorted(Comparator.comparing(CoverageLine::name))
			.toList();
	}

	private static CoverageLine line(String key, String name, List<Peak> peaks) {
		int[] n = new int[PeakStatus.values().length];
		peaks.forEach(p -> n[p.status().ordinal()]++);
		return new CoverageLine(key, name, peaks.size(), n[PeakStatus.MET.ordinal()], n[PeakStatus.SHORT.ordinal()],
				n[PeakStatus.GAP.ordinal()], n[PeakStatus.PENDING.ordinal()]);
	}

	private List<Peak> peaks(List<DutyPost> posts, LocalDate day, Instant now, boolean withNames) {
		List<Long> postIds = posts.stream().map(DutyPost::id).toList();
		Map<Long, List<Bell>> bells = store.bells(posts.stream().map(DutyPost::schoolId).distinct().toList())
			.stream()
			.collect(Collectors.groupingBy(Bell::schoolId));
		Map<Long, List<CheckIn>> checkIns = store.checkIns(postIds, day)
			.stream()
			.collect(Collectors.groupingBy(CheckIn::postId));
		Map<Long, List<RosterEntry>> roster = store.roster(postIds, day)
			.stream()
			.collect(Collectors.groupingBy(RosterEntry::postId));
		List<Peak> peaks = new ArrayList<>();
		for (DutyPost post : posts) {
			for (Bell bell : bells.getOrDefault(post.schoolId(), List.of())) {
				if (!bell.ringsOn(day)) {
					continue;
				}
				Instant at = day.atTime(bell.at()).atZone(PlatformTime.ZONE).toInstant();
				List<CheckIn> present = checkIns.getOrDefault(post.id(), List.of())
					.stream()
					.filter(c -> c.presentAt(at, presence))
					.toList();
				boolean car = present.stream().anyMatch(CheckIn::carPresent);
				PeakStatus status = at.isAfter(now) ? PeakStatus.PENDING : present.isEmpty() ? PeakStatus.GAP
						: present.size() >= OFFICERS_NEEDED && car ? PeakStatus.MET : PeakStatus.SHORT;
				int rostered = (int) roster.getOrDefault(post.id(), List.of())
					.stream()
					.filter(r -> r.period() == bell.kind())
					.count();
				List<String> names = withNames
						? present.stream().map(c -> c.officerKind().label() + " " + c.officerName()).toList()
						: List.of();
				peaks.add(new Peak(post, bell, day, at, status, present.size(), car, rostered, names));
			}
		}
		peaks.sort(Comparator.comparing(Peak::bellAt)
			.thenComparing(p -> p.post().schoolName())
			.thenComparing(p -> p.post().gate()));
		return peaks;
	}

	/** Which peaks a list shows; every part optional. */
	public record PeakFilter(PeakStatus status, String regionCode, Long stationId,
			Long postId) implements Predicate<Peak> {

		public static final PeakFilter ALL = new PeakFilter(null, null, null, null);

		@Override
		public boolean test(Peak p) {
			return (status == null || p.status() == status)
					&& (regionCode == null || regionCode.isBlank() || regionCode.equals(p.post().regionCode()))
					&& (stationId == null || stationId.equals(p.post().stationId() == null ? 0L : p.post().stationId()))
					&& (postId == null || postId == p.post().id());
		}

	}

	// ---------------------------------------------------------------- gaps

	/** The gaps of a day in scope (police only), only the uncovered ones when asked. */
	public List<Gap> gaps(CurrentUser user, DataScope scope, LocalDate day, boolean openOnly) {
		mustSeeOfficers(user);
		return store.gaps(scope, day, openOnly);
	}

	/**
	 * One run of the gap check at the given moment: every post with a bell in the next N
	 * minutes (N = {@code hxay.dutypost.gap-minutes}) that nobody staffs now is flagged
	 * once, to its station (the gap list and start-page tile) and through the webhook
	 * {@code dutypost.gap}. Skipped when another node is running it.
	 * @return how many gaps were raised
	 */
	@Transactional
	public int flagGaps(Instant now) {
		if (!clusterLock.tryTake("dutypost.gap-flag")) {
			return 0;
		}
		LocalDate day = PlatformTime.dayOf(now);
		List<DutyPost> posts = store.allPosts();
		Map<Long, List<Bell>> bells = store.bells(posts.stream().map(DutyPost::schoolId).distinct().toList())
			.stream()
			.collect(Collectors.groupingBy(Bell::schoolId));
		Map<Long, List<CheckIn>> checkIns = null;
		int raised = 0;
		for (DutyPost post : posts) {
			for (Bell bell : bells.getOrDefault(post.schoolId(), List.of())) {
				Instant at = day.atTime(bell.at()).atZone(PlatformTime.ZONE).toInstant();
				if (!bell.ringsOn(day) || now.isBefore(at.minus(gapLead)) || now.isAfter(at)) {
					continue;
				}
				if (checkIns == null) {
					checkIns = store.checkIns(posts.stream().map(DutyPost::id).toList(), day)
						.stream()
						.collect(Collectors.groupingBy(CheckIn::postId));
				}
				boolean staffed = checkIns.getOrDefault(post.id(), List.of())
					.stream()
					.anyMatch(c -> c.presentAt(now, presence));
				if (staffed) {
					continue;
				}
				if (store.raiseGap(post, store.unitsOf(post.id()), day, bell, now).isPresent()) {
					raised++;
					notifyGap(post, day, bell);
				}
			}
		}
		return raised;
	}

	private void notifyGap(DutyPost post, LocalDate day, Bell bell) {
		String station = post.stationId() == null ? null
				: organisations.find(post.stationId()).map(Organisation::name).orElse(null);
		String when = bell.at() + " " + bell.kind().label() + "（" + bell.label() + "）";
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("postId", post.id());
		data.put("schoolId", post.schoolId());
		data.put("school", post.schoolName());
		data.put("gate", post.gate());
		data.put("stationId", post.stationId());
		data.put("station", station);
		data.put("day", day.toString());
		data.put("bell", when);
		data.put("minutesBefore", gapLead.toMinutes());
		// the duty_gap row is the record of the flag (no audit row: the job is no person)
		notifications.notify(EventType.DUTYPOST_GAP, "护学岗缺岗：" + post.title() + " · " + when, data);
	}

	// ---------------------------------------------------------------- for the console

	/**
	 * Who is checked in at the school's gates right now: the open check-ins of today at
	 * its posts. For the 110 console; the school must be in the caller's scope (else not
	 * found).
	 */
	public List<OnDuty> onDutyNow(DataScope scope, long schoolId) {
		schools.get(scope, schoolId);
		Instant now = clock.instant();
		List<DutyPost> posts = store.posts(scope, schoolId);
		Map<Long, DutyPost> byId = posts.stream().collect(Collectors.toMap(DutyPost::id, p -> p));
		return store.checkIns(byId.keySet(), PlatformTime.dayOf(now))
			.stream()
			.filter(c -> c.open() && !c.checkedInAt().isAfter(now))
			.map(c -> new OnDuty(c.id(), c.postId(), byId.get(c.postId()).gate(), c.officerName(), c.officerKind(),
					c.checkedInAt(), c.carPresent(), c.latitude(), c.longitude(), c.place()))
			.toList();
	}

	// ---------------------------------------------------------------- checks

	private void mustWrite(CurrentUser user) {
		if (!mayWrite(user)) {
			throw new ForbiddenException("只有公安机关可以设置护学岗、排班和签到");
		}
	}

	static void mustSeeOfficers(CurrentUser user) {
		if (!isPolice(user)) {
			throw new ForbiddenException("排班、签到和缺岗记录仅公安机关可见");
		}
	}

	static void mustSeeCoverage(CurrentUser user) {
		if (!seesCoverage(user)) {
			throw new ForbiddenException("护学岗覆盖情况由公安机关和教育行政部门查看");
		}
	}

	private static void coordinates(BigDecimal latitude, BigDecimal longitude, List<Violation> problems) {
		if ((latitude == null) != (longitude == null)) {
			problems.add(Violation.of("latitude", "经纬度须同时填写"));
		}
		else if (latitude != null && (latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0
				|| longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0)) {
			problems.add(Violation.of("latitude", "经纬度超出范围"));
		}
	}

	private static BigDecimal scale(BigDecimal value) {
		return value == null ? null : value.setScale(6, java.math.RoundingMode.HALF_UP);
	}

	static String clean(String text) {
		if (text == null) {
			return null;
		}
		String s = text.strip();
		return s.isEmpty() ? null : s;
	}

	private static NotFoundException notFound() {
		return new NotFoundException("护学岗不存在或不在您的管辖范围内");
	}

}
