package cn.hxay.hazard;

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
import cn.hxay.school.School;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.Violation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hazard ledger's facade: raising hazards, moving them through rectification, and
 * listing them by scope.
 */
@Service
public class HazardLedger {

	private final HazardStore store;

	private final SchoolRegistry schools;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final HazardDeadlines deadlines;

	HazardLedger(HazardStore store, SchoolRegistry schools, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock, HazardDeadlines deadlines) {
		this.deadlines = deadlines;
		this.store = store;
		this.schools = schools;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What a finder records when raising a hazard; a missing deadline takes the grade's
	 * default period.
	 */
	public record NewHazard(long schoolId, String place, HazardCategory category, HazardGrade grade, String description,
			String requirements, String responsibleUnit, String responsiblePerson, LocalDate deadline) {
	}

	@Transactional
	public Hazard raise(CurrentUser user, DataScope scope, NewHazard h) {
		List<Violation> problems = new ArrayList<>();
		check(problems, h.place(), "place", "请填写隐患部位");
		check(problems, h.description(), "description", "请填写隐患描述");
		check(problems, h.requirements(), "requirements", "请填写整改要求");
		check(problems, h.responsibleUnit(), "responsibleUnit", "请填写责任单位");
		check(problems, h.responsiblePerson(), "responsiblePerson", "请填写责任人");
		if (h.category() == null) {
			problems.add(new Violation("category", "请选择隐患类别"));
		}
		if (h.grade() == null) {
			problems.add(new Violation("grade", "请选择隐患等级"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		School school = schools.get(scope, h.schoolId());
		LocalDate today = LocalDate.now(clock);
		LocalDate deadline = h.deadline() != null ? h.deadline()
				: today.plusDays(deadlines.daysFor(school.regionCode(), h.grade()));
		if (deadline.isBefore(today)) {
			throw new InvalidInputException("deadline", "整改期限不能早于今天");
		}
		Long[] units = java.util.stream.Stream
			.of(school.organisationId(), school.details().educationBureauId(), school.details().policeStationId(),
					school.details().townshipId())
			.filter(java.util.Objects::nonNull)
			.toArray(Long[]::new);
		Instant now = clock.instant();
		boolean major = h.grade() == HazardGrade.MAJOR;
		long id = store.insert(store.nextNoticeNumber(today.getYear()), school.id(), school.name(), school.regionCode(),
				units, h.place().strip(), h.category(), h.grade(), h.description().strip(), h.requirements().strip(),
				h.responsibleUnit().strip(), h.responsiblePerson().strip(), user.displayName(), now, deadline, major);
		store.step(id, "发现登记", user.displayName(), now, null);
		audit.record("HAZARD_RAISED", "hazard", id, school.name() + " " + h.grade().label() + "隐患");
		if (major) {
			events.publishEvent(new HazardSupervised(id, school.id(), "重大隐患"));
		}
		return get(scope, id);
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
		return store.search(scope, region, state, grade, supervised, overdue);
	}

	/** One page of the ledger, the most urgent deadline first. */
	public cn.hxay.shared.Paged<Hazard> page(DataScope scope, String region, HazardState state, HazardGrade grade,
			Boolean supervised, Boolean overdue, cn.hxay.shared.PageRequest page) {
		return store.page(scope, region, state, grade, supervised, overdue, page);
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
		String type = cn.hxay.shared.documents.Photos.checkedType(bytes);
		if (store.photos(id).size() >= MAX_PHOTOS) {
			throw new InvalidInputException("photo", "每条隐患最多 " + MAX_PHOTOS + " 张照片");
		}
		String text = caption == null || caption.isBlank() ? null
				: caption.strip().substring(0, Math.min(100, caption.strip().length()));
		long photoId = store.insertPhoto(id, type, bytes, text, user.displayName(), clock.instant());
		store.step(id, "上传照片", user.displayName(), clock.instant(), text);
		return store.photos(id).stream().filter(p -> p.id() == photoId).findFirst().orElseThrow();
	}

	public List<HazardPhoto> photos(DataScope scope, long id) {
		get(scope, id);
		return store.photos(id);
	}

	/** A photo's bytes, only for users whose scope covers the hazard. */
	public byte[] photo(DataScope scope, long id, long photoId) {
		get(scope, id);
		return store.photoBytes(id, photoId).orElseThrow(() -> new NotFoundException("照片不存在"));
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

	/** Rectification figures per school id, within the scope. */
	public java.util.Map<Long, RectificationFigures> figuresBySchool(DataScope scope) {
		return store.figuresBySchool(scope);
	}

	@Transactional
	public Hazard startRectification(CurrentUser user, DataScope scope, long id, int version) {
		return change(user, scope, id, version, "开始整改", null, Hazard::startRectification);
	}

	@Transactional
	public Hazard submitRectification(CurrentUser user, DataScope scope, long id, int version, String safeguards) {
		return change(user, scope, id, version, "提交验收", safeguards, h -> h.submitRectification(safeguards));
	}

	@Transactional
	public Hazard recordSafeguards(CurrentUser user, DataScope scope, long id, int version, String safeguards) {
		return change(user, scope, id, version, "临时防范措施", safeguards, h -> h.recordSafeguards(safeguards));
	}

	@Transactional
	public Hazard returnForRework(CurrentUser user, DataScope scope, long id, int version, String comment) {
		requireAbove(user);
		if (comment == null || comment.isBlank()) {
			throw new InvalidInputException("comment", "退回须说明理由");
		}
		return change(user, scope, id, version, "验收退回", comment, Hazard::returnForRework);
	}

	@Transactional
	public Hazard close(CurrentUser user, DataScope scope, long id, int version, String comment) {
		requireAbove(user);
		return change(user, scope, id, version, "验收销号", comment, h -> h.close(user.displayName(), clock.instant()));
	}

	@Transactional
	public Hazard adoptPlan(CurrentUser user, DataScope scope, long id, int version, SupervisionPlan plan) {
		return change(user, scope, id, version, "督办方案", plan.goal(), h -> h.adoptPlan(plan));
	}

	/**
	 * Flags the hazards past their deadline on {@code today}; returns how many were
	 * flagged.
	 */
	@Transactional
	public int flagOverdue(LocalDate today) {
		if (!store.tryJobLock()) {
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

	private static void check(List<Violation> problems, String value, String field, String message) {
		if (value == null || value.isBlank()) {
			problems.add(new Violation(field, message));
		}
	}

}
