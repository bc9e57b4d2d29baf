package cn.hxay.posture;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.hxay.audit.AuditTrail;
import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.ClusterLock;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.Violation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The posture module's API: read a school's posture now or on a past date, and record a
 * new version.
 */
@Service
@Transactional(readOnly = true)
public class Postures {

	private final PostureStore store;

	private final SchoolRegistry schools;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ClusterLock locks;

	Postures(PostureStore store, SchoolRegistry schools, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock, ClusterLock locks) {
		this.store = store;
		this.locks = locks;
		this.schools = schools;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** The posture in force now, or an all-unknown posture if none was ever reported. */
	public SecurityPosture current(long schoolId) {
		return asOf(schoolId, OffsetDateTime.now(clock));
	}

	public SecurityPosture asOf(long schoolId, OffsetDateTime time) {
		return store.asOf(schoolId, time).map(PostureVersion::posture).orElse(SecurityPosture.unreported());
	}

	public List<PostureVersion> history(DataScope scope, long schoolId) {
		schools.get(scope, schoolId);
		return store.history(schoolId);
	}

	/**
	 * One page of a school's history, newest first, each version with the facts it
	 * changed against the one before it.
	 */
	public Paged<VersionChange> historyPage(DataScope scope, long schoolId, PageRequest request) {
		schools.get(scope, schoolId);
		List<PostureVersion> rows = store.historyPage(schoolId, request.offset(), request.size());
		List<VersionChange> page = new ArrayList<>();
		for (int i = 0; i < Math.min(rows.size(), request.size()); i++) {
			SecurityPosture before = i + 1 < rows.size() ? rows.get(i + 1).posture() : SecurityPosture.unreported();
			page.add(new VersionChange(rows.get(i), changes(before, rows.get(i).posture())));
		}
		return new Paged<>(page, request.page(), request.size(), store.count(schoolId));
	}

	/** A version and the facts it changed against the one before it. */
	public record VersionChange(PostureVersion version, List<String> changes) {
	}

	/** The facts that differ between two postures, by their Chinese names. */
	static List<String> changes(SecurityPosture before, SecurityPosture after) {
		List<String> changes = new ArrayList<>(PostureFacts.changed(before, after));
		if (!java.util.Objects.equals(before.guards(), after.guards())) {
			changes.add("保安员名单");
		}
		return changes;
	}

	/**
	 * The posture in force for a caller who may see the school: its version (0 when none
	 * was recorded) and facts.
	 */
	public PostureVersion currentFor(DataScope scope, long schoolId) {
		schools.get(scope, schoolId);
		return currentVersion(schoolId)
			.orElse(new PostureVersion(0, schoolId, null, null, SecurityPosture.unreported()));
	}

	/**
	 * Replaces the posture as a whole (the API's PUT), if the version in force is still
	 * {@code expectedVersion} (0: none recorded yet). A guard sent without an ID number,
	 * or with the masked one the API gave out, keeps the stored number of the guard of
	 * the same name (and mask): full numbers never make the round trip. Compliance
	 * follows through {@link PostureChanged}.
	 * @throws ConcurrentEditException when another version was recorded since
	 * @throws InvalidInputException with every problem by field, in Chinese
	 */
	@Transactional
	public PostureVersion replace(CurrentUser user, DataScope scope, long schoolId, long expectedVersion,
			SecurityPosture submitted) {
		School school = schools.get(scope, schoolId);
		if (!schools.mayChange(user, scope, school)) {
			throw new ForbiddenException("您无权修改该学校的安全防范情况");
		}
		locks.await("posture:" + schoolId);
		Optional<PostureVersion> current = currentVersion(schoolId);
		if (current.map(PostureVersion::id).orElse(0L) != expectedVersion) {
			throw new ConcurrentEditException("学校“" + school.name() + "”的安全防范情况");
		}
		SecurityPosture base = current.map(PostureVersion::posture).orElse(SecurityPosture.unreported());
		List<Violation> problems = new ArrayList<>();
		List<Guard> guards = keepIdNumbers(base.guardList(), submitted.guards(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return recordAs(user.username(), schoolId, submitted.withGuards(guards), OffsetDateTime.now(clock));
	}

	/**
	 * The submitted guards with the stored ID number put back where the number was left
	 * out or sent masked; a masked number that matches no stored guard is refused.
	 */
	static List<Guard> keepIdNumbers(List<Guard> stored, List<Guard> submitted, List<Violation> problems) {
		if (submitted == null) {
			return null;
		}
		boolean[] used = new boolean[stored.size()];
		List<Guard> guards = new ArrayList<>(submitted.size());
		for (int i = 0; i < submitted.size(); i++) {
			Guard g = submitted.get(i);
			if (g == null) {
				problems.add(Violation.of("guards[" + i + "]", "第 " + (i + 1) + " 名保安员为空"));
				continue;
			}
			String number = g.idNumber() == null || g.idNumber().isBlank() ? null : g.idNumber().strip();
			if (number != null && !number.contains("*")) {
				guards.add(new Guard(g.name(), number.toUpperCase(), g.certificateNumber(), g.birthDate(), g.fullTime(),
						g.employer()));
				continue;
			}
			String name = g.name() == null ? "" : g.name().strip();
			int match = -1;
			for (int j = 0; j < stored.size() && match < 0; j++) {
				if (!used[j] && name.equals(stored.get(j).name())
						&& (number == null || number.equals(stored.get(j).maskedIdNumber()))) {
					match = j;
				}
			}
			for (int j = 0; j < stored.size() && match < 0 && number != null; j++) {
				if (!used[j] && number.equals(stored.get(j).maskedIdNumber())) {
					match = j;
				}
			}
			if (match >= 0) {
				used[match] = true;
				number = stored.get(match).idNumber();
			}
			else if (number != null) {
				problems.add(Violation.of("guards[" + i + "].idNumber",
						"第 " + (i + 1) + " 名保安员的身份证号是脱敏号码，原名单中没有对应的保安员：请填写完整的 18 位号码，或留空"));
				continue;
			}
			guards.add(new Guard(g.name(), number, g.certificateNumber(), g.birthDate(), g.fullTime(), g.employer()));
		}
		return guards;
	}

	/** The posture as the API shows it: every ID number masked. */
	static SecurityPosture masked(SecurityPosture p) {
		if (!p.guardsReported()) {
			return p;
		}
		return p.withGuards(p.guardList()
			.stream()
			.map(g -> new Guard(g.name(), g.maskedIdNumber(), g.certificateNumber(), g.birthDate(), g.fullTime(),
					g.employer()))
			.toList());
	}

	/** The version in force now, if any was recorded (for the page: its id and facts). */
	Optional<PostureVersion> currentVersion(long schoolId) {
		return store.asOf(schoolId, OffsetDateTime.now(clock));
	}

	/**
	 * Records what the posture page sent. ID numbers the page left blank on a stored
	 * guard's row are kept from the version the page was made from: full numbers never
	 * make the round trip through the browser.
	 */
	@Transactional
	PostureVersion record(CurrentUser user, DataScope scope, long schoolId, PostureForm form) {
		School school = schools.get(scope, schoolId);
		if (!schools.mayChange(user, scope, school)) {
			throw new ForbiddenException("您无权修改该学校的安全防范情况");
		}
		if (form.facts() == null || form.facts().isEmpty()) {
			// the page always sends every item: a form without them is not the page's,
			// and
			// saving it would blank the school's posture
			throw new InvalidInputException("facts", "表单不完整（缺少安全防范项目），请刷新页面后重填；没有保存任何内容");
		}
		SecurityPosture next = form.toPosture(base(schoolId, form.baseVersion()));
		java.util.Optional<PostureVersion> current = currentVersion(schoolId);
		if (current.isPresent() && current.get().posture().equals(next)) {
			// nothing changed: no new version, no re-evaluation
			return current.get();
		}
		return recordAs(user.username(), schoolId, next, OffsetDateTime.now(clock));
	}

	private SecurityPosture base(long schoolId, String versionId) {
		if (versionId == null || versionId.isBlank()) {
			return current(schoolId);
		}
		return store.version(schoolId, Long.parseLong(versionId))
			.map(PostureVersion::posture)
			.orElseThrow(() -> new InvalidInputException("baseVersion", "页面所依据的版本不存在，请刷新后重填"));
	}

	/**
	 * The full ID number of one guard, for an editor of the school who states why; every
	 * reveal is audited. Nobody else ever receives a full number.
	 * @param index the guard's position in the version
	 */
	@Transactional
	public String revealIdNumber(CurrentUser user, DataScope scope, long schoolId, long versionId, int index,
			String reason) {
		School school = schools.get(scope, schoolId);
		if (!schools.mayChange(user, scope, school)) {
			throw new ForbiddenException("只有可修改本校安全防范情况的人员才能查看完整身份证号");
		}
		String why = reason == null ? "" : reason.strip();
		if (why.length() < 2 || why.length() > 200) {
			throw new InvalidInputException("reason", "请填写查看完整身份证号的理由（2–200 字）");
		}
		List<Guard> guards = store.version(schoolId, versionId)
			.map(v -> v.posture().guardList())
			.orElseThrow(() -> new NotFoundException("安全防范情况版本不存在"));
		if (index < 0 || index >= guards.size() || guards.get(index).idNumber() == null) {
			throw new NotFoundException("该保安员没有登记身份证号");
		}
		Guard guard = guards.get(index);
		audit.record("GUARD_ID_NUMBER_REVEALED", "school", schoolId,
				"查看保安员“" + guard.name() + "”的完整身份证号（版本 " + versionId + "），理由：" + why);
		return guard.idNumber();
	}

	/**
	 * The facts an accepted inspection may update: those of {@link PostureFacts} (every
	 * yes/no fact, the working team's lead and the plain numbers). Guards are a list of
	 * people and are never set from a count.
	 */
	public static final java.util.Set<String> AMENDABLE_FACTS = PostureFacts.AMENDABLE;

	/**
	 * How a version set from another module's records starts its "recorded by" (e.g.
	 * 来自巡更记录): the posture page shows it as the source of the facts it set.
	 */
	public static final String FROM_RECORDS = "来自";

	/**
	 * Records a new version that changes only the given facts
	 * ({@code "true"}/{@code "false"} for yes/no, digits for numbers); returns empty when
	 * nothing changes.
	 */
	@Transactional
	public java.util.Optional<PostureVersion> amend(String recordedBy, long schoolId, Map<String, String> facts) {
		SecurityPosture current = current(schoolId);
		SecurityPosture next = current.amended(facts);
		if (next.equals(current)) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(recordAs(recordedBy, schoolId, next, OffsetDateTime.now(clock)));
	}

	/** Current postures of all schools that reported one, for bulk evaluation. */
	public Map<Long, SecurityPosture> currentForAll() {
		return store.currentForAll(OffsetDateTime.now(clock));
	}

	public boolean anyRecorded() {
		return store.any();
	}

	/**
	 * Records a new version in force from now. The school's own safety lead and education
	 * administrators in scope may do so.
	 */
	@Transactional
	public PostureVersion record(CurrentUser user, DataScope scope, long schoolId, SecurityPosture posture) {
		School school = schools.get(scope, schoolId);
		if (!schools.mayChange(user, scope, school)) {
			throw new ForbiddenException("您无权修改该学校的安全防范情况");
		}
		return recordAs(user.username(), schoolId, posture, OffsetDateTime.now(clock));
	}

	/** Records a version on behalf of the platform (demo data, accepted inspections). */
	@Transactional
	public PostureVersion recordAs(String recordedBy, long schoolId, SecurityPosture posture,
			OffsetDateTime validFrom) {
		List<Violation> problems = violations(posture, PlatformTime.dayOf(validFrom));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = store.insert(schoolId, validFrom, recordedBy, posture);
		audit.record("POSTURE_RECORDED", "school", schoolId,
				"保安 " + posture.guardCount() + " 名，视频保存 " + posture.videoRetentionDays() + " 天");
		events.publishEvent(new PostureChanged(schoolId));
		return new PostureVersion(id, schoolId, validFrom, recordedBy, posture);
	}

	static List<Violation> violations(SecurityPosture p, LocalDate today) {
		List<Violation> problems = new ArrayList<>();
		nonNegative(problems, "dormitoryManagers", p.dormitoryManagers(), "宿舍管理员人数", 500);
		nonNegative(problems, "cameras", p.cameras(), "视频探头数量", 10_000);
		nonNegative(problems, "videoRetentionDays", p.videoRetentionDays(), "视频保存天数", 3650);
		if (p.perimeterHeightMetres() != null && (p.perimeterHeightMetres().signum() < 0
				|| p.perimeterHeightMetres().compareTo(BigDecimal.TEN) > 0)) {
			problems.add(Violation.of("perimeterHeightMetres", "围墙高度应在 0–10 米之间"));
		}
		p.equipment().forEach((kind, count) -> {
			if (count == null || count < 0 || count > 1000) {
				problems.add(Violation.of("equipment", kind.label() + "数量应为 0–1000"));
			}
		});
		if (p.workingTeamLead() != null && p.workingTeamLead().length() > 100) {
			problems.add(Violation.of("workingTeamLead", "工作专班负责人不能超过 100 字"));
		}
		if (p.guardList().size() > 200) {
			problems.add(Violation.of("guards", "保安员最多 200 名"));
		}
		for (int i = 0; i < p.guardList().size(); i++) {
			Guard guard = p.guardList().get(i);
			String label = "第 " + (i + 1) + " 名保安员";
			if (guard.name() != null && guard.name().length() > 50 || tooLong(guard.certificateNumber(), 50)
					|| tooLong(guard.employer(), 100)) {
				problems.add(Violation.of("guards", label + "的姓名、保安员证号不能超过 50 字，派遣单位不能超过 100 字"));
			}
			if (guard.name() == null || guard.name().isBlank()) {
				problems.add(Violation.of("guards", label + "缺少姓名"));
			}
			if (guard.idNumber() != null && !guard.idNumber().matches("\\d{17}[0-9Xx]")) {
				problems.add(Violation.of("guards", label + "的身份证号应为 18 位"));
			}
			if (guard.birthDate() != null && (guard.birthDate().isAfter(today.minusYears(16))
					|| guard.birthDate().isBefore(today.minusYears(90)))) {
				problems.add(Violation.of("guards", label + "的出生日期不合理"));
			}
		}
		return problems;
	}

	private static boolean tooLong(String value, int max) {
		return value != null && value.length() > max;
	}

	private static void nonNegative(List<Violation> problems, String field, Integer value, String label, int max) {
		if (value != null && (value < 0 || value > max)) {
			problems.add(Violation.of(field, label + "应为 0–" + max + " 的整数"));
		}
	}

}
