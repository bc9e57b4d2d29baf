package cn.hxay.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.Violation;

/**
 * One school's inspection within a campaign: the answers the school and its police
 * station give, the co-signature, and the review by the level above. Every change of
 * state goes through a method here that refuses illegal moves.
 */
public final class Inspection {

	/** The sampled inspection passed the city's check. */
	public static final String SAMPLE_PASSED = "通过";

	/** The sampled inspection failed the city's check and went back to the school. */
	public static final String SAMPLE_FAILED = "不合格";

	private final long id;

	private final long campaignId;

	private final long schoolId;

	private final String schoolName;

	private final String regionCode;

	private final String stationName;

	private final LocalDate due;

	private InspectionState state;

	private final Map<String, String> answers;

	private final Map<String, String> sensitiveAnswers;

	private String headmaster;

	private String cosignedBy;

	private String cosignedStation;

	private Instant cosignedAt;

	private String submittedBy;

	private Instant submittedAt;

	private String reviewedBy;

	private Instant reviewedAt;

	private String reviewComment;

	private boolean sampled;

	private String sampleResult;

	private String noSensitiveFindingsBy;

	private Instant noSensitiveFindingsAt;

	private final int version;

	Inspection(long id, long campaignId, long schoolId, String schoolName, String regionCode, String stationName,
			LocalDate due, InspectionState state, Map<String, String> answers, Map<String, String> sensitiveAnswers,
			String headmaster, String cosignedBy, String cosignedStation, Instant cosignedAt, String submittedBy,
			Instant submittedAt, String reviewedBy, Instant reviewedAt, String reviewComment, boolean sampled,
			String sampleResult, String noSensitiveFindingsBy, Instant noSensitiveFindingsAt, int version) {
		this.noSensitiveFindingsBy = noSensitiveFindingsBy;
		this.noSensitiveFindingsAt = noSensitiveFindingsAt;
		this.id = id;
		this.campaignId = campaignId;
		this.schoolId = schoolId;
		this.schoolName = schoolName;
		this.regionCode = regionCode;
		this.stationName = stationName;
		this.due = due;
		this.state = state;
		this.answers = new HashMap<>(answers);
		this.sensitiveAnswers = new HashMap<>(sensitiveAnswers);
		this.headmaster = headmaster;
		this.cosignedBy = cosignedBy;
		this.cosignedStation = cosignedStation;
		this.cosignedAt = cosignedAt;
		this.submittedBy = submittedBy;
		this.submittedAt = submittedAt;
		this.reviewedBy = reviewedBy;
		this.reviewedAt = reviewedAt;
		this.reviewComment = reviewComment;
		this.sampled = sampled;
		this.sampleResult = sampleResult;
		this.version = version;
	}

	/**
	 * Saves answers as a draft. Sensitive items are taken only from police users and left
	 * alone otherwise. A change after the police station co-signed withdraws the
	 * co-signature: the station must sign what is submitted.
	 */
	void fill(ChecklistTemplate template, Map<String, String> given, boolean police, String headmasterName) {
		require(state.editable(), "检查表已提交，不能再修改；如需修改请由上级退回");
		List<Violation> problems = new ArrayList<>();
		boolean changed = false;
		for (ChecklistItem item : template.items()) {
			if (item.type() == ItemType.PHOTO || !given.containsKey(item.key()) || (item.sensitive() && !police)) {
				continue;
			}
			String value = given.get(item.key());
			value = value == null || value.isBlank() ? null : value.strip();
			String problem = value != null && !value.matches(Inspections.PRINTABLE) ? "“" + item.label() + "”含有不可见的控制字符"
					: item.problemWith(value);
			if (problem != null) {
				problems.add(Violation.of(item.key(), problem));
				continue;
			}
			Map<String, String> target = item.sensitive() ? sensitiveAnswers : answers;
			String before = value == null ? target.remove(item.key()) : target.put(item.key(), value);
			changed |= !java.util.Objects.equals(before, value);
		}
		String name = headmasterName == null || headmasterName.isBlank() ? null : headmasterName.strip();
		if (name != null && name.length() > 50) {
			problems.add(Violation.of("headmaster", "校长姓名不能超过 50 字"));
		}
		else if (name != null && !name.matches(Inspections.PRINTABLE)) {
			problems.add(Violation.of("headmaster", "校长姓名含有不可见的控制字符"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (headmasterName != null) {
			changed |= !java.util.Objects.equals(headmaster, name);
			headmaster = name;
		}
		if (changed && cosignedBy != null) {
			cosignedBy = null;
			cosignedStation = null;
			cosignedAt = null;
		}
		if (state == InspectionState.ASSIGNED) {
			state = InspectionState.DRAFT;
		}
	}

	/**
	 * The police station declares that it has no sensitive findings for this school
	 * (无涉敏问题) instead of answering the police-only items, or takes the declaration back;
	 * who and when are kept. A change withdraws the co-signature like any other change.
	 */
	void declareNoSensitiveFindings(boolean declared, String officer, Instant at) {
		require(state.editable(), "检查表已提交，不能再修改；如需修改请由上级退回");
		if (declared == (noSensitiveFindingsBy != null)) {
			return;
		}
		noSensitiveFindingsBy = declared ? officer : null;
		noSensitiveFindingsAt = declared ? at : null;
		cosignedBy = null;
		cosignedStation = null;
		cosignedAt = null;
		if (state == InspectionState.ASSIGNED) {
			state = InspectionState.DRAFT;
		}
	}

	/**
	 * The police-only items still unanswered; empty when all are answered or the station
	 * declared it has no sensitive findings.
	 */
	List<ChecklistItem> policePartMissing(ChecklistTemplate template) {
		if (noSensitiveFindingsBy != null) {
			return List.of();
		}
		return template.items()
			.stream()
			.filter(item -> item.sensitive() && item.type() != ItemType.PHOTO && answer(item) == null)
			.toList();
	}

	/** The police station signs the form it filled in with the school. */
	void cosign(String officer, String station, Instant at) {
		require(state.editable(), "检查表已提交，无需再会签");
		require(state != InspectionState.ASSIGNED, "学校尚未填写检查表，暂不能会签");
		cosignedBy = officer;
		cosignedStation = station;
		cosignedAt = at;
	}

	/**
	 * Submits for review; refuses an incomplete or unsigned form, naming what is missing.
	 */
	void submit(ChecklistTemplate template, Set<String> itemsWithPhotos, String by, Instant at) {
		require(state.editable(), "检查表已提交，请等待上级验收");
		List<Violation> problems = new ArrayList<>();
		for (ChecklistItem item : template.items()) {
			if (!item.required()) {
				continue;
			}
			boolean answered = item.type() == ItemType.PHOTO ? itemsWithPhotos.contains(item.key())
					: answer(item) != null;
			if (!answered) {
				problems.add(Violation.of(item.key(),
						"“" + item.label() + "”为必填项" + (item.sensitive() ? "（敏感项，由派出所填写）" : "")));
			}
		}
		if (headmaster == null) {
			problems.add(Violation.of("headmaster", "请填写校长（园长）姓名"));
		}
		if (cosignedBy == null) {
			problems.add(Violation.of("cosign", "本表须由学校和当地派出所共同填写：请先由派出所会签"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		state = InspectionState.SUBMITTED;
		submittedBy = by;
		submittedAt = at;
	}

	/**
	 * Accepts the form; refused while the police part is empty (neither answered nor
	 * declared free of sensitive findings by the station).
	 */
	void accept(ChecklistTemplate template, String by, Instant at, String comment) {
		require(state == InspectionState.SUBMITTED, "只有已提交的检查表才能验收");
		List<ChecklistItem> missing = policePartMissing(template);
		if (!missing.isEmpty()) {
			throw new InvalidInputException("police",
					"公安填报部分尚未完成（" + String.join("、", missing.stream().map(ChecklistItem::label).toList())
							+ "）：须由属地派出所填写，或由派出所声明“无涉敏问题”后才能验收");
		}
		state = InspectionState.ACCEPTED;
		reviewedBy = by;
		reviewedAt = at;
		reviewComment = comment;
	}

	void returnForRework(String by, Instant at, String comment) {
		require(state == InspectionState.SUBMITTED, "只有已提交待验收的检查表才能退回");
		require(comment != null && !comment.isBlank(), "退回须说明理由");
		state = InspectionState.RETURNED;
		reviewedBy = by;
		reviewedAt = at;
		reviewComment = comment.strip();
	}

	/** Picked for the city's sampling check (抽查). */
	boolean pickForSampling() {
		if (state != InspectionState.ACCEPTED || sampled) {
			return false;
		}
		sampled = true;
		return true;
	}

	void recordSample(boolean passed, String by, Instant at, String comment) {
		require(sampled && sampleResult == null && state == InspectionState.ACCEPTED, "该检查表未被抽中或已有抽查结论");
		if (passed) {
			sampleResult = SAMPLE_PASSED;
			return;
		}
		require(comment != null && !comment.isBlank(), "抽查不合格须说明理由");
		sampleResult = SAMPLE_FAILED;
		state = InspectionState.RETURNED;
		reviewedBy = by;
		reviewedAt = at;
		reviewComment = "市级抽查不合格：" + comment.strip();
	}

	/** Not submitted by its complete-by date (逾期未报). */
	public boolean missed(LocalDate today) {
		return state.editable() && today.isAfter(due);
	}

	/** The answer to an item, wherever it is kept. */
	public String answer(ChecklistItem item) {
		return item.sensitive() ? sensitiveAnswers.get(item.key()) : answers.get(item.key());
	}

	/** Each item with its answer and verdict; sensitive items only for police users. */
	public List<Finding> findings(ChecklistTemplate template, boolean police) {
		List<Finding> findings = new ArrayList<>();
		for (ChecklistTemplate.Section section : template.sections()) {
			for (ChecklistItem item : section.items()) {
				if (item.sensitive() && !police) {
					findings.add(new Finding(section.title(), item, null, "（敏感信息，由公安机关掌握）", null, true, ""));
					continue;
				}
				String value = answer(item);
				Verdict verdict = item.judge(value);
				String requirement = item.requirement();
				ChecklistItem reference = item.atLeast() == null ? null : template.item(item.atLeast()).orElse(null);
				if (reference != null && (verdict == Verdict.PASS || verdict == Verdict.RECORDED)) {
					java.math.BigDecimal mine = ChecklistItem.number(value);
					String theirs = answer(reference);
					java.math.BigDecimal other = theirs == null ? null : ChecklistItem.number(theirs);
					if (mine != null && other != null) {
						boolean reaches = mine.compareTo(other) >= 0;
						verdict = reaches ? Verdict.PASS : Verdict.FAIL;
						requirement = "应不少于“" + reference.label() + "”（" + theirs + "）";
					}
				}
				findings
					.add(new Finding(section.title(), item, value, item.display(value), verdict, false, requirement));
			}
		}
		return findings;
	}

	/**
	 * The posture facts the answers set, for the accepted form to update the school's
	 * posture.
	 */
	public Map<String, String> postureFacts(ChecklistTemplate template) {
		Map<String, String> facts = new HashMap<>();
		for (ChecklistItem item : template.items()) {
			String value = answer(item);
			if (value == null || ChecklistItem.NOT_APPLICABLE.equals(value)) {
				continue;
			}
			item.posture().forEach(fact -> facts.put(fact, value));
		}
		return facts;
	}

	/**
	 * An item's answer and verdict, as one row of the review page and the forms.
	 *
	 * @param hidden the item is sensitive and the reader is not police
	 */
	public record Finding(String section, ChecklistItem item, String value, String shown, Verdict verdict,
			boolean hidden, String requirement) {

		public boolean failing() {
			return verdict == Verdict.FAIL;
		}

		/** Why a failing answer fails, citing the clause. */
		public String explanation() {
			if (!failing()) {
				return "";
			}
			return "填报“" + shown + "”，" + requirement + (item.clause() == null ? "" : "（依据：" + item.clause() + "）");
		}

	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new InvalidInputException("state", message);
		}
	}

	public long id() {
		return id;
	}

	public long campaignId() {
		return campaignId;
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

	public String stationName() {
		return stationName;
	}

	public LocalDate due() {
		return due;
	}

	public InspectionState state() {
		return state;
	}

	Map<String, String> answers() {
		return answers;
	}

	Map<String, String> sensitiveAnswers() {
		return sensitiveAnswers;
	}

	public String headmaster() {
		return headmaster;
	}

	public String cosignedBy() {
		return cosignedBy;
	}

	public String cosignedStation() {
		return cosignedStation;
	}

	public Instant cosignedAt() {
		return cosignedAt;
	}

	public String submittedBy() {
		return submittedBy;
	}

	public Instant submittedAt() {
		return submittedAt;
	}

	public String reviewedBy() {
		return reviewedBy;
	}

	public Instant reviewedAt() {
		return reviewedAt;
	}

	public String reviewComment() {
		return reviewComment;
	}

	public boolean sampled() {
		return sampled;
	}

	public String sampleResult() {
		return sampleResult;
	}

	/** The officer who declared the school free of sensitive findings, if any. */
	public String noSensitiveFindingsBy() {
		return noSensitiveFindingsBy;
	}

	public Instant noSensitiveFindingsAt() {
		return noSensitiveFindingsAt;
	}

	public int version() {
		return version;
	}

}
