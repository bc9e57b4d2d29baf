package cn.hxay.keyperson;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.hxay.shared.InvalidInputException;

/**
 * One key person (重点人员) as police see it. ID and phone numbers are only held masked here;
 * revealing them is a separate, audited act. Every change of status goes through a method
 * that refuses illegal moves and registers a past-tense event for {@link KeyPersons} to
 * publish after saving.
 */
public final class KeyPerson {

	static final int MIN_REASON = 4;

	private final long id;

	private String name;

	private final String maskedIdNumber;

	private final String maskedPhone;

	private String address;

	private BigDecimal longitude;

	private BigDecimal latitude;

	private long stationId;

	private String officer;

	private RiskLevel risk;

	private String category;

	private ControlStatus status;

	private String statusReason;

	private LocalDate reviewDate;

	private LocalDate controlledSince;

	private ControlPlan plan;

	private LocalDate lastVisitDate;

	private LocalDate nextVisitDue;

	private final String createdBy;

	private final Instant createdAt;

	private final int version;

	private final transient List<Object> events = new ArrayList<>();

	KeyPerson(long id, String name, String maskedIdNumber, String maskedPhone, String address, BigDecimal longitude,
			BigDecimal latitude, long stationId, String officer, RiskLevel risk, String category, ControlStatus status,
			String statusReason, LocalDate reviewDate, LocalDate controlledSince, ControlPlan plan,
			LocalDate lastVisitDate, LocalDate nextVisitDue, String createdBy, Instant createdAt, int version) {
		this.id = id;
		this.name = name;
		this.maskedIdNumber = maskedIdNumber;
		this.maskedPhone = maskedPhone;
		this.address = address;
		this.longitude = longitude;
		this.latitude = latitude;
		this.stationId = stationId;
		this.officer = officer;
		this.risk = risk;
		this.category = category;
		this.status = status;
		this.statusReason = statusReason;
		this.reviewDate = reviewDate;
		this.controlledSince = controlledSince;
		this.plan = plan == null ? ControlPlan.EMPTY : plan;
		this.lastVisitDate = lastVisitDate;
		this.nextVisitDue = nextVisitDue;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.version = version;
	}

	/** 纳入管控 again after a release, at the given risk level. */
	void include(RiskLevel newRisk, String reason, LocalDate review, LocalDate today, Category of) {
		require(status == ControlStatus.RELEASED, "该人员已在管控中，无需再次纳入管控");
		if (newRisk == null) {
			throw new InvalidInputException("risk", "纳入管控须选择风险等级");
		}
		requireReason(reason, review, today);
		status = ControlStatus.UNDER_CONTROL;
		risk = newRisk;
		controlledSince = today;
		noteReason(reason, review);
		scheduleNextVisit(of);
		events.add(new KeyPersonIncluded(id, stationId, risk));
	}

	/** 降级: one risk level lower, e.g. after the situation calmed down. */
	void downgrade(String reason, LocalDate review, LocalDate today, Category of) {
		require(status == ControlStatus.UNDER_CONTROL, "已撤销管控的人员不能降级");
		require(risk != RiskLevel.LOW, "风险等级已是“低”，不能再降级；如已无需管控请撤销管控");
		requireReason(reason, review, today);
		RiskLevel from = risk;
		risk = risk.lower();
		noteReason(reason, review);
		scheduleNextVisit(of);
		events.add(new KeyPersonRiskChanged(id, stationId, from, risk));
	}

	/** 升级: one risk level higher, e.g. after threats against a school. */
	void escalate(String reason, LocalDate review, LocalDate today, Category of) {
		require(status == ControlStatus.UNDER_CONTROL, "已撤销管控的人员须先重新纳入管控");
		require(risk != RiskLevel.HIGH, "风险等级已是“高”");
		requireReason(reason, review, today);
		RiskLevel from = risk;
		risk = risk == RiskLevel.LOW ? RiskLevel.MEDIUM : RiskLevel.HIGH;
		noteReason(reason, review);
		scheduleNextVisit(of);
		events.add(new KeyPersonRiskChanged(id, stationId, from, risk));
	}

	/** 撤销管控: no more visits are due; the review date is when to look again. */
	void release(String reason, LocalDate review, LocalDate today) {
		require(status == ControlStatus.UNDER_CONTROL, "该人员已撤销管控");
		requireReason(reason, review, today);
		status = ControlStatus.RELEASED;
		noteReason(reason, review);
		nextVisitDue = null;
		events.add(new KeyPersonReleased(id, stationId));
	}

	/** A follow-up visit (走访) on the given day moves the next due date. */
	void recordVisit(LocalDate on, LocalDate today, Category of) {
		require(status == ControlStatus.UNDER_CONTROL, "已撤销管控的人员不再安排走访");
		if (on == null) {
			throw new InvalidInputException("visitedOn", "请填写走访日期");
		}
		if (on.isAfter(today)) {
			throw new InvalidInputException("visitedOn", "走访日期不能晚于今天");
		}
		if (lastVisitDate == null || on.isAfter(lastVisitDate)) {
			lastVisitDate = on;
		}
		scheduleNextVisit(of);
	}

	/**
	 * The person moved into another station's area: the new station is responsible from
	 * now on and the old one loses access.
	 */
	void transferTo(long newStationId, String newAddress, BigDecimal newLongitude, BigDecimal newLatitude,
			String newOfficer) {
		require(newStationId != stationId, "该人员已由该派出所负责，无需移交");
		long from = stationId;
		stationId = newStationId;
		address = newAddress;
		longitude = newLongitude;
		latitude = newLatitude;
		officer = newOfficer;
		events.add(new KeyPersonTransferred(id, from, newStationId));
	}

	/**
	 * Edits of the record and its plan; status, risk and station change only by their
	 * moves.
	 */
	void change(String newName, String newAddress, BigDecimal newLongitude, BigDecimal newLatitude, String newOfficer,
			Category newCategory, ControlPlan newPlan) {
		name = newName;
		address = newAddress;
		longitude = newLongitude;
		latitude = newLatitude;
		officer = newOfficer;
		category = newCategory.code();
		plan = newPlan == null ? ControlPlan.EMPTY : newPlan;
		if (status == ControlStatus.UNDER_CONTROL) {
			scheduleNextVisit(newCategory);
		}
	}

	/**
	 * Days between visits: the plan's own interval, else the category's for the risk
	 * level.
	 */
	int visitIntervalDays(Category of) {
		return plan.visitIntervalDays() != null ? plan.visitIntervalDays() : of.daysFor(risk);
	}

	/** Whether a visit is overdue on the given day by the platform clock. */
	public boolean visitOverdue(LocalDate today) {
		return status == ControlStatus.UNDER_CONTROL && nextVisitDue != null && nextVisitDue.isBefore(today);
	}

	private void scheduleNextVisit(Category of) {
		LocalDate anchor = lastVisitDate != null && lastVisitDate.isAfter(controlledSince) ? lastVisitDate
				: controlledSince;
		nextVisitDue = anchor.plusDays(visitIntervalDays(of));
	}

	private void noteReason(String reason, LocalDate review) {
		statusReason = reason.strip();
		reviewDate = review;
	}

	private static void requireReason(String reason, LocalDate review, LocalDate today) {
		List<cn.hxay.shared.Violation> problems = new ArrayList<>();
		if (reason == null || reason.strip().length() < MIN_REASON) {
			problems.add(cn.hxay.shared.Violation.of("reason", "请说明理由（至少 " + MIN_REASON + " 个字）"));
		}
		else if (reason.strip().length() > 500) {
			problems.add(cn.hxay.shared.Violation.of("reason", "理由不能超过 500 字"));
		}
		if (review == null) {
			problems.add(cn.hxay.shared.Violation.of("reviewDate", "请填写复核日期"));
		}
		else if (review.isBefore(today)) {
			problems.add(cn.hxay.shared.Violation.of("reviewDate", "复核日期不能早于今天"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new InvalidInputException("status", message);
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

	public String name() {
		return name;
	}

	/** e.g. 3204**********1234 */
	public String maskedIdNumber() {
		return maskedIdNumber;
	}

	/** e.g. 138****5678, or {@code null} */
	public String maskedPhone() {
		return maskedPhone;
	}

	public String address() {
		return address;
	}

	public BigDecimal longitude() {
		return longitude;
	}

	public BigDecimal latitude() {
		return latitude;
	}

	public long stationId() {
		return stationId;
	}

	public String officer() {
		return officer;
	}

	public RiskLevel risk() {
		return risk;
	}

	public String category() {
		return category;
	}

	public ControlStatus status() {
		return status;
	}

	public String statusReason() {
		return statusReason;
	}

	public LocalDate reviewDate() {
		return reviewDate;
	}

	public LocalDate controlledSince() {
		return controlledSince;
	}

	public ControlPlan plan() {
		return plan;
	}

	public LocalDate lastVisitDate() {
		return lastVisitDate;
	}

	public LocalDate nextVisitDue() {
		return nextVisitDue;
	}

	public String createdBy() {
		return createdBy;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public int version() {
		return version;
	}

}
