package cn.hxay.surroundings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.hxay.audit.AuditTrail;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.school.School;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.ClusterLock;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.Violation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The student safety zone: venues near schools and their violations of the distance
 * rules. Everyone signed in reads what is in their scope (a venue belongs to its police
 * station, its township and every school within {@code hxay.surroundings.zone-metres},
 * default 500 m, with that school's bureau and station); only police record venues and
 * work the ledger.
 */
@Service
public class Venues {

	static final Set<Role> WRITERS = Set.of(Role.CITY_POLICE, Role.COUNTY_POLICE, Role.STATION_OFFICER);

	private final VenueStore store;

	private final DistanceRules rules;

	private final SchoolRegistry schools;

	private final Organisations organisations;

	private final AuditTrail audit;

	private final ClusterLock lock;

	private final Clock clock;

	private final int zoneMetres;

	Venues(VenueStore store, DistanceRules rules, SchoolRegistry schools, Organisations organisations, AuditTrail audit,
			ClusterLock lock, Clock clock, @Value("${hxay.surroundings.zone-metres:500}") int zoneMetres) {
		this.store = store;
		this.rules = rules;
		this.schools = schools;
		this.organisations = organisations;
		this.audit = audit;
		this.lock = lock;
		this.clock = clock;
		this.zoneMetres = Math.max(zoneMetres, rules.largestMetres());
	}

	public boolean mayWrite(CurrentUser user) {
		return !user.readOnly() && WRITERS.stream().anyMatch(user::hasRole);
	}

	void requireWriter(CurrentUser user) {
		if (!mayWrite(user)) {
			throw new ForbiddenException("只有公安（市局、分局、派出所）可以登记周边场所和处理违规台账");
		}
	}

	public boolean anyRecorded() {
		return !store.venueIds().isEmpty();
	}

	public List<DistanceRule> rules() {
		return rules.all();
	}

	public int zoneMetres() {
		return zoneMetres;
	}

	public Paged<Venue> search(DataScope scope, VenueFilter filter, PageRequest page) {
		return store.venues(scope, filter, page);
	}

	public Venue get(DataScope scope, long id) {
		return store.venue(id, scope).orElseThrow(() -> new NotFoundException("没有这个周边场所"));
	}

	/** The police stations a user may make responsible. */
	public List<cn.hxay.organisation.Organisation> stationsFor(DataScope scope) {
		return organisations.units("", OrganisationKind.POLICE_STATION)
			.stream()
			.filter(unit -> scope.covers(unit.id()))
			.toList();
	}

	@Transactional
	public Venue create(CurrentUser user, DataScope scope, VenueDetails d) {
		requireWriter(user);
		Checked c = check(scope, d);
		long id = store.insert(c.type, c.name, c.address, c.wgs, c.system, c.typed, c.station, c.township, c.operating,
				units(c), user.username(), clock.instant());
		audit.record("VENUE_CREATED", "venue", id, c.type.label() + " " + c.name);
		recheck(id);
		return store.venueUnscoped(id).orElseThrow();
	}

	@Transactional
	public Venue change(CurrentUser user, DataScope scope, long id, int version, VenueDetails d) {
		requireWriter(user);
		Venue before = get(scope, id);
		if (before.version() != version) {
			throw new ConcurrentEditException("周边场所“" + before.name() + "”");
		}
		Checked c = check(scope, d);
		if (!store.update(id, version, c.type, c.name, c.address, c.wgs, c.system, c.typed, c.station, c.township,
				c.operating, units(c), clock.instant())) {
			throw new ConcurrentEditException("周边场所“" + before.name() + "”");
		}
		audit.record("VENUE_CHANGED", "venue", id, c.type.label() + " " + c.name);
		recheck(id);
		return store.venueUnscoped(id).orElseThrow();
	}

	/** 复查 one venue by hand: flags it again if it is still too close to a school. */
	@Transactional
	public int recheck(CurrentUser user, DataScope scope, long id) {
		requireWriter(user);
		get(scope, id);
		audit.record("VENUE_RECHECKED", "venue", id, "复查");
		return recheck(id);
	}

	/** The daily re-check of every venue, once per cluster. */
	@Scheduled(cron = "${hxay.surroundings.recheck-cron:0 30 1 * * *}", zone = PlatformTime.ZONE_ID)
	@Transactional
	public void recheckAll() {
		if (!lock.tryTake("surroundings-recheck")) {
			return;
		}
		for (long id : store.venueIds()) {
			recheck(id);
		}
	}

	/**
	 * Compares one venue with every school and rule; a breach with no open violation
	 * (none yet, or the last one 销号) goes onto the ledger as 发现.
	 * @return the venue's breaches found now
	 */
	int recheck(long venueId) {
		Venue v = store.venueUnscoped(venueId).orElseThrow();
		if (!v.operating()) {
			return 0;
		}
		LocalDate today = PlatformTime.today(clock);
		Long[] units = store.unitsOf(venueId);
		int[] breaches = { 0 };
		schools.forEach(DataScope.everything(false), SchoolFilter.none(), school -> {
			Integer d = distance(v, school);
			if (d == null) {
				return;
			}
			for (DistanceRule rule : rules.all()) {
				if (rule.appliesTo(v.type(), school.details().kind(), school.regionCode()) && rule.breachedAt(d)) {
					breaches[0]++;
					var open = store.openViolation(venueId, school.id(), rule.code());
					if (open.isPresent()) {
						store.touchViolation(open.get().id(), d, today);
					}
					else {
						store.insertViolation(venueId, school.id(), school.name(), rule, d, today, null, units);
					}
				}
			}
		});
		return breaches[0];
	}

	private static Integer distance(Venue v, School school) {
		BigDecimal lat = school.details().latitude();
		BigDecimal lon = school.details().longitude();
		if (lat == null || lon == null) {
			return null;
		}
		return Distance.wholeMetres(v.latitude().doubleValue(), v.longitude().doubleValue(), lat.doubleValue(),
				lon.doubleValue());
	}

	/**
	 * The schools within {@link #zoneMetres()} of a venue in the scope, nearest first:
	 * the schools a one-key alarm at the venue may protect (护校联防).
	 */
	public List<NearbySchool> schoolsNear(DataScope scope, long venueId) {
		Venue v = get(scope, venueId);
		List<NearbySchool> near = new ArrayList<>();
		schools.forEach(DataScope.everything(false), SchoolFilter.none(), school -> {
			Integer d = distance(v, school);
			if (d != null && d <= zoneMetres) {
				near.add(new NearbySchool(school.id(), school.name(), d));
			}
		});
		near.sort(java.util.Comparator.comparingInt(NearbySchool::metres).thenComparingLong(NearbySchool::schoolId));
		return near;
	}

	private Long[] units(Checked c) {
		Set<Long> ids = new LinkedHashSet<>();
		ids.add(c.station);
		if (c.township != null) {
			ids.add(c.township);
		}
		double lat = c.wgs[0].doubleValue();
		double lon = c.wgs[1].doubleValue();
		schools.forEach(DataScope.everything(false), SchoolFilter.none(), school -> {
			BigDecimal sLat = school.details().latitude();
			BigDecimal sLon = school.details().longitude();
			if (sLat != null && sLon != null
					&& Distance.wholeMetres(lat, lon, sLat.doubleValue(), sLon.doubleValue()) <= zoneMetres) {
				ids.addAll(List.of(school.units().ids()));
			}
		});
		return ids.toArray(Long[]::new);
	}

	// the ledger

	public Paged<VenueViolation> violations(DataScope scope, ViolationStatus status, Long venueId, PageRequest page) {
		return store.violations(scope, status, venueId, page);
	}

	public VenueViolation violation(DataScope scope, long id) {
		return store.violation(id, scope).orElseThrow(() -> new NotFoundException("没有这条违规记录"));
	}

	/**
	 * A move on the ledger: 整改中 needs a responsible department and a deadline, 销号 a note.
	 */
	public record Move(String target, Integer version, String department, String deadline, String note) {
	}

	@Transactional
	public VenueViolation move(CurrentUser user, DataScope scope, long id, Move m) {
		requireWriter(user);
		VenueViolation w = violation(scope, id);
		List<Violation> problems = new ArrayList<>();
		ViolationStatus target = null;
		try {
			target = m.target() == null ? null : ViolationStatus.valueOf(m.target());
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		if (target == null || !w.mayMoveTo(target)) {
			problems.add(Violation.of("target", "当前状态“" + w.status().label() + "”不能转为所选状态"));
		}
		String department = trim(m.department());
		String note = trim(m.note());
		LocalDate deadline = null;
		LocalDate today = PlatformTime.today(clock);
		if (target == ViolationStatus.RECTIFYING) {
			if (department == null || department.length() > 100) {
				problems.add(Violation.of("department", "请填写责任部门（不超过 100 字）"));
			}
			try {
				deadline = LocalDate.parse(m.deadline() == null ? "" : m.deadline().strip());
				if (deadline.isBefore(today) || deadline.isAfter(today.plusYears(1))) {
					problems.add(Violation.of("deadline", "整改期限须在今天到一年之内"));
				}
			}
			catch (java.time.format.DateTimeParseException ex) {
				problems.add(Violation.of("deadline", "整改期限格式须为 yyyy-MM-dd"));
			}
		}
		if (target == ViolationStatus.CLOSED && (note == null || note.length() > 500)) {
			problems.add(Violation.of("note", "销号须写明整改结果（不超过 500 字）"));
		}
		if (note != null && note.length() > 500) {
			problems.add(Violation.of("note", "说明不超过 500 字"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (m.version() == null || m.version() != w.version()) {
			throw new ConcurrentEditException("违规记录");
		}
		boolean closing = target == ViolationStatus.CLOSED;
		if (!store.moveViolation(id, w.version(), target, department, deadline, note, closing ? today : null,
				closing ? user.username() : null)) {
			throw new ConcurrentEditException("违规记录");
		}
		audit.record("VENUE_VIOLATION_" + target.name(), "venue_violation", id, target.label());
		return violation(scope, id);
	}

	private record Checked(VenueType type, String name, String address, String system, BigDecimal[] typed,
			BigDecimal[] wgs, long station, Long township, boolean operating) {
	}

	private Checked check(DataScope scope, VenueDetails d) {
		List<Violation> problems = new ArrayList<>();
		VenueType type = d == null ? null : VenueType.parse(d.type()).orElse(null);
		if (type == null) {
			problems.add(Violation.of("type", "请选择场所类型"));
		}
		String name = d == null ? null : trim(d.name());
		if (name == null || name.length() < 2 || name.length() > 100) {
			problems.add(Violation.of("name", "场所名称须为 2–100 个字"));
		}
		String address = d == null ? null : trim(d.address());
		if (address == null || address.length() > 200) {
			problems.add(Violation.of("address", "请填写地址（不超过 200 字）"));
		}
		String system = d == null ? null : trim(d.coordinateSystem());
		if (!"WGS84".equals(system) && !"GCJ02".equals(system)) {
			problems.add(Violation.of("coordinateSystem", "请选择坐标系：WGS-84 (GPS) 或 GCJ-02 (高德、腾讯等地图)"));
		}
		BigDecimal lon = number(d == null ? null : d.longitude(), "longitude", "经度", 73, 136, problems);
		BigDecimal lat = number(d == null ? null : d.latitude(), "latitude", "纬度", 3, 54, problems);
		Long station = id(d == null ? null : d.stationId());
		if (station == null || !scope.covers(station)
				|| organisations.find(station).map(u -> u.kind() != OrganisationKind.POLICE_STATION).orElse(true)) {
			problems.add(Violation.of("stationId", "责任派出所须为您管辖范围内的派出所"));
		}
		Long township = id(d == null ? null : d.townshipId());
		if (d != null && trim(d.townshipId()) != null && (township == null
				|| organisations.find(township).map(u -> u.kind() != OrganisationKind.TOWNSHIP).orElse(true))) {
			problems.add(Violation.of("townshipId", "乡镇(街道)不存在"));
		}
		String operating = d == null ? null : trim(d.operating());
		if (operating != null && !operating.equals("true") && !operating.equals("false")) {
			problems.add(Violation.of("operating", "经营状态无效"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		BigDecimal[] typed = { lat, lon };
		BigDecimal[] wgs = typed;
		if ("GCJ02".equals(system)) {
			double[] p = Gcj02.toWgs84(lat.doubleValue(), lon.doubleValue());
			wgs = new BigDecimal[] { scaled(p[0]), scaled(p[1]) };
		}
		return new Checked(type, name, address, system, typed, wgs, station, township, !"false".equals(operating));
	}

	private static BigDecimal number(String text, String field, String label, double min, double max,
			List<Violation> problems) {
		try {
			BigDecimal value = new BigDecimal(text == null ? "" : text.strip());
			if (value.doubleValue() < min || value.doubleValue() > max) {
				problems.add(Violation.of(field, label + "须在 " + (int) min + "–" + (int) max + " 度之间（中国境内）"));
				return null;
			}
			return scaled(value.doubleValue());
		}
		catch (NumberFormatException ex) {
			problems.add(Violation.of(field, "请填写" + label + "（十进制度数，如 119.974）"));
			return null;
		}
	}

	private static BigDecimal scaled(double value) {
		return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
	}

	private static Long id(String text) {
		String t = trim(text);
		if (t == null) {
			return null;
		}
		try {
			return Long.valueOf(t);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String trim(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/**
	 * Open violations of the student safety zone per school in scope (the count of the
	 * 违规台账 list filtered to the school and not closed).
	 */
	@Transactional(readOnly = true)
	public java.util.Map<Long, Long> openViolationsBySchool(DataScope scope) {
		return store.openViolationsBySchool(scope);
	}

}
