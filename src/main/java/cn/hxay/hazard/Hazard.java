package cn.hxay.hazard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.hxay.shared.InvalidInputException;

/**
 * One hazard on the ledger. Every change of state goes through a method here that refuses
 * illegal moves and registers a past-tense event for the ledger to publish after saving.
 */
public final class Hazard {

	private final long id;

	private final String noticeNumber;

	private final long schoolId;

	private final String schoolName;

	private final String regionCode;

	private final String place;

	private final HazardCategory category;

	private final HazardGrade grade;

	private final String description;

	private final String requirements;

	private final String responsibleUnit;

	private final String responsiblePerson;

	private final String foundBy;

	private final Instant foundAt;

	private final LocalDate deadline;

	private HazardState state;

	private boolean overdue;

	private boolean supervised;

	private String temporarySafeguards;

	private SupervisionPlan plan;

	private Instant closedAt;

	private final boolean sensitive;

	private final Long sourceInspectionId;

	private final String sourceItem;

	private final int version;

	private final transient List<Object> events = new ArrayList<>();

	Hazard(long id, String noticeNumber, long schoolId, String schoolName, String regionCode, String place,
			HazardCategory category, HazardGrade grade, String description, String requirements, String responsibleUnit,
			String responsiblePerson, String foundBy, Instant foundAt, LocalDate deadline, HazardState state,
			boolean overdue, boolean supervised, String temporarySafeguards, SupervisionPlan plan, Instant closedAt,
			boolean sensitive, Long sourceInspectionId, String sourceItem, int version) {
		this.sensitive = sensitive;
		this.sourceInspectionId = sourceInspectionId;
		this.sourceItem = sourceItem;
		this.id = id;
		this.noticeNumber = noticeNumber;
		this.schoolId = schoolId;
		this.schoolName = schoolName;
		this.regionCode = regionCode;
		this.place = place;
		this.category = category;
		this.grade = grade;
		this.description = description;
		this.requirements = requirements;
		this.responsibleUnit = responsibleUnit;
		this.responsiblePerson = responsiblePerson;
		this.foundBy = foundBy;
		this.foundAt = foundAt;
		this.deadline = deadline;
		this.state = state;
		this.overdue = overdue;
		this.supervised = supervised;
		this.temporarySafeguards = temporarySafeguards;
		this.plan = plan;
		this.closedAt = closedAt;
		this.version = version;
	}

	/** The school's people start the fix. */
	void startRectification() {
		require(state == HazardState.PENDING, "只有待整改的隐患才能开始整改");
		state = HazardState.RECTIFYING;
	}

	/**
	 * The fix is done and handed to the level above for checking; temporary safeguards
	 * may be recorded.
	 */
	void submitRectification(String safeguards) {
		require(state == HazardState.PENDING || state == HazardState.RECTIFYING, "当前状态不能提交整改");
		if (grade == HazardGrade.MAJOR && (plan == null || !plan.complete())) {
			throw new InvalidInputException("plan", "重大隐患须先填写挂牌督办整改方案（目标、措施、资金、责任人、时限、应急预案）");
		}
		if (safeguards != null && !safeguards.isBlank()) {
			temporarySafeguards = safeguards;
		}
		state = HazardState.SUBMITTED;
	}

	/** The level above finds the fix insufficient and sends it back (退回). */
	void returnForRework() {
		require(state == HazardState.SUBMITTED, "只有已提交待验收的隐患才能退回");
		state = HazardState.RECTIFYING;
	}

	/** The level above has checked the fix: the hazard is closed (销号). */
	void close(String by, Instant at) {
		require(state == HazardState.SUBMITTED, "只有已提交待验收的隐患才能销号");
		state = HazardState.CLOSED;
		closedAt = at;
		events.add(new HazardClosed(id, noticeNumber, schoolId, schoolName, regionCode, grade.label(), by, sensitive));
	}

	/** Records temporary safeguards while the fix cannot be immediate. */
	void recordSafeguards(String safeguards) {
		require(state != HazardState.CLOSED, "已销号的隐患不能修改");
		temporarySafeguards = safeguards;
	}

	/**
	 * Marks the hazard overdue on the given day; an overdue hazard goes under listed
	 * supervision.
	 */
	boolean flagIfOverdue(LocalDate today) {
		if (state == HazardState.CLOSED || !today.isAfter(deadline) || overdue) {
			return false;
		}
		overdue = true;
		superviseBecause("逾期未整改");
		return true;
	}

	void superviseBecause(String reason) {
		if (!supervised) {
			supervised = true;
			events.add(supervisedBecause(reason));
		}
	}

	/** A hazard raised as major starts under listed supervision: announces it. */
	void announceRaised() {
		if (supervised) {
			events.add(supervisedBecause("重大隐患"));
		}
	}

	private HazardSupervised supervisedBecause(String reason) {
		return new HazardSupervised(id, noticeNumber, schoolId, schoolName, regionCode, grade.label(), place, deadline,
				reason, sensitive);
	}

	void adoptPlan(SupervisionPlan newPlan) {
		require(supervised, "只有挂牌督办的隐患需要整改方案");
		require(state != HazardState.CLOSED, "已销号的隐患不能修改");
		if (!newPlan.complete()) {
			throw new InvalidInputException("plan", "整改方案须包含目标、措施、资金、责任人、时限和应急预案六项");
		}
		plan = newPlan;
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new InvalidInputException("state", message);
		}
	}

	List<Object> takeEvents() {
		List<Object> out = List.copyOf(events);
		events.clear();
		return out;
	}

	public long id() {
		return id;
	}

	public String noticeNumber() {
		return noticeNumber;
	}

	public long schoolId() {
		return schoolId;
	}

	public String schoolName() {
		return schoolName;
	}

	public String regionCode() {
		return regionCode;
	}

	public String place() {
		return place;
	}

	public HazardCategory category() {
		return category;
	}

	public HazardGrade grade() {
		return grade;
	}

	public String description() {
		return description;
	}

	public String requirements() {
		return requirements;
	}

	public String responsibleUnit() {
		return responsibleUnit;
	}

	public String responsiblePerson() {
		return responsiblePerson;
	}

	public String foundBy() {
		return foundBy;
	}

	public Instant foundAt() {
		return foundAt;
	}

	public LocalDate deadline() {
		return deadline;
	}

	public HazardState state() {
		return state;
	}

	public boolean overdue() {
		return overdue;
	}

	public boolean supervised() {
		return supervised;
	}

	public String temporarySafeguards() {
		return temporarySafeguards;
	}

	public SupervisionPlan plan() {
		return plan;
	}

	public Instant closedAt() {
		return closedAt;
	}

	/**
	 * Raised from a police-only checklist item: only police readers see it, in every
	 * list, count and document.
	 */
	public boolean sensitive() {
		return sensitive;
	}

	/** The inspection form the hazard was raised from, if any. */
	public Long sourceInspectionId() {
		return sourceInspectionId;
	}

	/** The checklist item the hazard was raised from, if any. */
	public String sourceItem() {
		return sourceItem;
	}

	public int version() {
		return version;
	}

}
