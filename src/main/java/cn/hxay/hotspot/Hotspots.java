package cn.hxay.hotspot;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.hxay.audit.AuditTrail;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.FormChecks;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.Violation;
import cn.hxay.shared.documents.LedgerWorkbook;
import cn.hxay.shared.geo.Distance;
import cn.hxay.shared.geo.TypedPoint;
import jakarta.validation.Validator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of public-order hotspots near schools. Police only, at every layer: the
 * Annex 1 items it fills (校园周边治安乱点情况, 是否整改) are sensitive, and sensitivity travels with
 * the data, so education, school and inspector users get 403 on its pages and API and
 * nothing from {@link #annexBySchool} or {@link #figures}. A hotspot lies in its station,
 * its township and the units of every school within {@code hxay.hotspot.nearby-metres}
 * (500 m); outside the scope it is "not found".
 */
@Service
@Transactional(readOnly = true)
public class Hotspots {

	/** Printable text: no NUL or other control characters except tab and line breaks. */
	static final String PRINTABLE = FormChecks.PRINTABLE;

	static final Set<Role> POLICE = Set.of(Role.CITY_POLICE, Role.COUNTY_POLICE, Role.STATION_OFFICER);

	private final HotspotStore store;

	private final SchoolRegistry schools;

	private final Organisations organisations;

	private final AuditTrail audit;

	private final Clock clock;

	private final Validator validator;

	private final int nearbyMetres;

	Hotspots(HotspotStore store, SchoolRegistry schools, Organisations organisations, AuditTrail audit, Clock clock,
			Validator validator, @Value("${hxay.hotspot.nearby-metres:500}") int nearbyMetres) {
		this.store = store;
		this.schools = schools;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
		this.validator = validator;
		this.nearbyMetres = Math.max(1, nearbyMetres);
	}

	public static boolean mayUse(CurrentUser user) {
		return user.roles().stream().anyMatch(POLICE::contains);
	}

	public static boolean mayWrite(CurrentUser user) {
		return !user.readOnly() && mayUse(user);
	}

	public int nearbyMetres() {
		return nearbyMetres;
	}

	/** The police stations a user may make responsible: those in the scope. */
	public List<Organisation> stationsFor(DataScope scope) {
		return organisations.units("", OrganisationKind.POLICE_STATION)
			.stream()
			.filter(s -> scope.covers(s.id()))
			.sorted(Comparator.comparing(Organisation::regionCode).thenComparing(Organisation::name))
			.toList();
	}

	/** The townships of the counties of those stations. */
	public List<Organisation> townshipsFor(DataScope scope) {
		Set<String> regions = new java.util.HashSet<>();
		stationsFor(scope).forEach(s -> regions.add(s.regionCode()));
		return organisations.units("", OrganisationKind.TOWNSHIP)
			.stream()
			.filter(t -> regions.contains(t.regionCode()))
			.sorted(Comparator.comparing(Organisation::regionCode).thenComparing(Organisation::name))
			.toList();
	}

	@Transactional
	public Hotspot register(CurrentUser user, DataScope scope, HotspotDetails details) {
		requireWrite(user);
		if (details == null) {
			throw new InvalidInputException("name", "请填写地点名称");
		}
		List<Violation> problems = FormChecks.violations(validator, details);
		TypedPoint point = TypedPoint.read(details.coordinateSystem(), details.longitude(), details.latitude(),
				problems);
		Organisation station = unit(details.stationId(), OrganisationKind.POLICE_STATION);
		if (station == null || !scope.covers(station.id())) {
			problems.add(Violation.of("stationId", "责任派出所须为您管辖范围内的派出所"));
		}
		Organisation township = null;
		if (details.townshipId() != null && !details.townshipId().isBlank()) {
			township = unit(details.townshipId(), OrganisationKind.TOWNSHIP);
			if (township == null || station != null && !township.regionCode().equals(station.regionCode())) {
				problems.add(Violation.of("townshipId", "乡镇(街道)须与责任派出所在同一县（区）"));
			}
		}
		FormChecks.refuse(problems);
		Set<Long> units = new LinkedHashSet<>();
		units.add(station.id());
		if (township != null) {
			units.add(township.id());
		}
		List<Hotspot.NearbySchool> near = nearby(point, units);
		String unit = organisations.get(user.organisationId()).name();
		long id = store.insert(details, point, station.id(), township == null ? null : township.id(),
				units.toArray(Long[]::new), user.displayName(), clock.instant());
		store.nearby(id, near);
		audit.record("HOTSPOT_REGISTERED", "hotspot", id, details.name().strip());
		store.step(id, "登记：" + details.problem().strip(), false, clock.instant(), user.displayName(), unit);
		return store.byId(DataScope.everything(true), id).orElseThrow();
	}

	/**
	 * The schools within the nearby radius of a point, nearest first; their units are
	 * added to {@code units}.
	 */
	private List<Hotspot.NearbySchool> nearby(TypedPoint p, Set<Long> units) {
		List<Hotspot.NearbySchool> near = new ArrayList<>();
		double lat = p.latitude().doubleValue();
		double lon = p.longitude().doubleValue();
		schools.forEach(DataScope.everything(false), SchoolFilter.none(), school -> {
			BigDecimal sLat = school.details().latitude();
			BigDecimal sLon = school.details().longitude();
			if (sLat != null && sLon != null) {
				int d = Distance.wholeMetres(lat, lon, sLat.doubleValue(), sLon.doubleValue());
				if (d <= nearbyMetres) {
					near.add(new Hotspot.NearbySchool(school.id(), school.name(), d));
					units.addAll(List.of(school.units().ids()));
				}
			}
		});
		near.sort(Comparator.comparingInt(Hotspot.NearbySchool::distanceMetres));
		return near;
	}

	/** A rectification step; with {@code fixed = true} the hotspot is fixed (是否整改：是). */
	@Transactional
	public Hotspot rectify(CurrentUser user, DataScope scope, long id, HotspotStep step) {
		requireWrite(user);
		Hotspot h = get(user, scope, id);
		if (step == null) {
			throw new InvalidInputException("text", "请写明整改措施");
		}
		List<Violation> problems = FormChecks.violations(validator, step);
		String fixed = step.fixed() == null || step.fixed().isBlank() ? "false" : step.fixed().strip();
		if (!fixed.equals("true") && !fixed.equals("false")) {
			problems.add(Violation.of("fixed", "是否整改完成须为“是”或“否”"));
		}
		FormChecks.refuse(problems);
		String v = step.version() == null ? "" : step.version().strip();
		if (!v.matches("\\d{1,9}")) {
			throw new ConcurrentEditException("该治安乱点");
		}
		h.checkOpen();
		boolean done = fixed.equals("true");
		if (!store.touch(id, Integer.parseInt(v), done, done ? PlatformTime.today(clock) : null,
				done ? user.displayName() : null)) {
			throw new ConcurrentEditException("该治安乱点");
		}
		store.step(id, step.text().strip(), done, clock.instant(), user.displayName(),
				organisations.get(user.organisationId()).name());
		audit.record(done ? "HOTSPOT_FIXED" : "HOTSPOT_STEP", "hotspot", id, h.name());
		return get(user, scope, id);
	}

	public Hotspot get(CurrentUser user, DataScope scope, long id) {
		requireUse(user);
		return store.byId(scope, id).orElseThrow(() -> new NotFoundException("该治安乱点不存在或不在您的管辖范围内"));
	}

	public List<Hotspot.Step> steps(CurrentUser user, DataScope scope, long id) {
		get(user, scope, id);
		return store.steps(id);
	}

	public List<Hotspot.NearbySchool> schoolsNear(CurrentUser user, DataScope scope, long id) {
		get(user, scope, id);
		return store.schools(id);
	}

	/**
	 * The register, narrowed by {@code fixed} (null for all) and text; {@code schoolId}
	 * keeps the hotspots near one school.
	 */
	public Paged<Hotspot> search(CurrentUser user, DataScope scope, Boolean fixed, Long schoolId, String text,
			PageRequest page) {
		requireUse(user);
		return store.search(scope, fixed, schoolId, text, page);
	}

	/**
	 * The register as an Excel ledger, narrowed like the list (every page of it): place,
	 * address, problem, station, the schools near it with their distances, registration,
	 * 是否整改 and the day it was fixed.
	 */
	public byte[] export(CurrentUser user, DataScope scope, Boolean fixed, String text) {
		requireUse(user);
		Map<Long, String> stations = new HashMap<>();
		for (Organisation o : stationsFor(scope)) {
			stations.put(o.id(), o.name());
		}
		List<Object[]> rows = new ArrayList<>();
		for (int page = 0;; page++) {
			Paged<Hotspot> found = store.search(scope, fixed, null, text, PageRequest.of(page, PageRequest.MAX_SIZE));
			for (Hotspot h : found.items()) {
				String near = store.schools(h.id())
					.stream()
					.map(n -> n.schoolName() + "（" + n.distanceMetres() + " 米）")
					.collect(Collectors.joining("、"));
				rows.add(new Object[] { h.name(), h.address(), h.problem(), stations.get(h.stationId()), near,
						h.registeredBy(), PlatformTime.DATE.format(h.registeredAt()), h.statusLabel(),
						h.fixedOn() == null ? null : h.fixedOn().toString() });
			}
			if (!found.hasNext()) {
				break;
			}
		}
		return LedgerWorkbook.write("治安乱点",
				new String[] { "地点", "地址", "治安问题", "责任派出所", "周边学校（直线距离）", "登记人", "登记日期", "是否整改", "整改完成日期" }, rows);
	}

	public boolean anyRecorded() {
		return store.any();
	}

	/**
	 * The Annex columns 校园周边治安乱点情况 and 是否整改 for the given schools, from the register
	 * within the reader's scope. Empty for a reader without police data: the items are
	 * sensitive, and so is everything made from them. A school with no hotspot near it
	 * has no entry.
	 */
	public Map<Long, HotspotAnnex> annexBySchool(DataScope scope, Collection<Long> schoolIds) {
		Map<Long, HotspotAnnex> result = new LinkedHashMap<>();
		if (!scope.policeData() || schoolIds.isEmpty()) {
			return result;
		}
		Map<Long, List<String>> lines = new LinkedHashMap<>();
		Map<Long, int[]> counts = new LinkedHashMap<>();
		for (HotspotStore.SchoolHotspot row : store.bySchool(scope, schoolIds)) {
			lines.computeIfAbsent(row.schoolId(), k -> new ArrayList<>())
				.add(row.name() + "（" + row.problem() + "，" + (row.fixed() ? "已整改" : "整改中") + "）");
			int[] c = counts.computeIfAbsent(row.schoolId(), k -> new int[2]);
			c[0]++;
			if (!row.fixed()) {
				c[1]++;
			}
		}
		lines.forEach((school, text) -> {
			int[] c = counts.get(school);
			result.put(school, new HotspotAnnex(school, c[0], c[1], c[0] + " 处：" + String.join("；", text),
					c[1] == 0 ? "是" : "否（" + c[1] + " 处整改中）"));
		});
		return result;
	}

	/** Hotspots in the scope: all, fixed. Nothing for a scope without police data. */
	public long[] figures(DataScope scope) {
		if (!scope.policeData()) {
			return null;
		}
		return store.figures(scope);
	}

	private Organisation unit(String text, OrganisationKind kind) {
		String t = text == null ? "" : text.strip();
		if (!t.matches("\\d{1,18}")) {
			return null;
		}
		return organisations.find(Long.valueOf(t)).filter(o -> o.kind() == kind).orElse(null);
	}

	private static void requireUse(CurrentUser user) {
		if (!mayUse(user)) {
			throw new ForbiddenException("治安乱点属公安机关掌握的敏感信息");
		}
	}

	private static void requireWrite(CurrentUser user) {
		if (!mayWrite(user)) {
			throw new ForbiddenException("只有公安（市局、分局、派出所）可以登记和整改治安乱点");
		}
	}

}
