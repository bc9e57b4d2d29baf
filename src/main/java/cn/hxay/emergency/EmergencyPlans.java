package cn.hxay.emergency;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.Violation;
import jakarta.validation.Validator;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The emergency module's API: file a plan (each filing of a type is the school's next
 * version), list the current plans with their review status on a day (due within
 * {@code hxay.emergency.review-warn-days}, 30, then overdue), and report accidents with
 * their handling, insurance claim and mediation.
 */
@Service
@Transactional(readOnly = true)
public class EmergencyPlans {

	/** The school's own lead and the education bureaus file; police and the 督导员 read. */
	public static final Set<Role> RECORDERS = Set.of(Role.SCHOOL_SAFETY_LEAD, Role.COUNTY_EDUCATION_ADMIN,
			Role.CITY_EDUCATION_ADMIN);

	private final EmergencyStore store;

	private final SchoolRegistry schools;

	private final AuditTrail audit;

	private final Validator validator;

	private final Clock clock;

	private final int warnDays;

	EmergencyPlans(EmergencyStore store, SchoolRegistry schools, AuditTrail audit, Validator validator, Clock clock,
			Environment env) {
		this.store = store;
		this.schools = schools;
		this.audit = audit;
		this.validator = validator;
		this.clock = clock;
		this.warnDays = env.getProperty("hxay.emergency.review-warn-days", Integer.class, 30);
	}

	public boolean mayRecord(CurrentUser user) {
		return !user.readOnly() && user.roles().stream().anyMatch(RECORDERS::contains);
	}

	public LocalDate today() {
		return PlatformTime.today(clock);
	}

	public int warnDays() {
		return warnDays;
	}

	@Transactional
	public Plan file(CurrentUser user, DataScope scope, PlanForm form) {
		mustRecord(user);
		FormChecks.validate(validator, form, "schoolId");
		School school = schools.get(scope, form.schoolId());
		LocalDate today = today();
		if (form.approvedOn().isAfter(today)) {
			throw new InvalidInputException("approvedOn", "印发日期不能晚于今天（" + today + "）");
		}
		if (!form.reviewDue().isAfter(form.approvedOn()) || form.reviewDue().isAfter(form.approvedOn().plusYears(5))) {
			throw new InvalidInputException("reviewDue", "下次评审日期应晚于印发日期，且在五年之内");
		}
		long id = store.insertPlan(school, form, user.displayName(), clock.instant());
		audit.record("EMERGENCY_PLAN_FILED", "emergency_plan", id, school.name() + " " + form.type().label());
		return plans(scope, school.id(), true, today).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
	}

	/** The current plans in scope today. */
	public List<Plan> plans(DataScope scope, Long schoolId) {
		return plans(scope, schoolId, false, today());
	}

	/** The current plans (or every version) in scope on a day. */
	public List<Plan> plans(DataScope scope, Long schoolId, boolean allVersions, LocalDate today) {
		return store.plans(scope, schoolId, allVersions)
			.stream()
			.map(r -> new Plan(r.id(), r.schoolId(), r.schoolName(), r.regionCode(), r.type(), r.title(), r.version(),
					r.approvedOn(), r.reviewDue(), status(r.reviewDue(), today), r.recordedBy()))
			.toList();
	}

	public ReviewStatus status(LocalDate reviewDue, LocalDate today) {
		if (reviewDue.isBefore(today)) {
			return ReviewStatus.OVERDUE;
		}
		return reviewDue.isAfter(today.plusDays(warnDays)) ? ReviewStatus.CURRENT : ReviewStatus.DUE;
	}

	@Transactional
	public Accident report(CurrentUser user, DataScope scope, AccidentForm form) {
		mustRecord(user);
		FormChecks.validate(validator, form, "schoolId");
		School school = schools.get(scope, form.schoolId());
		LocalDate today = today();
		if (form.occurredOn().isAfter(today) || form.occurredOn().isBefore(today.minusYears(3))) {
			throw new InvalidInputException("occurredOn", "发生日期应在三年之内且不晚于今天（" + today + "）");
		}
		if (form.insurance() != Insurance.NONE && (form.claimNumber() == null || form.claimNumber().isBlank())) {
			throw new InvalidInputException("claimNumber", "已向保险公司报案的，请填写报案号");
		}
		long id = store.insertAccident(school, form, user.displayName(), clock.instant());
		audit.record("ACCIDENT_REPORTED", "accident", id, school.name() + " " + form.kind().label());
		return store.accidents(scope, school.id()).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
	}

	public List<Accident> accidents(DataScope scope, Long schoolId) {
		return store.accidents(scope, schoolId);
	}

	/** An accident in the scope (404 otherwise). */
	public Accident accident(DataScope scope, long id) {
		return store.accident(scope, id).orElseThrow(() -> new NotFoundException("事故报告不存在或不在您的管辖范围内"));
	}

	/** An accident's follow-ups (续报), oldest first. */
	public List<AccidentFollowUp> followUps(DataScope scope, long id) {
		return store.followUps(accident(scope, id).id());
	}

	/**
	 * Appends a follow-up (续报) to an accident: handling progress, the insurance claim's
	 * new state (a claim filed with the insurer needs its claim number, a paid one its
	 * amount) or the mediation result, recorded with who and when.
	 * @throws InvalidInputException with every problem by field, in Chinese
	 */
	@Transactional
	public AccidentFollowUp followUp(CurrentUser user, DataScope scope, long id, FollowUpForm form) {
		mustRecord(user);
		Accident accident = accident(scope, id);
		FormChecks.validate(validator, form, "schoolId");
		String claim = blank(form.claimNumber());
		if (form.kind() == FollowUpKind.INSURANCE) {
			List<Violation> problems = new ArrayList<>();
			if (form.insurance() == null) {
				problems.add(Violation.of("insurance", "请选择理赔状态"));
			}
			else if (form.insurance() != Insurance.NONE) {
				claim = claim != null ? claim : accident.claimNumber();
				if (claim == null) {
					problems.add(Violation.of("claimNumber", "已向保险公司报案的，请填写报案号"));
				}
				if (form.insurance() == Insurance.PAID && form.claimAmount() == null
						&& accident.claimAmount() == null) {
					problems.add(Violation.of("claimAmount", "已赔付的，请填写赔付金额"));
				}
			}
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
		}
		else if (form.insurance() != null || claim != null || form.claimAmount() != null) {
			throw new InvalidInputException("insurance", "理赔状态、报案号和金额只在续报类别为“保险理赔”时填写");
		}
		long followUp = store.insertFollowUp(accident.id(), form.kind(), form.body().strip(), form.insurance(), claim,
				form.claimAmount(), user.displayName(), clock.instant());
		audit.record("ACCIDENT_FOLLOWED_UP", "accident", accident.id(),
				accident.schoolName() + " " + form.kind().label());
		return store.followUps(accident.id()).stream().filter(f -> f.id() == followUp).findFirst().orElseThrow();
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	public boolean anyPlan() {
		return store.anyPlan();
	}

	private void mustRecord(CurrentUser user) {
		if (!mayRecord(user)) {
			throw new ForbiddenException("只有学校安全负责人和教育行政部门可以登记应急预案和事故");
		}
	}

}
