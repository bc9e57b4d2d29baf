package cn.hxay.hazard;

import cn.hxay.shared.ClusterLock;
import cn.hxay.shared.documents.PhotoStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import cn.hxay.audit.AuditTrail;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.organisation.SchoolUnits;
import cn.hxay.school.School;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.Violation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hazard ledger's facade: raising hazards, moving them through rectification, and
 * listing them by scope.
 */
@Service
public class HazardLedger {

	private final ClusterLock clusterLock;

	private final HazardStore store;

	private final SchoolRegistry schools;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final HazardDeadlines deadlines;

	private final Organisations organisations;

	private final Validator validator;

	HazardLedger(HazardStore store, SchoolRegistry schools, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock, HazardDeadlines deadlines, Organisations organisations, Validator validator,
			ClusterLock clusterLock) {
		this.clusterLock = clusterLock;
		this.organisations = organisations;
		this.validator = validator;
		this.deadlines = deadlines;
		this.store = store;
		this.schools = schools;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Printable text: no NUL or other control characters except tab and line breaks. */
	static final String PRINTABLE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

	/**
	 * What a finder records when raising a hazard; a missing deadline takes the grade's
	 * default period. The limits are those of the ledger's columns.
	 */
	public record NewHazard(long schoolId,
			@NotBlank(message = "请填写隐患部位") @Size(max = 100, message = "隐患部位不能超过 100 字") @Pattern(regexp = PRINTABLE,
					message = "隐患部位含有不可见的控制字符") String place,
			@NotNull(message = "请选择隐患类别") HazardCategory category, @NotNull(message = "请选择隐患等级") HazardGrade grade,
			@NotBlank(message = "请填写隐患描述") @Size(max = 2000, message = "隐患描述不能超过 2000 字") @Pattern(regexp = PRINTABLE,
					message = "隐患描述含有不可见的控制字符") String description,
			@NotBlank(message = "请填写整改要求") @Size(max = 2000, message = "整改要求不能超过 2000 字") @Pattern(regexp = PRINTABLE,
					message = "整改要求含有不可见的控制字符") String requirements,
			@NotBlank(message = "请填写责任单位") @Size(max = 100, message = "责任单位不能超过 100 字") @Pattern(regexp = PRINTABLE,
					message = "责任单位含有不可见的控制字符") String responsibleUnit,
			@NotBlank(message = "请填写责任人") @Size(max = 50, message = "责任人不能超过 50 字") @Pattern(regexp = PRINTABLE,
					message = "责任人含有不可见的控制字符") String responsiblePerson,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline) {
	}

	/** How far ahead a deadline may be set: a deadline in 9999 would never go overdue. */
	static final int MAX_DEADLINE_DAYS = 366;

	@Transactional
	public Hazard raise(CurrentUser user, DataScope scope, NewHazard h) {
		return raise(user, scope, h, HazardStore.Source.NONE);
	}

	/**
	 * Raises a hazard found on an inspection form's item. A hazard from a police-only
	 * item is police-only itself; one failing item has at most one open hazard, and a
	 * second attempt is refused naming the one that exists.
	 */
	@Transactional
	public Hazard raiseFromInspection(CurrentUser user, DataScope scope, NewHazard h, long inspectionId, String item,
			boolean sensitive) {
		store.openFromSource(inspectionId, item).ifPresent(existing -> {
			throw new InvalidInputException("item",
					"该项目已登记隐患 " + existing.noticeNumber() + "（" + existing.state().label() + "），不能重复登记；请在该隐患中继续办理");
		});
		try {
			return raise(user, scope, h, new HazardStore.Source(inspectionId, item, sensitive));
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInputException("item", "该项目刚刚已由他人登记隐患，不能重复登记");
		}
	}

	/**
	 * Open hazards raised from an inspection form, by item, as far as the reader may see.
	 */
	public java.util.Map<String, Hazard> openFromInspection(DataScope scope, long inspectionId) {
		java.util.Map<String, Hazard> byItem = new java.util.HashMap<>();
		for (Hazard h : store.openFromInspection(inspectionId, scope)) {
			byItem.put(h.sourceItem(), h);
		}
		return byItem;
	}

	private Hazard raise(CurrentUser user, DataScope scope, NewHazard h, HazardStore.Source source) {
		List<Violation> problems = new ArrayList<>();
		for (ConstraintViolation<NewHazard> v : validator.validate(h)) {
			problems.add(Violation.of(v.getPropertyPath().toString(), v.getMessage()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		School school = schools.get(scope, h.schoolId());
		LocalDate today = PlatformTime.today(clock);
		LocalDate deadline = h.deadline() != null ? h.deadline()
				: today.plusDays(deadlines.daysFor(school.regionCode(), h.grade()));
		checkDeadline("deadline", "整改期限", deadline, today);
		SchoolUnits units = new SchoolUnits(school.organisationId(), school.details().educationBureauId(),
				school.details().policeStationId(), school.details().townshipId());
		Instant now = clock.instant();
		boolean major = h.grade() == HazardGrade.MAJOR;
		long issuer = user.organisationId();
		int year = today.getYear();
		String number = organisations.get(issuer).name() + "隐改字〔" + year + "〕第"
				+ String.format("%05d", store.nextNoticeNumber(issuer, year)) + "号";
		long id = store.insert(number, issuer, school.id(), school.name(), school.regionCode(), units.ids(),
				h.place().strip(), h.category(), h.grade(), h.description().strip(), h.requirements().strip(),
				h.responsibleUnit().strip(), h.responsiblePerson().strip(), user.displayName(), now, deadline, major,
				source);
		store.step(id, "发现登记", user.displayName(), now, null);
		audit.record("HAZARD_RAISED", "hazard", id,
				school.name() + " " + h.grade().label() + "隐患" + (source.sensitive() ? "（涉敏，仅公安可见）" : ""));
		Hazard raised = get(scope, id);
		raised.announceRaised();
		raised.takeEvents().forEach(events::publishEvent);
		return raised;
	}

	/** A region filter is a GB/T 2260 code (or its leading digits). */
	static void checkRegion(String region) {
		if (region != null && !region.isBlank() && !region.matches("\\d{2,6}")) {
			throw new InvalidInputException("region", "地区代码应为 2–6 位数字");
		}
	}

	static void checkSchool(String school) {
		if (school != null && school.length() > 100) {
			throw new InvalidInputException("school", "学校名称不能超过 100 字");
		}
	}

	/** A deadline from today to a year ahead, by the platform clock. */
	static void checkDeadline(String field, String label, LocalDate deadline, LocalDate today) {
		if (deadline.isBefore(today)) {
			throw new InvalidInputException(field, label + "不能早于今天（" + today + "）");
		}
		LocalDate latest = today.plusDays(MAX_DEADLINE_DAYS);
		if (deadline.isAfter(latest)) {
			throw new InvalidInputException(field, label + "须在一年之内，最晚 " + latest);
		}
	}

	public Hazard get(DataScope scope, long id) {
		return store.byId(id, scope).orElseThrow(() -> new NotFoundException("隐患不存在或不在您的管辖范围内"));
	}

	public List<HazardStep> steps(DataScope scope, long id) {
		get(scope, id);
		return store.steps(id);
	}

	public List<Hazard> search(DataScope scope, String region, HazardState state, HazardGrade grade, Boolean supervised,
			Boolean overdue) {
		return search(scope, region, null, state, grade, supervised, overdue);
	}

	/**
	 * Hazards in scope, optionally of one district and of schools whose name contains
	 * {@code school}.
	 */
	public List<Hazard> search(DataScope scope, String region, String school, HazardState state, HazardGrade grade,
			Boolean supervised, Boolean overdue) {
		checkRegion(region);
		checkSchool(school);
		return store.search(scope, region, school, state, grade, supervised, overdue);
	}

	/** One page of the ledger, the most urgent deadline first. */
	public cn.hxay.shared.Paged<Hazard> page(DataScope scope, String region, HazardState state, HazardGrade grade,
			Boolean supervised, Boolean overdue, cn.hxay.shared.PageRequest page) {
		return page(scope, region, null, state, grade, supervised, overdue, page);
	}

	/**
	 * One page of the ledger, the most urgent deadline first, optionally of one district
	 * and of schools whose name contains {@code school}.
	 */
	public cn.hxay.shared.Paged<Hazard> page(DataScope scope, String region, String school, HazardState state,
			HazardGrade grade, Boolean supervised, Boolean overdue, cn.hxay.shared.PageRequest page) {
		return page(scope, region, school, null, null, state, grade, supervised, overdue, page);
	}

	/**
	 * One page of the ledger, also narrowed to one school by id and to open (not yet 销号)
	 * or closed hazards: the list behind a school page's 未销号隐患.
	 */
	public cn.hxay.shared.Paged<Hazard> page(DataScope scope, String region, String school, Long schoolId, Boolean open,
			HazardState state, HazardGrade grade, Boolean supervised, Boolean overdue,
			cn.hxay.shared.PageRequest page) {
		checkRegion(region);
		checkSchool(school);
		return store.page(scope, region, school, schoolId, open, state, grade, supervised, overdue, page);
	}

	public List<RectificationFigures> figures(DataScope scope, boolean bySchool) {
		return store.figures(scope, bySchool);
	}

	static final int MAX_PHOTOS = 20;

	/**
	 * Keeps a photo of the hazard or of its fix; anyone who sees the hazard may add one
	 * until it is closed.
	 */
	@Transactional
	public HazardPhoto addPhoto(CurrentUser user, DataScope scope, long id, byte[] bytes, String caption) {
		Hazard h = get(scope, id);
		if (h.state() == HazardState.CLOSED) {
			throw new InvalidInputException("photo", "隐患已销号，不能再添加照片");
		}
		String type = PhotoStore.check(bytes);
		if (store.photos().count(id) >= MAX_PHOTOS) {
			throw new InvalidInputException("photo", "每条隐患最多 " + MAX_PHOTOS + " 张照片");
		}
		String text = caption == null || caption.isBlank() ? null
				: caption.strip().substring(0, Math.min(100, caption.strip().length()));
		long photoId = store.photos().insert(id, text, type, bytes, user.displayName(), clock.instant());
		store.step(id, "上传照片", user.displayName(), clock.instant(), text);
		return photos(id).stream().filter(p -> p.id() == photoId).findFirst().orElseThrow();
	}

	public List<HazardPhoto> photos(DataScope scope, long id) {
		get(scope, id);
		return photos(id);
	}

	private List<HazardPhoto> photos(long id) {
		return store.photos()
			.list(id)
			.stream()
			.map(p -> new HazardPhoto(p.id(), p.contentType(), p.sizeBytes(), p.label(), p.uploadedBy(),
					p.uploadedAt()))
			.toList();
	}

	/** A photo's bytes, only for users whose scope covers the hazard. */
	public PhotoStore.PhotoContent photo(DataScope scope, long id, long photoId) {
		get(scope, id);
		return store.photos().content(id, photoId).orElseThrow(() -> new NotFoundException("照片不存在"));
	}

	/** All hazards in scope added up: total, closed, overdue, supervised and the rate. */
	public RectificationFigures totals(DataScope scope) {
		long total = 0;
		long closed = 0;
		long overdue = 0;
		long supervised = 0;
		for (RectificationFigures f : store.figures(scope, false)) {
			total += f.total();
			closed += f.closed();
			overdue += f.overdue();
			supervised += f.supervised();
		}
		return RectificationFigures.of("", total, closed, overdue, supervised);
	}

	/**
	 * All hazards in scope added up as the ledger stood at the end of {@code day} (for a
	 * report on a past period): found by then, closed by then, and of those open then the
	 * overdue and supervised ones.
	 */
	public RectificationFigures totalsAsOf(DataScope scope, LocalDate day) {
		return store.figuresAsOf(scope, day);
	}

	/** Rectification figures per school id, within the scope. */
	public java.util.Map<Long, RectificationFigures> figuresBySchool(DataScope scope) {
		return store.figuresBySchool(scope);
	}

	@Transactional
	public Hazard startRectification(CurrentUser user, DataScope scope, long id, int version) {
		return change(user, scope, id, version, "开始整改", null, Hazard::startRectification);
	}

	/**
	 * The school hands its fix in with a report of what it did (整改情况): the report goes
	 * with the step into the history and is shown as the fix report, never as a temporary
	 * safeguard.
	 */
	@Transactional
	public Hazard submitFixReport(CurrentUser user, DataScope scope, long id, int version, String report) {
		text("text", "整改情况", report, 2000);
		return change(user, scope, id, version, "提交验收", report, h -> h.submitRectification(null));
	}

	@Transactional
	public Hazard submitRectification(CurrentUser user, DataScope scope, long id, int version, String safeguards) {
		text("text", "整改情况", safeguards, 2000);
		return change(user, scope, id, version, "提交验收", safeguards, h -> h.submitRectification(safeguards));
	}

	@Transactional
	public Hazard recordSafeguards(CurrentUser user, DataScope scope, long id, int version, String safeguards) {
		text("text", "临时防范措施", safeguards, 2000);
		return change(user, scope, id, version, "临时防范措施", safeguards, h -> h.recordSafeguards(safeguards));
	}

	@Transactional
	public Hazard returnForRework(CurrentUser user, DataScope scope, long id, int version, String comment) {
		requireAbove(user);
		if (comment == null || comment.isBlank()) {
			throw new InvalidInputException("comment", "退回须说明理由");
		}
		text("text", "退回理由", comment, 2000);
		return change(user, scope, id, version, "验收退回", comment, Hazard::returnForRework);
	}

	@Transactional
	public Hazard close(CurrentUser user, DataScope scope, long id, int version, String comment) {
		requireAbove(user);
		text("text", "验收意见", comment, 2000);
		return change(user, scope, id, version, "验收销号", comment, h -> h.close(user.displayName(), clock.instant()));
	}

	@Transactional
	public Hazard adoptPlan(CurrentUser user, DataScope scope, long id, int version, SupervisionPlan plan) {
		List<Violation> problems = new ArrayList<>();
		for (ConstraintViolation<SupervisionPlan> v : validator.validate(plan)) {
			problems.add(Violation.of(v.getPropertyPath().toString(), v.getMessage()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (plan.deadline() != null) {
			checkDeadline("deadline", "督办方案的完成时限", plan.deadline(), PlatformTime.today(clock));
		}
		return change(user, scope, id, version, "督办方案", plan.goal(), h -> h.adoptPlan(plan));
	}

	/**
	 * Flags the hazards past their deadline on {@code today}; returns how many were
	 * flagged.
	 */
	@Transactional
	public int flagOverdue(LocalDate today) {
		if (!clusterLock.tryTake("hazard.overdue-job")) {
			return 0;
		}
		int flagged = 0;
		for (long id : store.overdueCandidates(today)) {
			Hazard h = store.byId(id, DataScope.everything(true)).orElseThrow();
			if (h.flagIfOverdue(today) && store.update(h)) {
				store.step(id, "逾期挂牌督办", "系统", clock.instant(), "整改期限 " + h.deadline() + " 已过，提级督办");
				audit.recordFor("system", null, "HAZARD_OVERDUE", "隐患 " + id + " 逾期，挂牌督办");
				h.takeEvents().forEach(events::publishEvent);
				flagged++;
			}
		}
		return flagged;
	}

	private Hazard change(CurrentUser user, DataScope scope, long id, int version, String action, String comment,
			Consumer<Hazard> move) {
		Hazard h = get(scope, id);
		if (h.version() != version) {
			throw new ConcurrentEditException("隐患 " + h.noticeNumber() + " ");
		}
		move.accept(h);
		if (!store.update(h)) {
			throw new ConcurrentEditException("隐患 " + h.noticeNumber() + " ");
		}
		store.step(id, action, user.displayName(), clock.instant(), comment);
		audit.record("HAZARD_CHANGED", "hazard", id, action + " → " + h.state().label());
		h.takeEvents().forEach(events::publishEvent);
		return get(scope, id);
	}

	private static void requireAbove(CurrentUser user) {
		if (user.hasRole(Role.SCHOOL_SAFETY_LEAD) && user.roles().size() == 1) {
			throw new ForbiddenException("验收和销号须由上级部门进行，学校不能自行销号");
		}
	}

	/** Free text within its column's length and without control characters. */
	static void text(String field, String label, String value, int max) {
		if (value == null) {
			return;
		}
		if (value.length() > max) {
			throw new InvalidInputException(field, label + "不能超过 " + max + " 字");
		}
		if (!value.matches(PRINTABLE)) {
			throw new InvalidInputException(field, label + "含有不可见的控制字符");
		}
	}

}
