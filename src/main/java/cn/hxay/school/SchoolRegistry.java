package cn.hxay.school;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import cn.hxay.audit.AuditTrail;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.Violation;
import cn.hxay.organisation.NewOrganisation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school module's API. Reads and writes always go through a {@link DataScope}; a
 * school outside it is reported as not found.
 */
@Service
@Transactional(readOnly = true)
public class SchoolRegistry {

	private final SchoolStore store;

	private final Organisations organisations;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final SchoolValidation validation;

	SchoolRegistry(SchoolStore store, Organisations organisations, AuditTrail audit, ApplicationEventPublisher events,
			SchoolValidation validation) {
		this.store = store;
		this.validation = validation;
		this.organisations = organisations;
		this.audit = audit;
		this.events = events;
	}

	public Paged<School> search(DataScope scope, SchoolFilter filter, PageRequest page) {
		return store.search(withRegionPrefix(filter), scope, page);
	}

	public School get(DataScope scope, long id) {
		return store.byId(id).filter(school -> isInScope(scope, school)).orElseThrow(SchoolRegistry::notFound);
	}

	/**
	 * Streams every school in scope that matches, e.g. for an export: inside the class's
	 * read-only transaction, so that PostgreSQL sends the rows in batches of the fetch
	 * size instead of all at once (100,000 schools never sit in memory together).
	 */
	public void forEach(DataScope scope, SchoolFilter filter, java.util.function.Consumer<School> consumer) {
		store.forEach(withRegionPrefix(filter), scope, consumer);
	}

	/** The kind of each of the given schools that is in scope (one query). */
	public Map<Long, SchoolKind> kindsOf(DataScope scope, java.util.Collection<Long> schoolIds) {
		return store.kindsOf(scope, schoolIds);
	}

	public SchoolStatistics statistics(DataScope scope) {
		return store.statistics(scope);
	}

	/**
	 * The school whose own unit is the given one, e.g. the school a school user belongs
	 * to.
	 */
	public java.util.Optional<School> ofUnit(DataScope scope, long organisationId) {
		return store.byOrganisation(organisationId).filter(school -> isInScope(scope, school));
	}

	/**
	 * The school a record form is for: the one chosen, else the user's own school; with
	 * neither the form is refused at {@code schoolId} with {@code noneChosen}.
	 */
	public School chosenOrOwn(DataScope scope, Long schoolId, CurrentUser user, String noneChosen) {
		if (schoolId != null) {
			return get(scope, schoolId);
		}
		return ofUnit(scope, user.organisationId())
			.orElseThrow(() -> new InvalidInputException("schoolId", noneChosen));
	}

	/**
	 * A school safety lead's own school, for list pages that lead to its forms; null for
	 * everyone else.
	 */
	public School ownSchool(DataScope scope, CurrentUser user) {
		return user.hasRole(Role.SCHOOL_SAFETY_LEAD) ? ofUnit(scope, user.organisationId()).orElse(null) : null;
	}

	public boolean mayRegister(CurrentUser user) {
		return user.hasAnyRole(Role.SYSTEM_ADMIN, Role.CITY_EDUCATION_ADMIN, Role.COUNTY_EDUCATION_ADMIN);
	}

	public boolean mayChange(CurrentUser user, DataScope scope, School school) {
		if (!isInScope(scope, school)) {
			return false;
		}
		return mayRegister(user) && scope.coversAny(school.organisationId(), school.details().educationBureauId())
				|| user.hasRole(Role.SCHOOL_SAFETY_LEAD) && user.organisationId() == school.organisationId();
	}

	@Transactional
	public School register(CurrentUser user, DataScope scope, SchoolDetails details) {
		if (!mayRegister(user)) {
			throw new ForbiddenException("只有教育局管理员可以登记学校");
		}
		String regionCode = validation.validate(scope, details, null);
		Organisation unit = organisations
			.add(new NewOrganisation(details.name(), OrganisationKind.SCHOOL, regionCode, details.educationBureauId()));
		long id = store.insert(details, unit.id(), regionCode);
		audit.record("SCHOOL_REGISTERED", "school", id, details.code() + " " + details.name());
		events.publishEvent(new SchoolRegistered(id, unit.id(), regionCode));
		return store.byId(id).orElseThrow();
	}

	@Transactional
	public School change(CurrentUser user, DataScope scope, long id, int version, SchoolDetails submitted) {
		School school = get(scope, id);
		if (!mayChange(user, scope, school)) {
			throw new ForbiddenException("您无权修改该学校的信息");
		}
		// a school's own staff keep its code and its place in the tree; only the bureau
		// moves a school
		SchoolDetails details = mayRegister(user) ? submitted : submitted.withAssignmentOf(school.details());
		String regionCode = validation.validate(scope, details, school);
		if (school.version() != version) {
			throw new ConcurrentEditException("学校“" + school.name() + "”");
		}
		if (details.equals(school.details())) {
			return school;
		}
		Organisation unit = organisations.get(school.organisationId());
		if (!unit.name().equals(details.name())) {
			organisations.rename(unit.id(), unit.version(), details.name());
		}
		if (!Objects.equals(unit.parentId(), details.educationBureauId())) {
			organisations.move(unit.id(), details.educationBureauId());
		}
		if (!store.update(id, version, details, regionCode)) {
			throw new ConcurrentEditException("学校“" + school.name() + "”");
		}
		audit.record("SCHOOL_CHANGED", "school", id, describeChanges(school.details(), details));
		events.publishEvent(new SchoolChanged(id));
		return store.byId(id).orElseThrow();
	}

	/**
	 * Leaves the audit row of a bulk read that reveals the headmasters' and safety leads'
	 * phone numbers (an export, a page of the API): who, how, how many schools, which
	 * filter.
	 */
	@Transactional
	public void recordContactsRead(DataScope scope, SchoolFilter filter, String how) {
		long schools = store.search(withRegionPrefix(filter), scope, new PageRequest(0, 1)).total();
		recordContactsRead(filter, how, schools);
	}

	/** As {@link #recordContactsRead(DataScope, SchoolFilter, String)}, count known. */
	@Transactional
	public void recordContactsRead(SchoolFilter filter, String how, long schools) {
		audit.record("SCHOOL_CONTACTS_READ", "school", null,
				how + "，含 " + schools + " 所学校的校长及安全负责人电话" + describe(filter));
	}

	/** Names of the units a set of schools refers to, for display. */
	public Map<Long, Organisation> unitsOf(Collection<School> schools) {
		return organisations.byIds(schools.stream()
			.flatMap(s -> Stream.of(s.details().educationBureauId(), s.details().policeStationId(),
					s.details().townshipId()))
			.filter(Objects::nonNull)
			.toList());
	}

	static boolean isInScope(DataScope scope, School school) {
		return scope.covers(school.units());
	}

	private static String describe(SchoolFilter filter) {
		List<String> parts = new ArrayList<>();
		if (filter.text() != null) {
			parts.add("名称或标识码“" + filter.text() + "”");
		}
		if (filter.regionCode() != null) {
			parts.add("地区 " + filter.regionCode());
		}
		if (filter.policeStationId() != null) {
			parts.add("派出所 " + filter.policeStationId());
		}
		if (filter.kind() != null) {
			parts.add("类型 " + filter.kind().label());
		}
		if (filter.locality() != null) {
			parts.add("城乡 " + filter.locality().name());
		}
		if (filter.boarding() != null) {
			parts.add(filter.boarding() ? "寄宿" : "非寄宿");
		}
		return parts.isEmpty() ? "（管辖范围内全部）" : "（条件：" + String.join("、", parts) + "）";
	}

	private SchoolFilter withRegionPrefix(SchoolFilter filter) {
		if (filter.regionCode() == null) {
			return filter;
		}
		return new SchoolFilter(filter.text(), organisations.regionPrefix(filter.regionCode()),
				filter.policeStationId(), filter.kind(), filter.locality(), filter.boarding());
	}

	private static String describeChanges(SchoolDetails before, SchoolDetails after) {
		List<String> changed = new ArrayList<>();
		var components = SchoolDetails.class.getRecordComponents();
		for (var component : components) {
			try {
				Object a = component.getAccessor().invoke(before);
				Object b = component.getAccessor().invoke(after);
				if (!Objects.equals(a, b)) {
					changed.add(component.getName() + ": " + a + " → " + b);
				}
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return String.join("; ", changed);
	}

	private static NotFoundException notFound() {
		return new NotFoundException("学校不存在，或不在您的管辖范围内");
	}

}
