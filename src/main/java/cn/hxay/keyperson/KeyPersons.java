package cn.hxay.keyperson;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.FormChecks;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.Violation;
import cn.hxay.shared.crypto.FieldCipher;
import cn.hxay.shared.crypto.KeyRing;
import jakarta.validation.Validator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The key-person register's facade, for police users only: every method refuses anyone
 * else (and audits the refusal), reads only within the caller's scope (anything outside
 * it is "not found"), and audits every read.
 */
@Service
public class KeyPersons {

	/** The roles that may see key persons at all: police. */
	public static final Set<Role> POLICE = Set.of(Role.CITY_POLICE, Role.COUNTY_POLICE, Role.STATION_OFFICER);

	/**
	 * The key ring's purpose for ID and phone numbers (its derivation labels are those of
	 * the key person register's first key ring, so older values read as they are).
	 */
	static final String CIPHER = "keyperson";

	static final int MIN_REVEAL_REASON = 5;

	private static final int EXPORT_LIMIT = 5000;

	private final KeyPersonStore store;

	private final FieldCipher keys;

	private final NearbySchools nearby;

	private final Organisations organisations;

	private final KeyPersonAudit audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Validator validator;

	KeyPersons(KeyPersonStore store, KeyRing keys, NearbySchools nearby, Organisations organisations,
			KeyPersonAudit audit, ApplicationEventPublisher events, Clock clock, Validator validator) {
		this.store = store;
		this.keys = keys.cipher(KeyPersons.CIPHER);
		this.nearby = nearby;
		this.organisations = organisations;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.validator = validator;
	}

	/** Whether a user may see key persons at all. */
	public static boolean mayUse(CurrentUser user) {
		return POLICE.stream().anyMatch(user::hasRole);
	}

	public List<Category> categories() {
		return store.categories();
	}

	public Category category(String code) {
		return store.categories()
			.stream()
			.filter(c -> c.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("category", "没有这个人员类别：" + code));
	}

	/** The police stations a user may make responsible for a new key person. */
	public List<Organisation> stationsFor(CurrentUser user, DataScope scope) {
		requirePolice(user, "选择责任派出所");
		return organisations.units("", OrganisationKind.POLICE_STATION)
			.stream()
			.filter(unit -> scope.covers(unit.id()))
			.toList();
	}

	/** Every police station, for a transfer (a person may move to another county). */
	public List<Organisation> allStations(CurrentUser user) {
		requirePolice(user, "选择接收派出所");
		return organisations.units("", OrganisationKind.POLICE_STATION);
	}

	/** Station names by id, for display. */
	public Map<Long, String> stationNames(java.util.Collection<Long> ids) {
		return organisations.byIds(ids)
			.values()
			.stream()
			.collect(Collectors.toMap(Organisation::id, Organisation::name));
	}

	@Transactional
	public KeyPerson create(CurrentUser user, DataScope scope, KeyPersonDetails d) {
		requirePolice(user, "登记重点人员");
		List<Violation> problems = FormChecks.violations(validator, d);
		String idNumber = PersonalNumbers.normaliseIdNumber(d.idNumber());
		String phone = PersonalNumbers.normalisePhone(d.phone());
		checkNumbers(problems, idNumber, phone, true);
		Category category = null;
		if (d.category() != null && !d.category().isBlank()) {
			category = categories().stream().filter(c -> c.code().equals(d.category())).findFirst().orElse(null);
			if (category == null) {
				problems.add(Violation.of("category", "没有这个人员类别"));
			}
		}
		if (d.stationId() != null && !isStationIn(scope, d.stationId())) {
			problems.add(Violation.of("stationId", "责任派出所须为您管辖范围内的派出所"));
		}
		if (problems.isEmpty() && !store
			.page(DataScope.everything(true), KeyPersonFilter.none(), keys.hmacs(idNumber), PlatformTime.today(clock),
					PageRequest.of(0, 1))
			.items()
			.isEmpty()) {
			problems.add(Violation.of("idNumber", "该身份证号已登记为重点人员（可能由其他派出所负责），请勿重复登记"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		LocalDate today = PlatformTime.today(clock);
		if (d.controlledSince() != null && d.controlledSince().isAfter(today)) {
			throw new InvalidInputException("controlledSince", "纳入管控日期不能晚于今天");
		}
		LocalDate since = d.controlledSince() == null ? today : d.controlledSince();
		KeyPersonDetails scaled = new KeyPersonDetails(d.name().strip(), idNumber, phone, d.address(),
				KeyPersonStore.scaled(d.longitude()), KeyPersonStore.scaled(d.latitude()), d.stationId(), d.officer(),
				d.risk(), d.category(), d.measures(), d.guardians(), d.communityContacts(), d.visitIntervalDays(),
				since);
		int interval = d.visitIntervalDays() != null ? d.visitIntervalDays() : category.daysFor(d.risk());
		long id = store.insert(scaled.name(), keys.encrypt("id_number", idNumber), keys.hmac(idNumber),
				keys.encrypt("phone", phone), scaled, ControlStatus.UNDER_CONTROL, since, since.plusDays(interval),
				user.displayName(), clock.instant());
		store.step(id, StatusMove.INCLUDE.label(), user.displayName(), clock.instant(), "登记建档", null,
				category.label() + "，风险等级" + d.risk().label());
		nearby.refresh(id, scaled.latitude(), scaled.longitude());
		audit.allowed(user, "CREATE", id, "登记 " + category.label());
		events.publishEvent(new KeyPersonIncluded(id, d.stationId(), d.risk()));
		return store.byId(id, DataScope.everything(true)).orElseThrow();
	}

	/** One key person, audited as a view. */
	@Transactional
	public KeyPerson view(CurrentUser user, DataScope scope, long id) {
		return read(user, scope, id, "VIEW", "查看");
	}

	/** One key person for printing, audited as a print. */
	@Transactional
	public KeyPerson print(CurrentUser user, DataScope scope, long id) {
		return read(user, scope, id, "PRINT", "打印");
	}

	public List<Visit> visits(CurrentUser user, DataScope scope, long id) {
		find(user, scope, id, "查看走访记录");
		return store.visits(id);
	}

	public List<StatusStep> history(CurrentUser user, DataScope scope, long id) {
		find(user, scope, id, "查看管控记录");
		return store.steps(id);
	}

	public List<NearbySchool> nearbySchools(CurrentUser user, DataScope scope, long id) {
		find(user, scope, id, "查看周边学校");
		return store.nearby(id);
	}

	/** The radius in metres within which schools count as nearby. */
	public int nearbyRadiusMetres() {
		return nearby.radius();
	}

	/** One page of the list, the most urgent visit first; audited as a search. */
	@Transactional
	public Paged<KeyPerson> search(CurrentUser user, DataScope scope, KeyPersonFilter filter, PageRequest page) {
		return search(user, scope, filter, page, clock);
	}

	/**
	 * The same, with "overdue" judged by the given clock (the platform clock, or a moved
	 * one in tests).
	 */
	@Transactional
	public Paged<KeyPerson> search(CurrentUser user, DataScope scope, KeyPersonFilter filter, PageRequest page,
			Clock at) {
		requirePolice(user, "查询重点人员");
		Paged<KeyPerson> result = store.page(scope, filter, hmacsOf(filter), PlatformTime.today(at), page);
		audit.allowed(user, "SEARCH", null,
				filter.describe() + "，第 " + (page.page() + 1) + " 页，共 " + result.total() + " 人");
		return result;
	}

	/**
	 * Key-person control in a police unit's scope as the list shows it on {@code day}
	 * (overdue judged on that day), for the unit's periodic report; empty for any other
	 * scope: the figure is police data and never reaches an education unit's report.
	 */
	public Optional<ControlFigures> controlFigures(DataScope scope, LocalDate day) {
		if (!scope.policeData()) {
			return Optional.empty();
		}
		PageRequest one = new PageRequest(0, 1);
		long under = store
			.page(scope, new KeyPersonFilter(null, null, ControlStatus.UNDER_CONTROL, null, null, null), null, day, one)
			.total();
		long overdue = store
			.page(scope, new KeyPersonFilter(null, null, ControlStatus.UNDER_CONTROL, true, null, null), null, day, one)
			.total();
		return Optional.of(new ControlFigures(under, overdue));
	}

	/**
	 * Everything that matches (up to 5,000), for the Excel export; audited as an export.
	 */
	@Transactional
	public List<KeyPerson> export(CurrentUser user, DataScope scope, KeyPersonFilter filter) {
		requirePolice(user, "导出重点人员");
		List<KeyPerson> all = store
			.page(scope, filter, hmacsOf(filter), PlatformTime.today(clock), new PageRequest(0, PageRequest.MAX_SIZE))
			.items();
		if (all.size() == PageRequest.MAX_SIZE) {
			all = new ArrayList<>();
			for (int p = 0; p * PageRequest.MAX_SIZE < EXPORT_LIMIT; p++) {
				List<KeyPerson> items = store
					.page(scope, filter, hmacsOf(filter), PlatformTime.today(clock),
							new PageRequest(p, PageRequest.MAX_SIZE))
					.items();
				all.addAll(items);
				if (items.size() < PageRequest.MAX_SIZE) {
					break;
				}
			}
		}
		audit.allowed(user, "EXPORT", null, "导出 Excel（号码已脱敏）：" + filter.describe() + "，" + all.size() + " 人");
		return all;
	}

	/**
	 * The full ID and phone numbers, only with a stated reason (at least five
	 * characters); audited with the reason.
	 */
	@Transactional
	public Revealed reveal(CurrentUser user, DataScope scope, long id, String reason) {
		KeyPerson p = find(user, scope, id, "查看完整号码");
		if (reason == null || reason.strip().length() < MIN_REVEAL_REASON) {
			throw new InvalidInputException("reason", "查看完整号码须说明理由（至少 " + MIN_REVEAL_REASON + " 个字）");
		}
		if (reason.strip().length() > 200) {
			throw new InvalidInputException("reason", "理由不能超过 200 字");
		}
		String[] numbers = store.numbers(id, scope).orElseThrow();
		Revealed revealed = new Revealed(id, p.name(), keys.decrypt("id_number", numbers[0]),
				keys.decrypt("phone", numbers[1]));
		audit.allowed(user, "REVEAL", id, "查看完整号码，理由：" + reason.strip());
		return revealed;
	}

	@Transactional
	public KeyPerson change(CurrentUser user, DataScope scope, long id, int version, KeyPersonChanges c) {
		KeyPerson p = find(user, scope, id, "修改");
		List<Violation> problems = FormChecks.violations(validator, c);
		String idNumber = keepsMasked(c.idNumber()) ? null : PersonalNumbers.normaliseIdNumber(c.idNumber());
		String phoneInput = c.phone();
		boolean phoneKept = phoneInput == null || phoneInput.contains("*");
		String phone = phoneKept ? null : PersonalNumbers.normalisePhone(phoneInput);
		checkNumbers(problems, idNumber, phone, false);
		Category category = null;
		if (c.category() != null && !c.category().isBlank()) {
			category = categories().stream().filter(k -> k.code().equals(c.category())).findFirst().orElse(null);
			if (category == null) {
				problems.add(Violation.of("category", "没有这个人员类别"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		requireVersion(p, version);
		boolean moved = !same(p.latitude(), c.latitude()) || !same(p.longitude(), c.longitude());
		p.change(c.name().strip(), c.address().strip(), KeyPersonStore.scaled(c.longitude()),
				KeyPersonStore.scaled(c.latitude()), c.officer().strip(), category,
				new ControlPlan(c.measures(), c.guardians(), c.communityContacts(), c.visitIntervalDays()));
		save(p);
		if (idNumber != null) {
			store.replaceIdNumber(id, keys.encrypt("id_number", idNumber), keys.hmac(idNumber));
		}
		if (!phoneKept) {
			store.replacePhone(id, keys.encrypt("phone", phone));
		}
		if (moved) {
			nearby.refresh(id, p.latitude(), p.longitude());
		}
		store.step(id, "修改", user.displayName(), clock.instant(), null, null,
				moved ? "修改基本信息和管控方案（住址坐标已变，周边学校已重算）" : "修改基本信息和管控方案");
		audit.allowed(user, "CHANGE", id, "修改基本信息和管控方案");
		return store.byId(id, scope).orElseThrow();
	}

	@Transactional
	public KeyPerson recordVisit(CurrentUser user, DataScope scope, long id, NewVisit visit) {
		KeyPerson p = find(user, scope, id, "登记走访");
		List<Violation> problems = FormChecks.violations(validator, visit);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		LocalDate today = PlatformTime.today(clock);
		for (int attempt = 0;; attempt++) {
			p.recordVisit(visit.visitedOn(), today, category(p.category()));
			if (store.update(p)) {
				break;
			}
			if (attempt == 2) {
				throw new ConcurrentEditException("重点人员“" + p.name() + "”");
			}
			// a visit changes only the visit dates: read again and apply it to the newer
			// state
			p = store.byId(id, scope).orElseThrow(KeyPersons::notFound);
		}
		store.insertVisit(id, visit, user.displayName(), clock.instant());
		audit.allowed(user, "VISIT", id, "登记 " + visit.visitedOn() + " 的走访");
		return store.byId(id, scope).orElseThrow();
	}

	@Transactional
	public KeyPerson changeStatus(CurrentUser user, DataScope scope, long id, int version, StatusChange change) {
		KeyPerson p = find(user, scope, id, "变更管控状态");
		List<Violation> problems = FormChecks.violations(validator, change);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		requireVersion(p, version);
		LocalDate today = PlatformTime.today(clock);
		RiskLevel before = p.risk();
		Category category = category(p.category());
		switch (change.move()) {
			case INCLUDE -> p.include(change.risk(), change.reason(), change.reviewDate(), today, category);
			case DOWNGRADE -> p.downgrade(change.reason(), change.reviewDate(), today, category);
			case ESCALATE -> p.escalate(change.reason(), change.reviewDate(), today, category);
			case RELEASE -> p.release(change.reason(), change.reviewDate(), today);
		}
		save(p);
		String detail = before == p.risk() ? p.status().label() : "风险等级 " + before.label() + " → " + p.risk().label();
		store.step(id, change.move().label(), user.displayName(), clock.instant(), p.statusReason(), p.reviewDate(),
				detail);
		audit.allowed(user, "STATUS", id, change.move().label() + "：" + detail);
		p.takeEvents().forEach(events::publishEvent);
		return store.byId(id, scope).orElseThrow();
	}

	/**
	 * Hands the person to the station of their new address. Users of the old station lose
	 * access at once (the record's unit changes); the answer says whether the caller
	 * still sees it.
	 */
	@Transactional
	public Transferred transfer(CurrentUser user, DataScope scope, long id, int version, Transfer t) {
		KeyPerson p = find(user, scope, id, "移交");
		List<Violation> problems = FormChecks.violations(validator, t);
		if (t.stationId() != null && organisations.find(t.stationId())
			.filter(unit -> unit.kind() == OrganisationKind.POLICE_STATION)
			.isEmpty()) {
			problems.add(Violation.of("stationId", "接收单位须为派出所"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		requireVersion(p, version);
		long from = p.stationId();
		p.transferTo(t.stationId(), t.address().strip(), KeyPersonStore.scaled(t.longitude()),
				KeyPersonStore.scaled(t.latitude()), t.officer().strip());
		save(p);
		nearby.refresh(id, p.latitude(), p.longitude());
		Map<Long, String> names = stationNames(List.of(from, t.stationId()));
		String detail = names.get(from) + " → " + names.get(t.stationId());
		store.step(id, "移交", user.displayName(), clock.instant(), t.reason().strip(), null, detail);
		audit.allowed(user, "TRANSFER", id, "移交 " + detail);
		p.takeEvents().forEach(events::publishEvent);
		return new Transferred(id, t.stationId(), names.get(t.stationId()), scope.covers(t.stationId()));
	}

	/** The outcome of a transfer. */
	public record Transferred(long id, long stationId, String stationName, boolean stillVisible) {
	}

	/** Whether any key person is recorded (for the demo loader; never shown to users). */
	public boolean anyRecorded() {
		return store.any();
	}

	/**
	 * Rewrites every ID and phone number written under an older key with the current key
	 * (and the search hash with it); returns how many persons were rewritten.
	 */
	@Transactional
	public int reencryptAll() {
		int done = 0;
		for (long id : store.staleIds(keys.currentId())) {
			String[] stored = store.numbersForUpdate(id).orElseThrow();
			if (keys.isStale(stored[0])) {
				String idNumber = keys.decrypt("id_number", stored[0]);
				store.replaceIdNumber(id, keys.encrypt("id_number", idNumber), keys.hmac(idNumber));
			}
			if (keys.isStale(stored[1])) {
				store.replacePhone(id, keys.encrypt("phone", keys.decrypt("phone", stored[1])));
			}
			done++;
		}
		return done;
	}

	private KeyPerson read(CurrentUser user, DataScope scope, long id, String action, String verb) {
		KeyPerson p = find(user, scope, id, verb);
		audit.allowed(user, action, id, verb + "重点人员档案");
		return p;
	}

	/** The person in scope, or a refusal audited and answered as "not found". */
	private KeyPerson find(CurrentUser user, DataScope scope, long id, String verb) {
		requirePolice(user, verb + "重点人员 #" + id);
		return store.byId(id, scope).orElseThrow(() -> {
			audit.refused(user, verb + "重点人员 #" + id + "（不存在或不在管辖范围内）");
			return notFound();
		});
	}

	private void requirePolice(CurrentUser user, String what) {
		if (!mayUse(user)) {
			audit.refused(user, what);
			throw new ForbiddenException("重点人员信息仅限公安民警查看");
		}
	}

	private void save(KeyPerson p) {
		if (!store.update(p)) {
			throw new ConcurrentEditException("重点人员“" + p.name() + "”");
		}
	}

	private static void requireVersion(KeyPerson p, int version) {
		if (p.version() != version) {
			throw new ConcurrentEditException("重点人员“" + p.name() + "”");
		}
	}

	private boolean isStationIn(DataScope scope, long stationId) {
		return scope.covers(stationId) && organisations.find(stationId)
			.map(unit -> unit.kind() == OrganisationKind.POLICE_STATION)
			.orElse(false);
	}

	private List<String> hmacsOf(KeyPersonFilter filter) {
		if (filter.idNumber() == null || filter.idNumber().isBlank()) {
			return null;
		}
		return keys.hmacs(PersonalNumbers.normaliseIdNumber(filter.idNumber()));
	}

	private static void checkNumbers(List<Violation> problems, String idNumber, String phone, boolean idRequired) {
		if (idNumber != null && !idNumber.isEmpty() || idRequired) {
			String problem = PersonalNumbers.idNumberProblem(idNumber);
			if (problem != null && problems.stream().noneMatch(v -> "idNumber".equals(v.field()))) {
				problems.add(Violation.of("idNumber", problem));
			}
		}
		String phoneProblem = PersonalNumbers.phoneProblem(phone);
		if (phoneProblem != null) {
			problems.add(Violation.of("phone", phoneProblem));
		}
	}

	private static boolean keepsMasked(String value) {
		return value == null || value.isBlank() || value.contains("*");
	}

	private static boolean same(BigDecimal a, BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}

	private static NotFoundException notFound() {
		return new NotFoundException("重点人员不存在，或不在您的管辖范围内");
	}

	/**
	 * How many key persons under control live within the nearby radius of each school,
	 * for police users only (a count made from police-only data is police-only: others
	 * are refused and the refusal audited).
	 */
	@Transactional(readOnly = true)
	public java.util.Map<Long, Long> nearbyCountBySchool(CurrentUser user, DataScope scope) {
		requirePolice(user, "统计学校周边重点人员");
		return store.nearbyBySchool(scope);
	}

}
