package cn.hxay.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.hxay.audit.AuditTrail;
import cn.hxay.hazard.Hazard;
import cn.hxay.hazard.HazardLedger;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.incident.Incidents;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.organisation.Region;
import cn.hxay.school.School;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.Violation;
import cn.hxay.shared.documents.RedHeaderDocument;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervision module's API. Groups belong to a unit and are kept by it; visits, 通报
 * and accountability records are made by the education bureaus and the police units above
 * the schools (city and county), each over the units of their own scope. Anything outside
 * the reader's scope is reported as not found; the read-only 督导员 reads and never writes.
 */
@Service
@Transactional(readOnly = true)
public class Supervision {

	/** Who supervises: the bureaus above the schools, education and police. */
	public static final Set<Role> SUPERVISORS = Set.of(Role.CITY_EDUCATION_ADMIN, Role.COUNTY_EDUCATION_ADMIN,
			Role.CITY_POLICE, Role.COUNTY_POLICE);

	/** Units that keep their own 领导小组 and 工作专班: every unit but the platform's. */
	static final Set<Role> GROUP_KEEPERS = Set.of(Role.CITY_EDUCATION_ADMIN, Role.COUNTY_EDUCATION_ADMIN,
			Role.CITY_POLICE, Role.COUNTY_POLICE, Role.STATION_OFFICER, Role.SCHOOL_SAFETY_LEAD);

	/** Schools offered as recipients or targets when there are at most this many. */
	static final int MAX_SCHOOL_CANDIDATES = 200;

	private final SupervisionStore store;

	private final HazardLedger hazards;

	private final Incidents incidents;

	private final SchoolRegistry schools;

	private final Organisations organisations;

	private final AuditTrail audit;

	private final Validator validator;

	private final Clock clock;

	Supervision(SupervisionStore store, HazardLedger hazards, Incidents incidents, SchoolRegistry schools,
			Organisations organisations, AuditTrail audit, Validator validator, Clock clock) {
		this.store = store;
		this.hazards = hazards;
		this.incidents = incidents;
		this.schools = schools;
		this.organisations = organisations;
		this.audit = audit;
		this.validator = validator;
		this.clock = clock;
	}

	public static boolean maySupervise(CurrentUser user) {
		return !user.readOnly() && user.roles().stream().anyMatch(SUPERVISORS::contains);
	}

	public static boolean mayKeepGroups(CurrentUser user) {
		return !user.readOnly() && user.roles().stream().anyMatch(GROUP_KEEPERS::contains);
	}

	public LocalDate today() {
		return PlatformTime.today(clock);
	}

	// ---------------------------------------------------------------- groups

	/** The groups in the reader's scope as a list shows them (phones masked). */
	public List<GroupView> groups(DataScope scope) {
		return store.groups(scope)
			.stream()
			.map(g -> new GroupView(g, store.members(g.id()), List.of()).forList())
			.toList();
	}

	public GroupView group(DataScope scope, long id) {
		LeadershipGroup g = store.group(scope, id).orElseThrow(() -> notFound("领导小组或工作专班"));
		return new GroupView(g, store.members(id), store.changes(id));
	}

	@Transactional
	public LeadershipGroup createGroup(CurrentUser user, Commands.NewGroup form) {
		if (!mayKeepGroups(user)) {
			throw new ForbiddenException("只有各级教育、公安部门和学校可以设立领导小组、工作专班");
		}
		validate(form);
		Organisation unit = organisations.get(user.organisationId());
		long id = store.insertGroup(unit.id(), Organisations.recordUnitIdsOf(unit), unit.name(), form, clock.instant());
		store.change(id, clock.instant(), user.displayName(),
				"设立" + form.kind().label() + "“" + form.name().strip() + "”");
		audit.record("SUPERVISION_GROUP_CREATED", "supervision_group", id,
				unit.name() + " · " + form.kind().label() + " · " + form.name().strip());
		return store.group(DataScope.everything(true), id).orElseThrow();
	}

	@Transactional
	public GroupView addMember(CurrentUser user, DataScope scope, long groupId, Commands.NewMember form) {
		LeadershipGroup g = keep(user, scope, groupId);
		validate(form);
		LocalDate joined = form.joinedOn() == null ? today() : form.joinedOn();
		if (joined.isAfter(today())) {
			throw new InvalidInputException("joinedOn", "加入日期不能晚于今天（" + today() + "）");
		}
		store.insertMember(g.id(), form, joined);
		store.touchGroup(g.id());
		store.change(g.id(), clock.instant(), user.displayName(),
				form.name().strip() + " 任" + form.role().label() + "（" + form.position().strip() + "）");
		audit.record("SUPERVISION_MEMBER_ADDED", "supervision_group", g.id(), g.name() + " · " + form.name().strip());
		return group(scope, groupId);
	}

	@Transactional
	public GroupView memberLeaves(CurrentUser user, DataScope scope, long groupId, Commands.MemberLeaves form) {
		LeadershipGroup g = keep(user, scope, groupId);
		validate(form);
		Member m = store.members(g.id())
			.stream()
			.filter(x -> x.id() == form.memberId() && x.current())
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("memberId", "该成员不在本组或已调整"));
		store.memberLeaves(g.id(), m.id(), today(), form.reason().strip());
		store.touchGroup(g.id());
		store.change(g.id(), clock.instant(), user.displayName(),
				m.name() + " 不再担任" + m.role().label() + "：" + form.reason().strip());
		audit.record("SUPERVISION_MEMBER_LEFT", "supervision_group", g.id(), g.name() + " · " + m.name());
		return group(scope, groupId);
	}

	/** The group, for its own unit's writers (404 outside the scope, then 403). */
	private LeadershipGroup keep(CurrentUser user, DataScope scope, long groupId) {
		LeadershipGroup g = store.group(scope, groupId).orElseThrow(() -> notFound("领导小组或工作专班"));
		if (!mayKeepGroups(user) || g.unitId() != user.organisationId()) {
			throw new ForbiddenException("只有本单位可以调整本单位的领导小组、工作专班");
		}
		return g;
	}

	// ---------------------------------------------------------------- visits

	/** The schools a supervisor may visit: those of their scope. */
	public List<School> schoolsFor(DataScope scope) {
		List<School> all = new ArrayList<>();
		schools.forEach(scope, new SchoolFilter(null, null, null, null, null, null), all::add);
		return all;
	}

	public List<Region> counties() {
		return organisations.counties();
	}

	public Paged<Visit> visits(DataScope scope, VisitKind kind, String region, Integer year, PageRequest page) {
		return store.visits(scope, new SupervisionStore.VisitFilter(kind, region(region), year(year)), page);
	}

	public Visit visit(DataScope scope, long id) {
		return store.visit(scope, id).orElseThrow(() -> notFound("督导记录"));
	}

	/**
	 * Records a visit by the user's unit over schools of its scope (one school outside
	 * refuses the whole visit).
	 */
	@Transactional
	public Visit recordVisit(CurrentUser user, DataScope scope, Commands.NewVisit form) {
		mustSupervise(user);
		validate(form);
		if (form.visitedOn().isAfter(today())) {
			throw new InvalidInputException("visitedOn", "督导日期不能晚于今天（" + today() + "）");
		}
		List<School> visited = new ArrayList<>();
		for (Long id : new LinkedHashSet<>(form.schoolIds())) {
			visited.add(schoolInScope(scope, id, "schoolIds"));
		}
		Organisation unit = organisations.get(user.organisationId());
		Set<Long> ids = new LinkedHashSet<>();
		ids.add(unit.id());
		visited.forEach(s -> ids.addAll(List.of(s.units().ids())));
		long id = store.insertVisit(unit.id(), unit.name(), form, user.displayName(), clock.instant(),
				ids.toArray(Long[]::new));
		for (School s : visited) {
			store.insertVisitSchool(id, s.id(), s.name(), s.regionCode(), s.units().ids());
		}
		audit.record("SUPERVISION_VISIT_RECORDED", "supervision_visit", id,
				form.kind().label() + " · " + form.visitedOn() + " · " + visited.size() + " 所学校");
		return visit(scope, id);
	}

	/** A finding at one of the visited schools, by the visiting unit's side. */
	@Transactional
	public Visit.Finding addFinding(CurrentUser user, DataScope scope, long visitId, Commands.NewFinding form) {
		Visit v = ownVisit(user, scope, visitId);
		validate(form);
		Visit.School school = v.schools()
			.stream()
			.filter(s -> s.schoolId() == form.schoolId())
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("schoolId", "请选择本次督导的学校"));
		School s = schools.get(scope, school.schoolId());
		long id = store.insertFinding(v.id(), s.id(), s.name(), form.text().strip(), s.units().ids());
		audit.record("SUPERVISION_FINDING_RECORDED", "supervision_visit", v.id(), s.name());
		return visit(scope, visitId).findings().stream().filter(f -> f.id() == id).findFirst().orElseThrow();
	}

	/**
	 * Raises a finding on the hazard ledger through the hazard module: the hazard's
	 * description says which visit found it, and the finding keeps the hazard's id and
	 * number (a finding is raised once).
	 */
	@Transactional
	public Hazard raiseHazard(CurrentUser user, DataScope scope, long visitId, long findingId,
			HazardLedger.NewHazard form) {
		Visit v = ownVisit(user, scope, visitId);
		Visit.Finding f = v.findings()
			.stream()
			.filter(x -> x.id() == findingId)
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("findingId", "本次督导没有这条发现"));
		if (f.hazardId() != null) {
			throw new InvalidInputException("findingId", "该发现已登记为隐患 " + f.hazardNumber() + "，不能重复登记");
		}
		if (form == null) {
			throw new InvalidInputException("description", "请填写隐患信息");
		}
		String origin = "（" + v.unitName() + v.visitedOn() + v.kind().label() + "发现）";
		String description = form.description() == null || form.description().isBlank() ? f.text()
				: form.description().strip();
		if (!description.contains(origin)) {
			description = origin + description;
		}
		HazardLedger.NewHazard raised = new HazardLedger.NewHazard(f.schoolId(), form.place(), form.category(),
				form.grade(), description, form.requirements(), form.responsibleUnit(), form.responsiblePerson(),
				form.deadline());
		Hazard h = hazards.raise(user, scope, raised);
		if (!store.linkHazard(f.id(), h.id(), h.noticeNumber())) {
			throw new InvalidInputException("findingId", "该发现刚刚已由他人登记为隐患");
		}
		audit.record("SUPERVISION_FINDING_RAISED", "supervision_visit", v.id(),
				f.schoolName() + " · " + h.noticeNumber());
		return h;
	}

	/**
	 * A visit the user's unit (or one above it) made: 404 outside the scope, then 403.
	 */
	private Visit ownVisit(CurrentUser user, DataScope scope, long visitId) {
		Visit v = visit(scope, visitId);
		if (!maySupervise(user) || !scope.covers(v.unitId())) {
			throw new ForbiddenException("只有督导单位可以登记督导发现");
		}
		return v;
	}

	// ---------------------------------------------------------------- 通报

	/**
	 * The units a supervisor may send a 通报 to or hold to account: every unit of their
	 * scope except their own, and the schools when there are not too many to list.
	 */
	public List<Organisation> unitsBelow(CurrentUser user, DataScope scope) {
		List<Organisation> units = new ArrayList<>(organisations.units(null, null)
			.stream()
			.filter(o -> o.id() != user.organisationId() && scope.covers(o) && o.enabled())
			.sorted(Comparator.comparing(Organisation::path))
			.toList());
		List<School> inScope = schoolsFor(scope);
		if (inScope.size() <= MAX_SCHOOL_CANDIDATES) {
			Map<Long, Organisation> byId = organisations.byIds(inScope.stream().map(School::organisationId).toList());
			inScope.forEach(s -> Optional.ofNullable(byId.get(s.organisationId())).ifPresent(units::add));
		}
		return units;
	}

	/**
	 * Issues a 通报 numbered per issuing unit and year without gaps (常教安〔2026〕12号) and
	 * sends it to the units chosen, each to confirm receipt.
	 */
	@Transactional
	public Notice issueNotice(CurrentUser user, DataScope scope, Commands.NewNotice form) {
		mustSupervise(user);
		validate(form);
		if (form.visitId() != null) {
			Visit v = store.visit(scope, form.visitId())
				.orElseThrow(() -> new InvalidInputException("visitId", "所引督导记录不存在或不在您的管辖范围内"));
			form = new Commands.NewNotice(form.kind(), form.title(), form.body(), form.recipientIds(), v.id());
		}
		List<Organisation> recipients = new ArrayList<>();
		for (Long id : new LinkedHashSet<>(form.recipientIds())) {
			recipients.add(unitInScope(user, scope, id, "recipientIds"));
		}
		Organisation issuer = organisations.get(user.organisationId());
		Instant now = clock.instant();
		int year = PlatformTime.dayOf(now).getYear();
		String number = RedHeaderDocument.shortName(issuer.name()) + "安〔" + year + "〕"
				+ store.nextNoticeNumber(issuer.id(), year) + "号";
		long id = store.insertNotice(form, number, issuer.id(), issuer.name(), user.displayName(), now);
		recipients.forEach(r -> store.insertRecipient(id, r.id(), Organisations.recordUnitIdsOf(r), r.name()));
		audit.record("SUPERVISION_NOTICE_ISSUED", "supervision_notice", id,
				number + " · " + form.kind().label() + " · " + recipients.size() + " 个单位");
		return store.notice(DataScope.everything(true), id).orElseThrow();
	}

	public Paged<Notice> notices(DataScope scope, PageRequest page) {
		return store.notices(scope, null, page);
	}

	/**
	 * The 通报 sent to the user's unit that it has not confirmed yet (the start page's
	 * count is this list's total).
	 */
	public Paged<Notice> waitingForMyReceipt(CurrentUser user, DataScope scope, PageRequest page) {
		return store.notices(scope, user.organisationId(), page);
	}

	public Notice notice(DataScope scope, long id) {
		return store.notice(scope, id).orElseThrow(() -> notFound("通报"));
	}

	/** The recipient unit confirms receipt (签收); confirming again changes nothing. */
	@Transactional
	public Notice confirm(CurrentUser user, DataScope scope, long id) {
		Notice n = notice(scope, id);
		Notice.Recipient mine = n.recipients()
			.stream()
			.filter(r -> r.unitId() == user.organisationId())
			.findFirst()
			.orElseThrow(() -> new ForbiddenException("只有主送单位可以签收"));
		if (user.readOnly()) {
			throw new ForbiddenException("只读角色不能签收");
		}
		if (!mine.confirmed() && store.confirm(id, user.organisationId(), user.displayName(), clock.instant())) {
			audit.record("SUPERVISION_NOTICE_CONFIRMED", "supervision_notice", id,
					n.number() + " · " + mine.unitName());
		}
		return notice(scope, id);
	}

	/** The 通报 as its red-header document. */
	public RedHeaderDocument document(Notice n) {
		List<String> items = n.recipients().stream().map(Notice.Recipient::unitName).toList();
		return new RedHeaderDocument(n.issuerUnit(), n.number(), n.title(), String.join("、", items), List.of(n.body()),
				List.of(), PlatformTime.dayOf(n.issuedAt()));
	}

	// ---------------------------------------------------------------- accountability

	/**
	 * Records 约谈, 问责, 一票否决 or 挂牌督办 against a unit of the recorder's scope, linked to the
	 * incident (which the recorder must be able to open) or the overdue or supervised
	 * hazard behind it. A record made by a police unit, or on a police-only hazard, is
	 * police-only.
	 */
	@Transactional
	public Accountability recordAccountability(CurrentUser user, DataScope scope, Commands.NewAccountability form) {
		mustSupervise(user);
		validate(form);
		if (form.decidedOn().isAfter(today())) {
			throw new InvalidInputException("decidedOn", "决定日期不能晚于今天（" + today() + "）");
		}
		Organisation target = unitInScope(user, scope, form.targetUnitId(), "targetUnitId");
		if (form.incidentId() != null) {
			try {
				incidents.view(user, scope, form.incidentId());
			}
			catch (NotFoundException | ForbiddenException ex) {
				throw new InvalidInputException("incidentId", "所关联的案事件不存在或不在您的管辖范围内");
			}
		}
		Hazard hazard = null;
		if (form.hazardId() != null) {
			try {
				hazard = hazards.get(scope, form.hazardId());
			}
			catch (NotFoundException ex) {
				throw new InvalidInputException("hazardId", "所关联的隐患不存在或不在您的管辖范围内");
			}
			if (!hazard.overdue() && !hazard.supervised()) {
				throw new InvalidInputException("hazardId", "只能关联逾期未改或挂牌督办的隐患（" + hazard.noticeNumber() + " 未逾期）");
			}
		}
		Organisation recorder = organisations.get(user.organisationId());
		boolean policeOnly = recorder.kind().isPolice() || (hazard != null && hazard.sensitive());
		long id = store.insertAccountability(form, target.id(), target.name(), target.regionCode(),
				hazard == null ? null : hazard.noticeNumber(), policeOnly, recorder.id(), recorder.name(),
				user.displayName(), clock.instant(), Organisations.recordUnitIdsOf(recorder, target));
		audit.record("SUPERVISION_ACCOUNTABILITY_RECORDED", "supervision_accountability", id,
				form.kind().label() + " · " + target.name() + (policeOnly ? "（仅公安可见）" : ""));
		return accountability(user, scope, id);
	}

	/** The records the reader sees, each link kept only if the reader may open it. */
	public Paged<Accountability> accountability(CurrentUser user, DataScope scope, AccountabilityKind kind,
			String region, Integer year, PageRequest page) {
		return store
			.accountability(scope, new SupervisionStore.AccountabilityFilter(kind, region(region), year(year)), page)
			.map(a -> visibleLinks(user, scope, a));
	}

	public Accountability accountability(CurrentUser user, DataScope scope, long id) {
		return visibleLinks(user, scope, store.accountability(scope, id).orElseThrow(() -> notFound("问责记录")));
	}

	private Accountability visibleLinks(CurrentUser user, DataScope scope, Accountability a) {
		boolean incident = a.incidentId() != null && Incidents.mayRead(user)
				&& opens(() -> incidents.view(user, scope, a.incidentId()));
		boolean hazard = a.hazardId() != null && opens(() -> hazards.get(scope, a.hazardId()));
		return a.withoutLinks(incident, hazard);
	}

	private static boolean opens(Runnable read) {
		try {
			read.run();
			return true;
		}
		catch (NotFoundException | ForbiddenException ex) {
			return false;
		}
	}

	// ---------------------------------------------------------------- checks

	private Organisation unitInScope(CurrentUser user, DataScope scope, Long id, String field) {
		Organisation o = organisations.find(id)
			.filter(x -> scope.covers(x) && x.id() != user.organisationId())
			.orElseThrow(() -> new InvalidInputException(field, "所选单位不存在或不在您的管辖范围内"));
		if (o.kind() == OrganisationKind.PLATFORM) {
			throw new InvalidInputException(field, "所选单位不存在或不在您的管辖范围内");
		}
		return o;
	}

	private School schoolInScope(DataScope scope, Long id, String field) {
		try {
			return schools.get(scope, id);
		}
		catch (NotFoundException ex) {
			throw new InvalidInputException(field, "所选学校不存在或不在您的管辖范围内");
		}
	}

	private void mustSupervise(CurrentUser user) {
		if (!maySupervise(user)) {
			throw new ForbiddenException("只有市、县（区）教育行政部门和公安机关可以督导、通报和问责");
		}
	}

	private void validate(Object form) {
		if (form == null) {
			throw new InvalidInputException("form", "请填写表单");
		}
		List<Violation> problems = new ArrayList<>();
		for (ConstraintViolation<Object> v : validator.validate(form)) {
			problems.add(Violation.of(v.getPropertyPath().toString().replaceAll("\\[.*", ""), v.getMessage()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static String region(String region) {
		if (region == null || region.isBlank()) {
			return null;
		}
		if (!region.matches("\\d{2,6}")) {
			throw new InvalidInputException("region", "地区代码应为 2–6 位数字");
		}
		return region;
	}

	private static Integer year(Integer year) {
		if (year != null && (year < 2000 || year > 2100)) {
			throw new InvalidInputException("year", "年份应在 2000–2100 之间");
		}
		return year;
	}

	private static NotFoundException notFound(String what) {
		return new NotFoundException(what + "不存在或不在您的管辖范围内");
	}

}
