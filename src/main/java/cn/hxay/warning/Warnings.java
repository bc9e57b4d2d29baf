package cn.hxay.warning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.hxay.audit.AuditTrail;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.notification.EventType;
import cn.hxay.notification.Notifications;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.Organisations;
import cn.hxay.organisation.Region;
import cn.hxay.school.School;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.ClusterLock;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.Violation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The warning module's API: send a warning to the schools of the sender's scope, read and
 * reply as a school, see the receipts, and escalate what stays unread. Anything outside
 * the reader's scope is reported as not found.
 */
@Service
@Transactional(readOnly = true)
public class Warnings {

	/** Education bureaus and police units send; schools and the read-only 督导员 do not. */
	public static final Set<Role> SENDERS = Set.of(Role.CITY_EDUCATION_ADMIN, Role.COUNTY_EDUCATION_ADMIN,
			Role.CITY_POLICE, Role.COUNTY_POLICE, Role.STATION_OFFICER);

	static final int TITLE_MAX = 100;

	static final int BODY_MAX = 4000;

	static final Duration LONGEST = Duration.ofDays(30);

	private final WarningStore store;

	private final SchoolRegistry schools;

	private final Organisations organisations;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final ClusterLock clusterLock;

	private final Clock clock;

	Warnings(WarningStore store, SchoolRegistry schools, Organisations organisations, Notifications notifications,
			AuditTrail audit, ClusterLock clusterLock, Clock clock) {
		this.store = store;
		this.schools = schools;
		this.organisations = organisations;
		this.notifications = notifications;
		this.audit = audit;
		this.clusterLock = clusterLock;
		this.clock = clock;
	}

	public boolean maySend(CurrentUser user) {
		return !user.readOnly() && user.roles().stream().anyMatch(SENDERS::contains);
	}

	/** The newest warnings the reader sees, with counts over the receipts it sees. */
	/**
	 * The warnings of {@link #list} that a school in the reader's scope has not read yet
	 * (for a school: the ones it has not read).
	 */
	public List<WarningSummary> unreadList(DataScope scope) {
		return list(scope).stream().filter(w -> w.unread() > 0).toList();
	}

	public List<WarningSummary> list(DataScope scope) {
		return store.summaries(scope, 200);
	}

	public WarningView view(DataScope scope, long id) {
		Warning w = store.byId(scope, id).orElseThrow(Warnings::notFound);
		return new WarningView(w, store.receipts(scope, id));
	}

	/**
	 * Sends a warning to every school of the sender's scope that matches the county and
	 * kind given: one delivery per school.
	 */
	@Transactional
	public Warning send(CurrentUser user, DataScope scope, NewWarning form) {
		if (!maySend(user)) {
			throw new ForbiddenException("只有教育行政部门和公安机关可以发布预警");
		}
		Instant now = clock.instant();
		List<Violation> problems = new ArrayList<>();
		if (form == null) {
			throw new InvalidInputException("title", "请填写预警内容");
		}
		if (form.level() == null) {
			problems.add(Violation.of("level", "请选择预警级别"));
		}
		if (form.title() == null || form.title().isBlank() || form.title().strip().length() > TITLE_MAX) {
			problems.add(Violation.of("title", "请填写标题（" + TITLE_MAX + " 字以内）"));
		}
		if (form.body() == null || form.body().isBlank() || form.body().strip().length() > BODY_MAX) {
			problems.add(Violation.of("body", "请填写预警内容（" + BODY_MAX + " 字以内）"));
		}
		Instant acknowledgeBy = form.acknowledgeBy() == null ? null
				: form.acknowledgeBy().atZone(PlatformTime.ZONE).toInstant();
		if (acknowledgeBy == null) {
			problems.add(Violation.of("acknowledgeBy", "请填写签收期限"));
		}
		else if (!acknowledgeBy.isAfter(now) || acknowledgeBy.isAfter(now.plus(LONGEST))) {
			problems.add(Violation.of("acknowledgeBy", "签收期限应晚于现在，且不超过 30 天"));
		}
		String region = form.regionCode() == null || form.regionCode().isBlank() ? null : form.regionCode().strip();
		if (region != null && (!Region.isValidCode(region)
				|| organisations.regions().stream().noneMatch(r -> r.code().equals(region)))) {
			problems.add(Violation.of("regionCode", "所选县（区）不存在"));
		}
		List<School> targets = new ArrayList<>();
		if (problems.isEmpty()) {
			schools.forEach(scope, new SchoolFilter(null, region, null, form.schoolKind(), null, null), targets::add);
			if (targets.isEmpty()) {
				problems.add(Violation.of("regionCode", "所选范围内没有学校"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Organisation unit = organisations.get(user.organisationId());
		NewWarning clean = new NewWarning(form.level(), form.title(), form.body(), form.acknowledgeBy(), region,
				form.schoolKind());
		long id = store.insert(clean, acknowledgeBy, now, unit.id(), unit.name(), user.username(), user.displayName());
		for (School school : targets) {
			store.deliver(id, school);
		}
		audit.record("WARNING_SENT", "warning", id,
				form.level().label() + " · " + form.title().strip() + " · " + targets.size() + " 所学校");
		return store.unscoped(id);
	}

	/**
	 * The reader's school signs the read receipt (once; reading again changes nothing).
	 * Only the school's own users sign.
	 */
	@Transactional
	public Receipt markRead(CurrentUser user, DataScope scope, long id) {
		Receipt receipt = ownReceipt(user, scope, id);
		if (receipt.needsReading()
				&& store.markRead(receipt.id(), user.username(), user.displayName(), clock.instant())) {
			audit.record("WARNING_READ", "warning", id, receipt.schoolName());
		}
		return store.receiptOfSchoolUnit(id, user.organisationId()).orElseThrow();
	}

	/** The school replies with the measures taken; a reply signs the read receipt too. */
	@Transactional
	public Receipt reply(CurrentUser user, DataScope scope, long id, String text) {
		Receipt receipt = ownReceipt(user, scope, id);
		String accepted = receipt.acceptReply(text);
		Instant now = clock.instant();
		if (receipt.needsReading()) {
			store.markRead(receipt.id(), user.username(), user.displayName(), now);
		}
		if (!store.reply(receipt.id(), accepted, user.username(), user.displayName(), now)) {
			throw new ConcurrentEditException("本校已回复过此预警");
		}
		audit.record("WARNING_REPLIED", "warning", id, receipt.schoolName());
		return store.receiptOfSchoolUnit(id, user.organisationId()).orElseThrow();
	}

	private Receipt ownReceipt(CurrentUser user, DataScope scope, long id) {
		store.byId(scope, id).orElseThrow(Warnings::notFound);
		if (!user.hasRole(Role.SCHOOL_SAFETY_LEAD)) {
			throw new ForbiddenException("只有收到预警的学校可以签收和回复");
		}
		return store.receiptOfSchoolUnit(id, user.organisationId())
			.orElseThrow(() -> new ForbiddenException("只有收到预警的学校可以签收和回复"));
	}

	static final int MAX_FILES = 5;

	/** The files sent with a warning the reader sees. */
	public List<WarningFile> files(DataScope scope, long id) {
		store.byId(scope, id).orElseThrow(Warnings::notFound);
		return store.files(id);
	}

	/**
	 * The sender's side (a sender whose scope covers the sending unit) adds a file: a PDF
	 * or a photo, checked by its own bytes.
	 */
	@Transactional
	public WarningFile attach(CurrentUser user, DataScope scope, long id, String fileName, byte[] bytes) {
		mustAttach(user, scope, id);
		String type = WarningFile.checkedType(bytes);
		if (store.files(id).size() >= MAX_FILES) {
			throw new InvalidInputException("file", "每条预警最多 " + MAX_FILES + " 个附件");
		}
		String name = WarningFile.cleanName(fileName, type);
		long fileId = store.insertFile(id, name, type, bytes, user.displayName(), clock.instant());
		audit.record("WARNING_FILE_ADDED", "warning", id, name);
		return store.files(id).stream().filter(f -> f.id() == fileId).findFirst().orElseThrow();
	}

	/** Refuses anyone but the sender's side (404 outside the scope, then 403). */
	public void mustAttach(CurrentUser user, DataScope scope, long id) {
		Warning w = store.byId(scope, id).orElseThrow(Warnings::notFound);
		if (!maySend(user) || !scope.covers(w.senderUnitId())) {
			throw new ForbiddenException("只有发布单位（及其上级）可以添加附件");
		}
	}

	/**
	 * A file's bytes: only for the sender's scope and the schools the warning went to.
	 */
	public Download download(CurrentUser user, DataScope scope, long id, long fileId) {
		Warning w = store.byId(scope, id).orElseThrow(Warnings::notFound);
		boolean receivingSchool = store.receiptOfSchoolUnit(id, user.organisationId()).isPresent();
		if (!scope.covers(w.senderUnitId()) && !receivingSchool) {
			throw new ForbiddenException("预警附件只供发布单位及其上级和收到预警的学校下载");
		}
		WarningFile file = store.files(id)
			.stream()
			.filter(f -> f.id() == fileId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("附件不存在"));
		return new Download(file, store.fileBytes(id, fileId).orElseThrow());
	}

	/** A file with its bytes. */
	public record Download(WarningFile file, byte[] bytes) {
	}

	/**
	 * The schools in the reader's scope that have not read the warning, a page at a time
	 * (the sender's "who has not read" list); the total equals the unread count.
	 */
	public cn.hxay.shared.Paged<Receipt> unread(DataScope scope, long id, cn.hxay.shared.PageRequest page) {
		store.byId(scope, id).orElseThrow(Warnings::notFound);
		return store.unread(scope, id, page);
	}

	/**
	 * One run of the escalation at the given moment: a reminder for every delivery unread
	 * when half its time is gone, and a webhook notification (for SMS) for every one
	 * still unread after acknowledge-by, each once per school. Skipped when another node
	 * is running it.
	 */
	@Transactional
	public Escalated escalate(Instant now) {
		if (!clusterLock.tryTake("warning.escalation")) {
			return new Escalated(0, 0);
		}
		List<Receipt> reminded = store.claimReminders(now);
		for (Receipt r : reminded) {
			audit.record("WARNING_REMINDED", "warning", r.warningId(), r.schoolName() + " 未读，已催阅");
		}
		List<Receipt> escalated = store.claimEscalations(now);
		Map<Long, Warning> warnings = new LinkedHashMap<>();
		for (Receipt r : escalated) {
			Warning w = warnings.computeIfAbsent(r.warningId(), store::unscoped);
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("warningId", w.id());
			data.put("level", w.level().label());
			data.put("title", w.title());
			data.put("sender", w.senderUnit());
			data.put("acknowledgeBy", PlatformTime.MINUTE.format(w.acknowledgeBy()));
			data.put("schoolId", r.schoolId());
			data.put("school", r.schoolName());
			notifications.notify(EventType.WARNING_UNREAD, "预警逾期未读：" + r.schoolName() + " · " + w.title(), data);
			audit.record("WARNING_ESCALATED", "warning", r.warningId(), r.schoolName() + " 逾期未读，已推送短信通知");
		}
		return new Escalated(reminded.size(), escalated.size());
	}

	/** What one escalation run did. */
	public record Escalated(int reminders, int notifications) {
	}

	private static NotFoundException notFound() {
		return new NotFoundException("预警不存在或不在您的管辖范围内");
	}

}
