package cn.hxay.schoolbus;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.hxay.audit.AuditTrail;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.FormChecks;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.PlatformTime;
import jakarta.validation.Validator;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school-bus module's API: register buses, drivers and approved routes (the same
 * plate or driver again renews the dates), list every lapsing date in scope with its
 * status on a day by the platform clock, and Annex 1's 校车等安全隐患情况 per school. Dates are
 * flagged {@code hxay.schoolbus.warn-days} (30) days ahead; a driver's safety training
 * lapses {@code hxay.schoolbus.training-interval-days} (365, platform default) after the
 * last.
 */
@Service
@Transactional(readOnly = true)
public class SchoolBuses {

	/**
	 * The school's own lead and the education bureaus register; police and the 督导员 read.
	 */
	public static final Set<Role> RECORDERS = Set.of(Role.SCHOOL_SAFETY_LEAD, Role.COUNTY_EDUCATION_ADMIN,
			Role.CITY_EDUCATION_ADMIN);

	private final SchoolBusStore store;

	private final SchoolRegistry schools;

	private final AuditTrail audit;

	private final Validator validator;

	private final Clock clock;

	private final int warnDays;

	private final int trainingIntervalDays;

	SchoolBuses(SchoolBusStore store, SchoolRegistry schools, AuditTrail audit, Validator validator, Clock clock,
			Environment env) {
		this.store = store;
		this.schools = schools;
		this.audit = audit;
		this.validator = validator;
		this.clock = clock;
		this.warnDays = env.getProperty("hxay.schoolbus.warn-days", Integer.class, 30);
		this.trainingIntervalDays = env.getProperty("hxay.schoolbus.training-interval-days", Integer.class, 365);
		if (warnDays < 1 || warnDays > 366 || trainingIntervalDays < 1 || trainingIntervalDays > 3660) {
			throw new IllegalStateException("hxay.schoolbus.warn-days 应为 1–366，training-interval-days 应为 1–3660");
		}
	}

	public boolean mayRecord(CurrentUser user) {
		return !user.readOnly() && user.roles().stream().anyMatch(RECORDERS::contains);
	}

	public int warnDays() {
		return warnDays;
	}

	public int trainingIntervalDays() {
		return trainingIntervalDays;
	}

	public LocalDate today() {
		return PlatformTime.today(clock);
	}

	@Transactional
	public Bus saveBus(CurrentUser user, DataScope scope, BusForm form) {
		mustRecord(user);
		FormChecks.validate(validator, form, "schoolId");
		School school = schools.get(scope, form.schoolId());
		String plate = form.plate().strip().toUpperCase(Locale.ROOT);
		store.schoolOfPlate(plate).filter(owner -> owner != school.id()).ifPresent(owner -> {
			throw new InvalidInputException("plate", "车牌号 " + plate + " 已登记在其他学校");
		});
		long id = store.saveBus(school, form, plate, user.displayName(), clock.instant());
		audit.record("SCHOOL_BUS_SAVED", "school_bus", id, school.name() + " " + plate);
		return store.buses(scope, school.id()).stream().filter(b -> b.id() == id).findFirst().orElseThrow();
	}

	@Transactional
	public Driver saveDriver(CurrentUser user, DataScope scope, DriverForm form) {
		mustRecord(user);
		FormChecks.validate(validator, form, "schoolId");
		School school = schools.get(scope, form.schoolId());
		if (form.lastTrainingOn().isAfter(today())) {
			throw new InvalidInputException("lastTrainingOn", "培训日期不能晚于今天（" + today() + "）");
		}
		long id = store.saveDriver(school, form, user.displayName(), clock.instant());
		audit.record("SCHOOL_BUS_DRIVER_SAVED", "school_bus_driver", id, school.name() + " " + form.name().strip());
		return store.drivers(scope, school.id()).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
	}

	@Transactional
	public Route saveRoute(CurrentUser user, DataScope scope, RouteForm form) {
		mustRecord(user);
		FormChecks.validate(validator, form, "schoolId");
		School school = schools.get(scope, form.schoolId());
		String plate = form.plate() == null || form.plate().isBlank() ? null
				: form.plate().strip().toUpperCase(Locale.ROOT);
		if (plate != null && store.buses(scope, school.id()).stream().noneMatch(b -> b.plate().equals(plate))) {
			throw new InvalidInputException("plate", "本校没有登记车牌号为 " + plate + " 的校车");
		}
		if (form.approvedOn().isAfter(today())) {
			throw new InvalidInputException("approvedOn", "批准日期不能晚于今天（" + today() + "）");
		}
		long id = store.saveRoute(school, form, plate, user.displayName(), clock.instant());
		audit.record("SCHOOL_BUS_ROUTE_SAVED", "school_bus_route", id, school.name() + " " + form.name().strip());
		return store.routes(scope, school.id()).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
	}

	public List<Bus> buses(DataScope scope, Long schoolId) {
		return store.buses(scope, schoolId);
	}

	public List<Driver> drivers(DataScope scope, Long schoolId) {
		return store.drivers(scope, schoolId);
	}

	public List<Route> routes(DataScope scope, Long schoolId) {
		return store.routes(scope, schoolId);
	}

	/** Every lapsing date in scope today, soonest first. */
	public List<ExpiryItem> expiries(DataScope scope, Long schoolId) {
		return expiries(scope, schoolId, today());
	}

	/** Every lapsing date in scope on a day, soonest first. */
	public List<ExpiryItem> expiries(DataScope scope, Long schoolId, LocalDate today) {
		List<ExpiryItem> items = new ArrayList<>();
		for (Bus b : store.buses(scope, schoolId)) {
			items.add(item(b.schoolId(), b.schoolName(), b.regionCode(), ExpiryKind.BUS_INSPECTION, b.id(), b.plate(),
					b.inspectionValidUntil(), today));
			items.add(item(b.schoolId(), b.schoolName(), b.regionCode(), ExpiryKind.BUS_SIGN, b.id(), b.plate(),
					b.signValidUntil(), today));
		}
		for (Driver d : store.drivers(scope, schoolId)) {
			items.add(item(d.schoolId(), d.schoolName(), d.regionCode(), ExpiryKind.DRIVER_LICENCE, d.id(), d.name(),
					d.licenceValidUntil(), today));
			items.add(item(d.schoolId(), d.schoolName(), d.regionCode(), ExpiryKind.DRIVER_TRAINING, d.id(), d.name(),
					d.lastTrainingOn().plusDays(trainingIntervalDays), today));
		}
		items.sort(Comparator.comparing(ExpiryItem::validUntil).thenComparing(ExpiryItem::schoolName));
		return items;
	}

	/** The status of a date that lapses after {@code validUntil}, on {@code today}. */
	public ExpiryStatus status(LocalDate validUntil, LocalDate today) {
		if (validUntil.isBefore(today)) {
			return ExpiryStatus.EXPIRED;
		}
		return validUntil.isAfter(today.plusDays(warnDays)) ? ExpiryStatus.VALID : ExpiryStatus.EXPIRING;
	}

	private ExpiryItem item(long schoolId, String schoolName, String region, ExpiryKind kind, long subjectId,
			String subject, LocalDate until, LocalDate today) {
		return new ExpiryItem(schoolId, schoolName, region, kind, subjectId, subject, until, status(until, today),
				ChronoUnit.DAYS.between(today, until));
	}

	/**
	 * Annex 1's 校车等安全隐患情况 for every school in scope that has a bus or a driver, today
	 * (schools without any answer "/").
	 */
	public List<BusAnnex> annex(DataScope scope) {
		Map<Long, int[]> counts = new LinkedHashMap<>();
		Map<Long, String[]> names = new LinkedHashMap<>();
		for (Bus b : store.buses(scope, null)) {
			counts.computeIfAbsent(b.schoolId(), k -> new int[4])[0]++;
			names.putIfAbsent(b.schoolId(), new String[] { b.schoolName(), b.regionCode() });
		}
		for (Driver d : store.drivers(scope, null)) {
			counts.computeIfAbsent(d.schoolId(), k -> new int[4])[1]++;
			names.putIfAbsent(d.schoolId(), new String[] { d.schoolName(), d.regionCode() });
		}
		Map<Long, List<ExpiryItem>> lapsed = new LinkedHashMap<>();
		for (ExpiryItem item : expiries(scope, null)) {
			if (item.status() == ExpiryStatus.EXPIRED) {
				counts.get(item.schoolId())[2]++;
				lapsed.computeIfAbsent(item.schoolId(), k -> new ArrayList<>()).add(item);
			}
			else if (item.status() == ExpiryStatus.EXPIRING) {
				counts.get(item.schoolId())[3]++;
			}
		}
		List<BusAnnex> rows = new ArrayList<>();
		counts.forEach((school, c) -> {
			StringBuilder text = new StringBuilder("校车 " + c[0] + " 辆、驾驶人 " + c[1] + " 名；");
			List<ExpiryItem> items = lapsed.getOrDefault(school, List.of());
			if (items.isEmpty()) {
				text.append("未发现证照过期");
			}
			else {
				text.append("证照过期 ").append(items.size()).append(" 项：");
				for (int i = 0; i < items.size(); i++) {
					ExpiryItem it = items.get(i);
					text.append(i == 0 ? "" : "；").append(it.subject()).append(" ").append(it.kind().label());
				}
			}
			if (c[3] > 0) {
				text.append("；").append(c[3]).append(" 项将在 ").append(warnDays).append(" 天内到期");
			}
			rows.add(new BusAnnex(school, names.get(school)[0], names.get(school)[1], c[0], c[1], c[2], c[3],
					text.toString()));
		});
		return rows;
	}

	public boolean anyBus() {
		return store.any();
	}

	private void mustRecord(CurrentUser user) {
		if (!mayRecord(user)) {
			throw new ForbiddenException("只有学校安全负责人和教育行政部门可以登记校车信息");
		}
	}

}
