package cn.hxay.unlicensed;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.hxay.audit.AuditTrail;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.organisation.Region;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.FormChecks;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.Violation;
import cn.hxay.shared.geo.TypedPoint;
import jakarta.validation.Validator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger of unlicensed kindergartens, care points and tutoring classes. Police units
 * and education bureaus register and work the cases of their scope; the read-only 督导员
 * reads; schools and administrators are refused. A case lies in the units of its county
 * education bureau, its police station and its township (the one data-scope rule);
 * anything outside the scope is "not found".
 * <p>
 * Found → 限期办证 (a responsible department and a deadline) → 销号 as 已办证 (licence number) or
 * 已取缔; a ban is re-checked {@code hxay.unlicensed.recheck-days} (30) days later, and a
 * re-check that finds the institution open again opens a new case linked to the banned
 * one.
 */
@Service
@Transactional(readOnly = true)
public class UnlicensedInstitutions {

	/** Printable text: no NUL or other control characters except tab and line breaks. */
	static final String PRINTABLE = FormChecks.PRINTABLE;

	/** Who registers and works cases. */
	public static final Set<Role> HANDLERS = Set.of(Role.CITY_POLICE, Role.COUNTY_POLICE, Role.STATION_OFFICER,
			Role.CITY_EDUCATION_ADMIN, Role.COUNTY_EDUCATION_ADMIN);

	static final int LONGEST_DAYS = 366;

	private final InstitutionStore store;

	private final Organisations organisations;

	private final AuditTrail audit;

	private final Clock clock;

	private final Validator validator;

	private final int recheckDays;

	UnlicensedInstitutions(InstitutionStore store, Organisations organisations, AuditTrail audit, Clock clock,
			Validator validator, @Value("${hxay.unlicensed.recheck-days:30}") int recheckDays) {
		this.store = store;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
		this.validator = validator;
		this.recheckDays = Math.max(1, recheckDays);
	}

	public static boolean mayRead(CurrentUser user) {
		return user.hasRole(Role.INSPECTOR) || user.roles().stream().anyMatch(HANDLERS::contains);
	}

	public static boolean mayWrite(CurrentUser user) {
		return !user.readOnly() && user.roles().stream().anyMatch(HANDLERS::contains);
	}

	public LocalDate today() {
		return PlatformTime.today(clock);
	}

	public int recheckDays() {
		return recheckDays;
	}

	public List<Region> counties() {
		return organisations.counties();
	}

	/** A unit's name, for showing a case's station and township. */
	public String unitName(long unitId) {
		return organisations.find(unitId).map(Organisation::name).orElse("—");
	}

	// ------------------------------------------------------------------ units in reach

	/** County education bureaus by region code. */
	private Map<String, Organisation> bureaus() {
		Map<String, Organisation> byRegion = new HashMap<>();
		for (Organisation o : organisations.units("", OrganisationKind.COUNTY_EDUCATION_BUREAU)) {
			byRegion.putIfAbsent(o.regionCode(), o);
		}
		return byRegion;
	}

	/**
	 * The police stations a user may make responsible: those in the scope, and those of a
	 * county whose education bureau is in the scope.
	 */
	public List<Organisation> stationsFor(DataScope scope) {
		Map<String, Organisation> bureaus = bureaus();
		return organisations.units("", OrganisationKind.POLICE_STATION)
			.stream()
			.filter(s -> inReach(scope, s, bureaus))
			.sorted(Comparator.comparing(Organisation::regionCode).thenComparing(Organisation::name))
			.toList();
	}

	/** The townships of the counties of the stations a user may choose. */
	public List<Organisation> townshipsFor(DataScope scope) {
		Set<String> regions = new HashSet<>();
		stationsFor(scope).forEach(s -> regions.add(s.regionCode()));
		return organisations.units("", OrganisationKind.TOWNSHIP)
			.stream()
			.filter(t -> scope.covers(t.id()) || regions.contains(t.regionCode()))
			.sorted(Comparator.comparing(Organisation::regionCode).thenComparing(Organisation::name))
			.toList();
	}

	private static boolean inReach(DataScope scope, Organisation station, Map<String, Organisation> bureaus) {
		Organisation bureau = bureaus.get(station.regionCode());
		return scope.covers(station.id()) || bureau != null && scope.covers(bureau.id());
	}

	// ------------------------------------------------------------------ register

	@Transactional
	public UnlicensedInstitution register(CurrentUser user, DataScope scope, NewInstitution form) {
		requireWrite(user);
		Checked c = check(scope, form);
		long id = store.insert(c, user.displayName(), organisations.get(user.organisationId()).name(), clock.instant(),
				null);
		store.step(id, "发现立案", "限期 " + c.deadline + " 前办理审批或登记手续；责任部门：" + c.department, clock.instant(),
				user.displayName(), organisations.get(user.organisationId()).name());
		audit.record("UNLICENSED_REGISTERED", "unlicensed_institution", id, c.kind.label() + " " + c.name);
		return store.byId(DataScope.everything(false), id).orElseThrow();
	}

	/** What a registration carries once checked. */
	record Checked(InstitutionKind kind, String name, String address, String system, BigDecimal[] typed,
			BigDecimal[] wgs, String operator, int children, String foundBy, LocalDate foundOn, String regionCode,
			Long bureauId, long stationId, Long townshipId, String department, LocalDate deadline) {
	}

	private Checked check(DataScope scope, NewInstitution d) {
		if (d == null) {
			throw new InvalidInputException("name", "请填写名称");
		}
		List<Violation> problems = FormChecks.violations(validator, d);
		LocalDate today = today();
		InstitutionKind kind = InstitutionKind.parse(d.kind()).orElse(null);
		if (kind == null) {
			problems.add(Violation.of("kind", "请选择类别"));
		}
		TypedPoint point = TypedPoint.read(d.coordinateSystem(), d.longitude(), d.latitude(), problems);
		Integer children = null;
		String count = trim(d.children());
		if (count == null || !count.matches("\\d{1,5}") || Integer.parseInt(count) > 10_000) {
			problems.add(Violation.of("children", "在园（班）人数须为 0–10000 的整数"));
		}
		else {
			children = Integer.valueOf(count);
		}
		Map<String, Organisation> bureaus = bureaus();
		Organisation station = unit(d.stationId(), OrganisationKind.POLICE_STATION).orElse(null);
		if (station == null || !inReach(scope, station, bureaus)) {
			problems.add(Violation.of("stationId", "属地派出所须为您管辖范围内的派出所"));
		}
		Organisation township = null;
		if (trim(d.townshipId()) != null) {
			township = unit(d.townshipId(), OrganisationKind.TOWNSHIP).orElse(null);
			if (township == null || station != null && !township.regionCode().equals(station.regionCode())) {
				problems.add(Violation.of("townshipId", "乡镇(街道)须与属地派出所在同一县（区）"));
			}
		}
		LocalDate foundOn = date(d.foundOn(), "foundOn", "发现日期", problems);
		if (foundOn != null && (foundOn.isAfter(today) || foundOn.isBefore(today.minusYears(5)))) {
			problems.add(Violation.of("foundOn", "发现日期须在五年内且不晚于今天"));
		}
		LocalDate deadline = date(d.deadline(), "deadline", "办证期限", problems);
		if (deadline != null && (deadline.isBefore(today) || deadline.isAfter(today.plusDays(LONGEST_DAYS)))) {
			problems.add(Violation.of("deadline", "办证期限应在今天到一年内"));
		}
		FormChecks.refuse(problems);
		Organisation bureau = bureaus.get(station.regionCode());
		return new Checked(kind, d.name().strip(), d.address().strip(), point.system(),
				new BigDecimal[] { point.typedLatitude(), point.typedLongitude() },
				new BigDecimal[] { point.latitude(), point.longitude() }, d.operator().strip(), children,
				d.foundBy().strip(), foundOn, station.regionCode(), bureau == null ? null : bureau.id(), station.id(),
				township == null ? null : township.id(), d.department().strip(), deadline);
	}

	private Optional<Organisation> unit(String text, OrganisationKind kind) {
		String t = trim(text);
		if (t == null || !t.matches("\\d{1,18}")) {
			return Optional.empty();
		}
		return organisations.find(Long.valueOf(t)).filter(o -> o.kind() == kind);
	}

	// ------------------------------------------------------------------ reading

	public UnlicensedInstitution get(CurrentUser user, DataScope scope, long id) {
		requireRead(user);
		return store.byId(scope, id).orElseThrow(() -> new NotFoundException("该记录不存在或不在您的管辖范围内"));
	}

	public List<InstitutionStep> steps(CurrentUser user, DataScope scope, long id) {
		get(user, scope, id);
		return store.steps(id);
	}

	/** The case that reopened this banned one, if a re-check found it open again. */
	public Optional<Long> reopenedAs(long id) {
		return store.reopenedAs(id);
	}

	public Paged<UnlicensedInstitution> search(CurrentUser user, DataScope scope, InstitutionFilter filter,
			PageRequest page) {
		return search(user, scope, filter, page, today());
	}

	/** The ledger as on {@code today} (the overdue and re-check filters depend on it). */
	Paged<UnlicensedInstitution> search(CurrentUser user, DataScope scope, InstitutionFilter filter, PageRequest page,
			LocalDate today) {
		requireRead(user);
		return store.search(scope, filter, page, today);
	}

	public long count(CurrentUser user, DataScope scope, InstitutionFilter filter) {
		return count(user, scope, filter, today());
	}

	long count(CurrentUser user, DataScope scope, InstitutionFilter filter, LocalDate today) {
		requireRead(user);
		return store.count(scope, filter, today);
	}

	@Transactional
	public List<UnlicensedInstitution> export(CurrentUser user, DataScope scope, InstitutionFilter filter) {
		List<UnlicensedInstitution> rows = search(user, scope, filter, new PageRequest(0, 5000)).items();
		audit.record("UNLICENSED_EXPORT", "unlicensed_institution", null, rows.size() + " 条");
		return rows;
	}

	public boolean anyRecorded() {
		return store.any();
	}

	// ------------------------------------------------------------------ moves

	/** 办证销号: the institution obtained approval; the licence number is kept. */
	@Transactional
	public UnlicensedInstitution license(CurrentUser user, DataScope scope, long id, LedgerMove move) {
		return license(user, scope, id, move, clock);
	}

	@Transactional
	UnlicensedInstitution license(CurrentUser user, DataScope scope, long id, LedgerMove move, Clock at) {
		requireWrite(user);
		UnlicensedInstitution u = get(user, scope, id);
		List<Violation> problems = FormChecks.violations(validator, move);
		if (trim(move.licenceNo()) == null) {
			problems.add(Violation.of("licenceNo", "请填写办学许可证或登记证书编号"));
		}
		FormChecks.refuse(problems);
		int version = version(move);
		u.checkClose();
		LocalDate today = PlatformTime.today(at);
		if (!store.close(id, version, InstitutionStatus.LICENSED, move.licenceNo().strip(), today, user.displayName(),
				null)) {
			throw new ConcurrentEditException("该无证办学记录");
		}
		step(user, id, "办证销号", "证照编号 " + move.licenceNo().strip() + note(move), at);
		audit.record("UNLICENSED_LICENSED", "unlicensed_institution", id, move.licenceNo().strip());
		return get(user, scope, id);
	}

	/** 取缔销号: the institution was closed down; a re-check falls due. */
	@Transactional
	public UnlicensedInstitution ban(CurrentUser user, DataScope scope, long id, LedgerMove move) {
		return ban(user, scope, id, move, clock);
	}

	@Transactional
	UnlicensedInstitution ban(CurrentUser user, DataScope scope, long id, LedgerMove move, Clock at) {
		requireWrite(user);
		UnlicensedInstitution u = get(user, scope, id);
		List<Violation> problems = FormChecks.violations(validator, move);
		if (trim(move.note()) == null) {
			problems.add(Violation.of("note", "请写明取缔情况（哪些部门、何时、如何处置在园幼儿或学生）"));
		}
		FormChecks.refuse(problems);
		int version = version(move);
		u.checkClose();
		LocalDate today = PlatformTime.today(at);
		if (!store.close(id, version, InstitutionStatus.BANNED, null, today, user.displayName(),
				today.plusDays(recheckDays))) {
			throw new ConcurrentEditException("该无证办学记录");
		}
		step(user, id, "取缔销号", move.note().strip() + "；" + today.plusDays(recheckDays) + " 前复查", at);
		audit.record("UNLICENSED_BANNED", "unlicensed_institution", id, u.name());
		return get(user, scope, id);
	}

	/**
	 * 复查 of a banned institution. Still closed: the re-check is recorded. Open again: a
	 * new case is opened (限期办证 with the new deadline), linked to the banned one, and
	 * returned.
	 */
	@Transactional
	public UnlicensedInstitution recheck(CurrentUser user, DataScope scope, long id, LedgerMove move) {
		return recheck(user, scope, id, move, clock);
	}

	@Transactional
	UnlicensedInstitution recheck(CurrentUser user, DataScope scope, long id, LedgerMove move, Clock at) {
		requireWrite(user);
		UnlicensedInstitution u = get(user, scope, id);
		List<Violation> problems = FormChecks.violations(validator, move);
		String reopened = trim(move.reopened());
		if (!"true".equals(reopened) && !"false".equals(reopened)) {
			problems.add(Violation.of("reopened", "请选择复查结果：仍已关停，或已重新开办"));
		}
		if (trim(move.note()) == null) {
			problems.add(Violation.of("note", "请写明复查情况"));
		}
		LocalDate today = PlatformTime.today(at);
		LocalDate deadline = null;
		if ("true".equals(reopened)) {
			deadline = date(move.deadline(), "deadline", "办证期限", problems);
			if (deadline != null && (deadline.isBefore(today) || deadline.isAfter(today.plusDays(LONGEST_DAYS)))) {
				problems.add(Violation.of("deadline", "办证期限应在今天到一年内"));
			}
		}
		FormChecks.refuse(problems);
		int version = version(move);
		u.checkRecheck();
		if (!store.rechecked(id, version, today)) {
			throw new ConcurrentEditException("该无证办学记录");
		}
		String unit = organisations.get(user.organisationId()).name();
		if (deadline == null) {
			step(user, id, "复查", "仍已关停：" + move.note().strip(), at);
			audit.record("UNLICENSED_RECHECKED", "unlicensed_institution", id, "仍已关停");
			return get(user, scope, id);
		}
		Checked again = new Checked(u.kind(), u.name(), u.address(), u.inputSystem(),
				new BigDecimal[] { u.inputLatitude(), u.inputLongitude() },
				new BigDecimal[] { u.latitude(), u.longitude() }, u.operator(), u.children(), user.displayName(), today,
				u.regionCode(), u.educationBureauId(), u.policeStationId(), u.townshipId(), u.department(), deadline);
		long reopenedId = store.insert(again, user.displayName(), unit, at.instant(), id);
		step(user, id, "复查", "发现重新开办，已重新立案（编号 " + reopenedId + "）：" + move.note().strip(), at);
		store.step(reopenedId, "发现立案", "取缔后复查发现重新开办（原编号 " + id + "）；限期 " + deadline + " 前办理审批或登记手续", at.instant(),
				user.displayName(), unit);
		audit.record("UNLICENSED_REOPENED", "unlicensed_institution", reopenedId, "原编号 " + id);
		return get(user, scope, reopenedId);
	}

	private void step(CurrentUser user, long id, String action, String note, Clock at) {
		store.step(id, action, note, at.instant(), user.displayName(), organisations.get(user.organisationId()).name());
	}

	private static String note(LedgerMove move) {
		return trim(move.note()) == null ? "" : "；" + move.note().strip();
	}

	private static int version(LedgerMove move) {
		String v = trim(move.version());
		if (v == null || !v.matches("\\d{1,9}")) {
			throw new ConcurrentEditException("该无证办学记录");
		}
		return Integer.parseInt(v);
	}

	// ------------------------------------------------------------------ checks

	private static LocalDate date(String text, String field, String label, List<Violation> problems) {
		String t = trim(text);
		try {
			if (t == null) {
				throw new DateTimeParseException("empty", "", 0);
			}
			return LocalDate.parse(t);
		}
		catch (DateTimeParseException ex) {
			problems.add(Violation.of(field, "请填写" + label + "（格式 yyyy-MM-dd）"));
			return null;
		}
	}

	private static String trim(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static void requireRead(CurrentUser user) {
		if (!mayRead(user)) {
			throw new ForbiddenException("无证办学台账仅对教育行政部门和公安机关开放");
		}
	}

	private static void requireWrite(CurrentUser user) {
		if (!mayWrite(user)) {
			throw new ForbiddenException("您不能登记或办理无证办学记录");
		}
	}

}
