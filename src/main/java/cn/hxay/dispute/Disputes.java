package cn.hxay.dispute;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.hxay.audit.AuditTrail;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.organisation.Region;
import cn.hxay.school.School;
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
import jakarta.validation.Validator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dispute register's API. Police units, education bureaus and schools register and
 * handle the disputes of the schools in their scope (a school only its own); the
 * read-only 督导员 reads; administrators are refused. Anything outside the scope is "not
 * found". {@link #countsBySchool} and {@link #countsByCounty} give the Annex 1/2 columns.
 */
@Service
@Transactional(readOnly = true)
public class Disputes {

	/** Printable text: no NUL or other control characters except tab and line breaks. */
	static final String PRINTABLE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

	/** Who registers and handles disputes. */
	public static final Set<Role> HANDLERS = Set.of(Role.CITY_POLICE, Role.COUNTY_POLICE, Role.STATION_OFFICER,
			Role.CITY_EDUCATION_ADMIN, Role.COUNTY_EDUCATION_ADMIN, Role.SCHOOL_SAFETY_LEAD);

	static final int LONGEST_DAYS = 366;

	private final DisputeStore store;

	private final SchoolRegistry schools;

	private final Organisations organisations;

	private final AuditTrail audit;

	private final Clock clock;

	private final Validator validator;

	Disputes(DisputeStore store, SchoolRegistry schools, Organisations organisations, AuditTrail audit, Clock clock,
			Validator validator) {
		this.store = store;
		this.schools = schools;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
		this.validator = validator;
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

	public List<Region> counties() {
		return organisations.counties();
	}

	/** The schools the user may register a dispute for. */
	public List<School> schoolsFor(CurrentUser user, DataScope scope) {
		requireWrite(user);
		List<School> found = new ArrayList<>();
		schools.forEach(scope, SchoolFilter.none(), found::add);
		found.sort(java.util.Comparator.comparing(School::regionCode).thenComparing(School::name));
		return found;
	}

	@Transactional
	public Dispute register(CurrentUser user, DataScope scope, NewDispute form) {
		requireWrite(user);
		if (form == null) {
			throw new InvalidInputException("title", "请填写纠纷情况");
		}
		List<Violation> problems = FormChecks.violations(validator, form);
		LocalDate today = today();
		if (form.deadline() != null
				&& (form.deadline().isBefore(today) || form.deadline().isAfter(today.plusDays(LONGEST_DAYS)))) {
			problems.add(Violation.of("deadline", "化解期限应在今天到一年内"));
		}
		School school = null;
		if (form.schoolId() != null) {
			try {
				school = schools.get(scope, form.schoolId());
			}
			catch (NotFoundException ex) {
				problems.add(Violation.of("schoolId", "所选学校不存在或不在您的管辖范围内"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = store.insert(form, school, clock.instant(), user.displayName(),
				organisations.get(user.organisationId()).name());
		audit.record("DISPUTE_REGISTERED", "dispute", id, form.kind().label() + " · " + school.name());
		return store.byId(DataScope.everything(false), id).orElseThrow();
	}

	public Dispute get(CurrentUser user, DataScope scope, long id) {
		requireRead(user);
		return store.byId(scope, id).orElseThrow(() -> new NotFoundException("纠纷不存在或不在您的管辖范围内"));
	}

	/** 上报升级: the dispute goes up to the level above, with the reason; once. */
	@Transactional
	public Dispute escalate(CurrentUser user, DataScope scope, long id, DisputeStep step) {
		requireWrite(user);
		Dispute d = get(user, scope, id);
		String text = checked(step);
		d.checkEscalate();
		if (!store.escalate(id, d.version(), text, clock.instant())) {
			throw new ConcurrentEditException("该纠纷刚被他人办理，请刷新后重试");
		}
		audit.record("DISPUTE_ESCALATED", "dispute", id, text);
		return get(user, scope, id);
	}

	/** 化解: records the resolution; once. */
	@Transactional
	public Dispute resolve(CurrentUser user, DataScope scope, long id, DisputeStep step) {
		requireWrite(user);
		Dispute d = get(user, scope, id);
		String text = checked(step);
		d.checkResolve();
		if (!store.resolve(id, d.version(), text, clock.instant(), user.displayName())) {
			throw new ConcurrentEditException("该纠纷刚被他人办理，请刷新后重试");
		}
		audit.record("DISPUTE_RESOLVED", "dispute", id, d.title());
		return get(user, scope, id);
	}

	public Paged<Dispute> search(CurrentUser user, DataScope scope, DisputeFilter filter, PageRequest page) {
		return search(user, scope, filter, page, today());
	}

	/** The list as on {@code today} (the overdue filter depends on it). */
	Paged<Dispute> search(CurrentUser user, DataScope scope, DisputeFilter filter, PageRequest page, LocalDate today) {
		requireRead(user);
		return store.search(scope, filter, page, today);
	}

	public long count(CurrentUser user, DataScope scope, DisputeFilter filter) {
		requireRead(user);
		return store.count(scope, filter, today());
	}

	/** Counts per school in the scope (Annex 1: 涉校不稳定因素情况). */
	public Map<Long, DisputeCount> countsBySchool(DataScope scope) {
		return store.counts(scope, true, today())
			.stream()
			.collect(Collectors.toMap(c -> Long.valueOf(c.key()), c -> c));
	}

	/** Counts per county in the scope (Annex 2: 涉校不稳定因素情况（未解决）). */
	public List<DisputeCount> countsByCounty(DataScope scope) {
		Map<String, String> names = Region.namesByCode(organisations.regions());
		return store.counts(scope, false, today())
			.stream()
			.map(c -> new DisputeCount(c.key(), names.getOrDefault(c.key(), c.key()), c.total(), c.unresolved(),
					c.escalated(), c.overdue()))
			.toList();
	}

	@Transactional
	public List<Dispute> export(CurrentUser user, DataScope scope, DisputeFilter filter) {
		List<Dispute> rows = search(user, scope, filter, new PageRequest(0, 5000)).items();
		audit.record("DISPUTE_EXPORT", "dispute", null, rows.size() + " 条");
		return rows;
	}

	public boolean anyRecorded() {
		return store.any();
	}

	private String checked(DisputeStep step) {
		if (step == null) {
			throw new InvalidInputException("text", "请填写说明");
		}
		List<Violation> problems = FormChecks.violations(validator, step);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return step.text().strip();
	}

	private static void requireRead(CurrentUser user) {
		if (!mayRead(user)) {
			throw new ForbiddenException("矛盾纠纷台账仅对公安、教育行政部门和学校开放");
		}
	}

	private static void requireWrite(CurrentUser user) {
		if (!mayWrite(user)) {
			throw new ForbiddenException("您不能登记或办理矛盾纠纷");
		}
	}

}
