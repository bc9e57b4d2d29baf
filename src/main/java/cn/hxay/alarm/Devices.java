package cn.hxay.alarm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import cn.hxay.audit.AuditTrail;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.school.School;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.Violation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The device registry's API: devices of the schools in a {@link DataScope}, their online
 * status under the {@link OnlineRule}, and networking rates. A device outside the scope
 * is reported as not found.
 */
@Service
@Transactional(readOnly = true)
public class Devices {

	private final DeviceStore store;

	private final SchoolRegistry schools;

	private final AuditTrail audit;

	private final Clock clock;

	private final OnlineRule rule;

	private final Organisations organisations;

	private final VenueDirectory venues;

	Devices(DeviceStore store, SchoolRegistry schools, Organisations organisations, VenueDirectory venues,
			AuditTrail audit, Clock clock, @Value("${hxay.device.heartbeat-interval:60s}") Duration interval,
			@Value("${hxay.device.allowed-misses:3}") int allowedMisses) {
		this.store = store;
		this.venues = venues;
		this.schools = schools;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
		this.rule = new OnlineRule(interval, allowedMisses);
	}

	public OnlineRule rule() {
		return rule;
	}

	public Paged<Device> search(DataScope scope, DeviceFilter filter, PageRequest page) {
		Instant now = clock.instant();
		return store.search(filter, scope, rule.cutoff(now), now, page);
	}

	public void forEach(DataScope scope, DeviceFilter filter, Consumer<Device> consumer) {
		Instant now = clock.instant();
		store.forEach(filter, scope, rule.cutoff(now), now, consumer);
	}

	public Device get(DataScope scope, long id) {
		return store.byId(id).filter(d -> isInScope(scope, d)).orElseThrow(Devices::notFound);
	}

	/** Online or not now, with the rule and the reason. */
	public OnlineRule.Verdict status(Device device) {
		return status(device, clock);
	}

	/** Online or not at the moment the given clock tells, e.g. for a test. */
	public OnlineRule.Verdict status(Device device, Clock at) {
		return rule.judge(device.lastHeartbeatAt(), device.registeredUntil(), at.instant());
	}

	/**
	 * Networking rates of the schools, stations, counties or the city in scope,
	 * optionally within one station or region.
	 */
	public List<NetworkingRate> rates(DataScope scope, RateLevel level, Long stationId, String regionCode) {
		return rates(scope, level, stationId, regionCode, clock);
	}

	public List<NetworkingRate> rates(DataScope scope, RateLevel level, Long stationId, String regionCode, Clock at) {
		List<NetworkingRate> rates = store.rates(level.key(), level.nameExpression(), scope, rule.cutoff(at.instant()),
				at.instant(), stationId, regionCode);
		return switch (level) {
			// worst first: the schools to chase come at the top; schools with nothing
			// required to be networked last
			case SCHOOL -> rates.stream()
				.sorted(java.util.Comparator
					.comparing(NetworkingRate::percent,
							java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
					.thenComparing(NetworkingRate::offline, java.util.Comparator.reverseOrder()))
				.toList();
			case STATION -> {
				var units = organisations
					.byIds(rates.stream().filter(r -> r.key() != null).map(r -> Long.valueOf(r.key())).toList());
				yield rates.stream()
					.map(r -> named(r,
							r.key() == null || units.get(Long.valueOf(r.key())) == null ? "(未指定派出所)"
									: units.get(Long.valueOf(r.key())).name()))
					.toList();
			}
			case COUNTY, CITY -> rates.stream().map(r -> named(r, regionName(r.key()))).toList();
		};
	}

	/**
	 * The total over everything the user sees (optionally within one station or region),
	 * labelled with that part of the city, e.g. "天宁区（合计）" for a county user, never with a
	 * wider area the user does not see.
	 */
	public NetworkingRate total(CurrentUser user, DataScope scope, Long stationId, String regionCode) {
		Instant now = clock.instant();
		List<NetworkingRate> sums = store.rates("cast('total' as varchar)", "null", scope, rule.cutoff(now), now,
				stationId, regionCode);
		NetworkingRate sum = sums.isEmpty() ? new NetworkingRate("total", null, 0, 0, 0) : sums.get(0);
		String area;
		if (stationId != null) {
			area = organisations.find(stationId).map(o -> o.name()).orElse("(未指定派出所)");
		}
		else if (regionCode != null) {
			area = regionName(regionCode);
		}
		else {
			var unit = organisations.get(user.organisationId());
			area = switch (unit.kind()) {
				case POLICE_STATION, TOWNSHIP, SCHOOL -> unit.name();
				default -> regionName(unit.regionCode());
			};
		}
		return named(sum, area + "（合计）");
	}

	private static NetworkingRate named(NetworkingRate rate, String name) {
		return new NetworkingRate(rate.key(), name, rate.devices(), rate.required(), rate.online());
	}

	private String regionName(String code) {
		try {
			return organisations.region(code).name();
		}
		catch (NotFoundException ex) {
			return code;
		}
	}

	/** Devices offline now (open outages) in scope, longest first. */
	public List<Outage> openOutages(DataScope scope, int limit) {
		return openOutages(scope, limit, 0);
	}

	/**
	 * A page of {@link #openOutages(DataScope, int)}: past the {@code offset} longest.
	 */
	public List<Outage> openOutages(DataScope scope, int limit, int offset) {
		return store.outages(scope, true, null, limit, offset);
	}

	/** How many devices in scope are offline now (open outages). */
	public long openOutageCount(DataScope scope) {
		return store.openOutages(scope, null);
	}

	/**
	 * How many devices in scope have been offline longer than the 24 h repair limit
	 * ({@link Outage#overdue}) now, on the platform clock; the longest open outages, so
	 * the first ones of {@link #openOutages(DataScope, int, int)}.
	 */
	public long overdueOutageCount(DataScope scope) {
		return store.openOutages(scope, clock.instant().minus(Outage.REPAIR_LIMIT));
	}

	/** The outages of one device, open first. */
	public List<Outage> outagesOf(DataScope scope, long deviceId) {
		get(scope, deviceId);
		return store.outages(scope, false, deviceId, 20, 0);
	}

	public boolean mayRegister(CurrentUser user) {
		return user.hasAnyRole(Role.SYSTEM_ADMIN, Role.CITY_EDUCATION_ADMIN, Role.COUNTY_EDUCATION_ADMIN,
				Role.CITY_POLICE, Role.COUNTY_POLICE, Role.SCHOOL_SAFETY_LEAD);
	}

	@Transactional
	public IssuedToken register(CurrentUser user, DataScope scope, DeviceDetails details) {
		SchoolPlace school = validate(user, scope, details, null);
		String token = DeviceTokens.newToken();
		long id = store.insert(details, school, token);
		audit.record("DEVICE_REGISTERED", "device", id,
				details.code() + " " + details.kind().label() + " " + school.schoolName() + " " + details.place());
		return new IssuedToken(store.byId(id).orElseThrow(), token);
	}

	@Transactional
	public Device change(CurrentUser user, DataScope scope, long id, int version, DeviceDetails details) {
		Device device = get(scope, id);
		if (device.owner() == DeviceOwner.VENUE) {
			throw new InvalidInputException("schoolId",
					"这是周边场所“" + device.venueName() + "”的一键报警，不能改为学校设备；场所或所护学校变了请重新登记");
		}
		SchoolPlace school = validate(user, scope, details, device);
		if (device.version() != version) {
			throw new ConcurrentEditException("设备“" + device.code() + "”");
		}
		if (details.equals(device.details())) {
			return device;
		}
		if (!store.update(id, version, details, school)) {
			throw new ConcurrentEditException("设备“" + device.code() + "”");
		}
		audit.record("DEVICE_CHANGED", "device", id, device.details() + " → " + details);
		return store.byId(id).orElseThrow();
	}

	/** Who may reset a device's token: its registrars (police for a venue's device). */
	public boolean mayManage(CurrentUser user, Device device) {
		return device.owner() == DeviceOwner.VENUE ? mayRegisterAtVenue(user) : mayRegister(user);
	}

	/**
	 * Who may register a venue's one-key alarm: police users (city, county, station), not
	 * schools or education bureaus.
	 */
	public boolean mayRegisterAtVenue(CurrentUser user) {
		return !user.readOnly() && user.hasAnyRole(Role.CITY_POLICE, Role.COUNTY_POLICE, Role.STATION_OFFICER);
	}

	/**
	 * Registers a one-key alarm at a venue near a school (护校联防): the venue must be in the
	 * scope and its responsible station too (else not found), the protected school one
	 * within the venue's safety zone (the nearest when none is chosen). The device
	 * belongs to the venue's station: it and its alarms are seen by that station and the
	 * police units above it, never by schools or education bureaus.
	 */
	@Transactional
	public IssuedToken registerAtVenue(CurrentUser user, DataScope scope, VenueDeviceDetails typed) {
		if (!mayRegisterAtVenue(user)) {
			throw new ForbiddenException("只有公安（市局、分局、派出所）可以登记周边场所的一键报警");
		}
		String token = DeviceTokens.newToken();
		Device d = store.byId(insertAtVenue(scope, typed, token)).orElseThrow();
		audit.record("DEVICE_REGISTERED", "device", d.id(), d.code() + " " + d.kind().label() + " 周边场所 " + d.venueName()
				+ " " + d.place() + "，护 " + d.schoolName());
		return new IssuedToken(d, token);
	}

	/**
	 * Imports a venue's one-key alarm already installed, with its token and last
	 * heartbeat (demo data): the same checks as {@link #registerAtVenue}, no audit row.
	 */
	@Transactional
	public long importInstalledAtVenue(DataScope scope, VenueDeviceDetails typed, String token, Instant lastHeartbeatAt,
			long heartbeats) {
		long id = insertAtVenue(scope, typed, token);
		if (lastHeartbeatAt != null) {
			store.heartbeat(id, lastHeartbeatAt, heartbeats);
		}
		return id;
	}

	/** Checks a venue's device and stores it with its token. */
	private long insertAtVenue(DataScope scope, VenueDeviceDetails typed, String token) {
		VenuePlace venue = venuePlace(scope, typed);
		DeviceDetails details = typed.details(venue.school().schoolId());
		List<Violation> problems = new ArrayList<>(details.violations());
		problems.addAll(codeProblems(details, venue.regionCode(), "场所", null));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return store.insertAtVenue(details, venue, token);
	}

	/**
	 * The venue (in the scope, with its station in the scope: else not found) and the
	 * school the device protects.
	 */
	private VenuePlace venuePlace(DataScope scope, VenueDeviceDetails typed) {
		if (typed.venueId() == null) {
			throw new InvalidInputException("venueId", "请选择周边场所");
		}
		VenueDirectory.VenueSite venue = venues.find(scope, typed.venueId(), typed.schoolId());
		School school = schools.get(DataScope.everything(false), venue.protectedSchoolId());
		String region = organisations.find(venue.stationId()).map(o -> o.regionCode()).orElse(school.regionCode());
		return new VenuePlace(venue.venueId(), venue.name(), venue.address(), venue.stationId(), venue.townshipId(),
				region, SchoolPlace.of(school));
	}

	/** Issues a new token; the old one stops working at once. */
	@Transactional
	public IssuedToken resetToken(CurrentUser user, DataScope scope, long id) {
		Device device = get(scope, id);
		if (!mayManage(user, device)) {
			throw new ForbiddenException("您无权管理设备");
		}
		String token = DeviceTokens.newToken();
		store.updateToken(id, token);
		audit.record("DEVICE_TOKEN_RESET", "device", id, device.code());
		return new IssuedToken(store.byId(id).orElseThrow(), token);
	}

	/**
	 * For ingestion: the credentials of the device with this code, if registered. Reads
	 * no scope: a device proves itself with its token.
	 */
	public Optional<DeviceCredentials> credentials(String code) {
		return store.credentials(code);
	}

	/** For ingestion: a device announced itself and stays registered until then. */
	@Transactional
	public void registeredUntil(long deviceId, Instant until) {
		store.register(deviceId, until);
	}

	/**
	 * For ingestion: every device login of the broker (code and broker password hash).
	 */
	public void forEachBrokerLogin(BiConsumer<String, String> consumer) {
		store.forEachBrokerLogin(consumer);
	}

	/** The registered devices with these codes, by code, whatever the scope. */
	public Map<String, Device> byCodes(List<String> codes) {
		return store.byCodes(codes);
	}

	/**
	 * Registers one row of an import already checked by the caller (user's right, scope,
	 * school and code): a new device with a new token.
	 */
	@Transactional
	public IssuedToken registerImported(DeviceDetails details, School school) {
		SchoolPlace place = SchoolPlace.of(school);
		String token = DeviceTokens.newToken();
		long id = store.insert(details, place, token);
		audit.record("DEVICE_IMPORTED", "device", id, details.code() + " " + place.schoolName());
		return new IssuedToken(store.byId(id).orElseThrow(), token);
	}

	/** Changes one device from a row of an import already checked by the caller. */
	@Transactional
	public void changeImported(Device current, DeviceDetails details, School school) {
		store.update(current.id(), current.version(), details, SchoolPlace.of(school));
		audit.record("DEVICE_CHANGED", "device", current.id(), "导入：" + current.details() + " → " + details);
	}

	/** How many devices are registered, all schools together. */
	public long count() {
		return store.count();
	}

	/**
	 * Imports an existing installation's device with the token it already uses and its
	 * last known heartbeat (demo data, migration from another platform); no audit row, as
	 * no user registers it.
	 */
	@Transactional
	public long importInstalled(DeviceDetails details, School school, String token, Instant lastHeartbeatAt,
			long heartbeats) {
		long id = store.insert(details, SchoolPlace.of(school), token);
		if (lastHeartbeatAt != null) {
			store.heartbeat(id, lastHeartbeatAt, heartbeats);
		}
		return id;
	}

	/**
	 * The token of a demo device: the demo city's devices use {@code demo-<device code>}
	 * so that the simulator can speak for them.
	 */
	public static String demoToken(String code) {
		return "demo-" + code;
	}

	/**
	 * Plays one heartbeat now for every online demo device (code segment 7–10 is
	 * {@code 0000}); devices already offline stay offline. Returns how many beat.
	 */
	@Transactional
	public int beatOnlineDemoDevices() {
		Instant now = clock.instant();
		return store.beatOnlineDemoDevices(now, now.minus(rule.window()).plusSeconds(45));
	}

	/** Copies a school's new place in the tree onto its devices. */
	@Transactional
	void refreshSchool(long schoolId) {
		School school = schools.get(DataScope.everything(false), schoolId);
		store.refreshSchool(SchoolPlace.of(school));
	}

	SchoolPlace validate(CurrentUser user, DataScope scope, DeviceDetails details, Device current) {
		if (!mayRegister(user)) {
			throw new ForbiddenException("您无权管理设备");
		}
		List<Violation> problems = new ArrayList<>(details.violations());
		SchoolPlace school = null;
		if (details.schoolId() != null) {
			try {
				School found = schools.get(scope, details.schoolId());
				if (user.hasRole(Role.SCHOOL_SAFETY_LEAD) && !user.hasRole(Role.SYSTEM_ADMIN)
						&& found.organisationId() != user.organisationId()) {
					problems.add(Violation.of("schoolId", "学校用户只能登记本校设备"));
				}
				school = SchoolPlace.of(found);
			}
			catch (NotFoundException ex) {
				problems.add(Violation.of("schoolId", "学校不存在，或不在您的管辖范围内"));
			}
		}
		problems.addAll(codeProblems(details, school == null ? null : school.regionCode(), "学校", current));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return school;
	}

	/** The code's city prefix (that of the school's or venue's city) and uniqueness. */
	private List<Violation> codeProblems(DeviceDetails details, String regionCode, String owner, Device current) {
		List<Violation> problems = new ArrayList<>();
		if (regionCode != null && details.code() != null && details.code().matches("\\d{20}")
				&& !details.code().startsWith(regionCode.substring(0, 4))) {
			problems
				.add(Violation.of("code", "设备编码前 4 位应与" + owner + "所在市的行政区划代码 " + regionCode.substring(0, 4) + " 一致"));
		}
		if (details.code() != null && (current == null || !current.code().equals(details.code()))
				&& store.byCode(details.code()).isPresent()) {
			problems.add(Violation.of("code", "设备编码 " + details.code() + " 已登记"));
		}
		return problems;
	}

	static boolean isInScope(DataScope scope, Device device) {
		return device.inScopeOf(scope);
	}

	private static NotFoundException notFound() {
		return new NotFoundException("设备不存在，或不在您的管辖范围内");
	}

	/** Now, on the platform clock. */
	Instant now() {
		return clock.instant();
	}

}
