package cn.hxay.tip;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.hxay.audit.AuditTrail;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.notification.EventType;
import cn.hxay.notification.Notifications;
import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.documents.Photos;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tip module's API. The public side files a tip for a school and follows it with the
 * claim code; the handlers (the school's safety lead, the education bureaus, and the
 * police for the tips that went to them) read, reply, note, refer and close within their
 * scope. Anything outside a handler's scope is reported as not found. The reporter's
 * actions are not written to the audit log, which keeps the client address: nothing about
 * the reporter is stored unless they type it in.
 */
@Service
@Transactional(readOnly = true)
public class Tips {

	/** Who handles tips: education bureaus, police units and the school's safety lead. */
	public static final Set<Role> HANDLERS = Set.of(Role.CITY_EDUCATION_ADMIN, Role.COUNTY_EDUCATION_ADMIN,
			Role.CITY_POLICE, Role.COUNTY_POLICE, Role.STATION_OFFICER, Role.SCHOOL_SAFETY_LEAD);

	static final int MAX_PHOTOS = 5;

	static final int MAX_MESSAGES = 50;

	private final TipStore store;

	private final TipThrottle throttle;

	private final SchoolRegistry schools;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final Clock clock;

	private final Triage triage;

	Tips(TipStore store, TipThrottle throttle, SchoolRegistry schools, Notifications notifications, AuditTrail audit,
			Clock clock, @Value("${hxay.tip.investigation-days:10}") int investigationDays) {
		this.store = store;
		this.throttle = throttle;
		this.schools = schools;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
		this.triage = new Triage(investigationDays);
	}

	/** The days the 欺凌治理委员会 has for an investigation (default 10, configurable). */
	public int investigationDays() {
		return triage.investigationDays();
	}

	// ---- the public side -------------------------------------------------------------

	/** The school a public page is for: only its id and name. */
	public record PublicSchool(long id, String name) {
	}

	/** A tip just filed, with its claim code (shown once, never stored). */
	public record Filed(long tipId, String claimCode, Tip tip) {
	}

	/** The source has used up its allowance; try again later. */
	public static class Throttled extends RuntimeException {

		Throttled(String message) {
			super(message);
		}

	}

	public PublicSchool publicSchool(long schoolId) {
		try {
			School school = schools.get(DataScope.everything(false), schoolId);
			return new PublicSchool(school.id(), school.name());
		}
		catch (NotFoundException ex) {
			throw new NotFoundException("没有这所学校，请检查链接或扫描学校张贴的二维码");
		}
	}

	/**
	 * Files a tip for a school, routes it ({@link Triage}) and tells the police at once
	 * when it goes to them. {@code source} is the client address, used only for the rate
	 * limit (kept as a keyed hash with an expiry), never stored with the tip.
	 */
	@Transactional
	public Filed file(long schoolId, NewTip form, String source) {
		School school = schools.get(DataScope.everything(false), schoolId);
		if (throttle.exhausted(source, TipThrottle.FILE)) {
			throw new Throttled("提交过于频繁，请稍后再试。如情况紧急，请立即拨打 110。");
		}
		NewTip clean = new NewTip(form.category(), form.reporter(), Tip.text("body", form.body(), "请写下发生了什么"),
				blankToNull(form.place()), blankToNull(form.contactName()), blankToNull(form.contactPhone()));
		Instant now = clock.instant();
		Triage.Route route = triage.route(clean.category(), PlatformTime.dayOf(now));
		String code = ClaimCodes.newCode();
		long id = store.insert(school.id(), school.name(), school.units(), clean, ClaimCodes.hash(code), now, route);
		throttle.count(source, TipThrottle.FILE);
		Tip tip = store.unscoped(id).orElseThrow();
		if (route.police()) {
			tellPolice(tip);
		}
		return new Filed(id, code, tip);
	}

	/**
	 * The tip a claim code opens, or a Chinese refusal; wrong codes count against the
	 * source.
	 */
	@Transactional
	public long claim(String typedCode, String source) {
		if (throttle.exhausted(source, TipThrottle.CLAIM)) {
			throw new Throttled("认领码错误次数过多，请稍后再试。");
		}
		String code = ClaimCodes.normalised(typedCode);
		if (code == null) {
			throw new InvalidInputException("code", "认领码是 20 位字母和数字（如 ABCD-EFGH-JKLM-NPQR-STUV），请核对后重新输入");
		}
		Optional<Tip> tip = store.byClaim(ClaimCodes.hash(code));
		if (tip.isEmpty()) {
			throttle.count(source, TipThrottle.CLAIM);
			throw new InvalidInputException("code", "认领码不正确，请核对后重新输入");
		}
		return tip.get().id();
	}

	/** What the reporter sees: their tip, the replies and their own additions. */
	public record ReporterView(Tip tip, List<TipMessage> messages, int photos) {
	}

	public ReporterView reporterView(long tipId) {
		Tip tip = store.unscoped(tipId).orElseThrow(Tips::notFound);
		return new ReporterView(tip, store.messages(tipId).stream().filter(TipMessage::shownToReporter).toList(),
				store.attachments(tipId).size());
	}

	/** The reporter adds information (not after the tip is closed). */
	@Transactional
	public void addFromReporter(long tipId, String text) {
		Tip tip = openForReporter(tipId);
		String body = Tip.text("text", text, "请写下要补充的情况");
		if (store.messages(tipId).size() >= MAX_MESSAGES) {
			throw new InvalidInputException("text", "补充次数已达上限，请直接联系学校或拨打 110");
		}
		store.insertMessage(tip.id(), TipMessage.Kind.REPORTER, null, null, body, clock.instant());
	}

	/** The reporter adds a photo, checked like every evidence photo. */
	@Transactional
	public void addPhotoFromReporter(long tipId, byte[] bytes) {
		Tip tip = openForReporter(tipId);
		String type = Photos.checkedType(bytes);
		if (store.attachments(tipId).size() >= MAX_PHOTOS) {
			throw new InvalidInputException("photo", "每条求助最多 " + MAX_PHOTOS + " 张照片");
		}
		store.insertAttachment(tip.id(), type, bytes, clock.instant());
	}

	private Tip openForReporter(long tipId) {
		Tip tip = store.unscoped(tipId).orElseThrow(Tips::notFound);
		if (tip.closed()) {
			throw new InvalidInputException("text", "此求助已办结；如仍需帮助，请重新提交求助");
		}
		return tip;
	}

	// ---- the handlers ----------------------------------------------------------------

	public boolean mayHandle(CurrentUser user) {
		return user.roles().stream().anyMatch(HANDLERS::contains);
	}

	/** Police users see only the tips that went to the police. */
	public static boolean policeSide(CurrentUser user) {
		return user.hasAnyRole(Role.CITY_POLICE, Role.COUNTY_POLICE, Role.STATION_OFFICER);
	}

	/** A list filter: state {@code open} (default), {@code closed} or {@code all}. */
	public record Query(Long schoolId, TipCategory category, String state, boolean overdue) {

		TipStore.Filter filter(java.time.LocalDate today) {
			return new TipStore.Filter(schoolId, category, !overdue && (state == null || "open".equals(state)),
					!overdue && "closed".equals(state), overdue ? today : null);
		}

	}

	public Paged<Tip> search(CurrentUser user, DataScope scope, Query query, PageRequest page) {
		mustHandle(user);
		return store.search(scope, policeSide(user), query.filter(PlatformTime.today(clock)), page);
	}

	/** One tip with everything its handler sees. */
	public record TipView(Tip tip, List<TipMessage> messages, List<TipAttachment> attachments,
			List<CommitteeMember> committee, boolean overdue) {
	}

	public TipView view(CurrentUser user, DataScope scope, long id) {
		Tip tip = visible(user, scope, id);
		return new TipView(tip, store.messages(id), store.attachments(id),
				tip.category() == TipCategory.BULLYING ? store.committee(tip.schoolId()) : List.of(),
				tip.overdue(PlatformTime.today(clock)));
	}

	/** A reply the reporter reads with the claim code. */
	@Transactional
	public void reply(CurrentUser user, DataScope scope, long id, String text) {
		Tip tip = writable(user, scope, id);
		store.insertMessage(id, TipMessage.Kind.REPLY, side(user), user.displayName(),
				Tip.text("text", text, "请填写回复内容"), clock.instant());
		audit.record("TIP_REPLIED", "tip", id, tip.schoolName());
	}

	/** A follow-up note for the handlers only (调查、约谈、回访 …). */
	@Transactional
	public void note(CurrentUser user, DataScope scope, long id, String text) {
		Tip tip = writable(user, scope, id);
		store.insertMessage(id, TipMessage.Kind.NOTE, side(user), user.displayName(), Tip.text("text", text, "请填写跟进记录"),
				clock.instant());
		audit.record("TIP_NOTED", "tip", id, tip.schoolName());
	}

	/**
	 * Sends a tip to the police station later (e.g. a bullying case found to be a crime);
	 * the station sees it from then on and the webhook is told.
	 */
	@Transactional
	public void refer(CurrentUser user, DataScope scope, long id, String reason) {
		Tip tip = writable(user, scope, id);
		if (tip.referred()) {
			throw new ConcurrentEditException("此求助已转公安机关");
		}
		String why = Tip.text("reason", reason, "请填写转公安机关的原因");
		if (why.length() > 300) {
			throw new InvalidInputException("reason", "原因不能超过 300 字");
		}
		if (tip.closed()) {
			throw new InvalidInputException("reason", "此求助已办结");
		}
		store.refer(id, why, clock.instant());
		tellPolice(store.unscoped(id).orElseThrow());
		audit.record("TIP_REFERRED", "tip", id, tip.schoolName() + " · " + why);
	}

	/** Closes the tip with its conclusion, which the reporter reads. */
	@Transactional
	public void close(CurrentUser user, DataScope scope, long id, String conclusion) {
		Tip tip = writable(user, scope, id);
		String text = tip.acceptConclusion(conclusion);
		if (!store.close(id, text, user.displayName(), clock.instant())) {
			throw new ConcurrentEditException("此求助已办结");
		}
		audit.record("TIP_CLOSED", "tip", id, tip.schoolName());
	}

	public byte[] attachment(CurrentUser user, DataScope scope, long id, long attachmentId) {
		visible(user, scope, id);
		return store.attachmentBytes(id, attachmentId).orElseThrow(() -> new NotFoundException("照片不存在"));
	}

	// ---- committees ------------------------------------------------------------------

	/** The school a poster is for: the user's own, or one in scope. */
	public School schoolFor(CurrentUser user, DataScope scope, Long schoolId) {
		mustHandle(user);
		Optional<School> own = schools.ofUnit(scope, user.organisationId());
		if (own.isPresent()) {
			return own.get();
		}
		if (schoolId == null) {
			throw new InvalidInputException("school", "请选择学校");
		}
		return schools.get(scope, schoolId);
	}

	/** The school a committee page is about: the user's own, or one in scope. */
	public School committeeSchool(CurrentUser user, DataScope scope, Long schoolId) {
		mustHandle(user);
		if (policeSide(user)) {
			throw new ForbiddenException("学生欺凌治理委员会由学校和教育行政部门管理");
		}
		Optional<School> own = schools.ofUnit(scope, user.organisationId());
		if (own.isPresent()) {
			return own.get();
		}
		if (schoolId == null) {
			throw new InvalidInputException("school", "请选择学校");
		}
		return schools.get(scope, schoolId);
	}

	public List<CommitteeMember> committee(School school) {
		return store.committee(school.id());
	}

	/** The school's safety lead records a member of its committee. */
	@Transactional
	public void addMember(CurrentUser user, DataScope scope, String name, String duty, String phone) {
		School school = ownSchool(user, scope);
		String n = Tip.text("name", name, "请填写姓名");
		String d = Tip.text("duty", duty, "请填写职务（如 校长、法治副校长、家长代表）");
		String p = blankToNull(phone);
		List<cn.hxay.shared.Violation> problems = new java.util.ArrayList<>();
		if (n.length() > 50 || !n.matches(".*\\p{L}.*")) {
			problems.add(cn.hxay.shared.Violation.of("name", "请填写姓名（50 字以内）"));
		}
		if (d.length() > 50 || !d.matches(".*\\p{L}.*")) {
			problems.add(cn.hxay.shared.Violation.of("duty", "请填写职务（50 字以内）"));
		}
		if (p != null && !p.matches("\\+?[0-9][0-9\\- ]{4,18}")) {
			problems.add(cn.hxay.shared.Violation.of("phone", "电话只能是数字（可含 - 和空格），5 到 19 位"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (store.committee(school.id()).size() >= 30) {
			throw new InvalidInputException("name", "委员会最多 30 人");
		}
		store.insertMember(school.id(), school.units(), n, d, p, user.displayName(), clock.instant());
		audit.record("TIP_COMMITTEE_ADDED", "school", school.id(), n + " · " + d);
	}

	@Transactional
	public void removeMember(CurrentUser user, DataScope scope, Long memberId) {
		School school = ownSchool(user, scope);
		if (memberId == null) {
			throw new InvalidInputException("memberId", "请选择要移除的委员");
		}
		if (!store.removeMember(school.id(), memberId)) {
			throw new NotFoundException("委员不存在");
		}
		audit.record("TIP_COMMITTEE_REMOVED", "school", school.id(), "member " + memberId);
	}

	private School ownSchool(CurrentUser user, DataScope scope) {
		if (!user.hasRole(Role.SCHOOL_SAFETY_LEAD) || user.readOnly()) {
			throw new ForbiddenException("学生欺凌治理委员会由本校安全负责人维护");
		}
		return schools.ofUnit(scope, user.organisationId())
			.orElseThrow(() -> new ForbiddenException("学生欺凌治理委员会由本校安全负责人维护"));
	}

	// ---- helpers ---------------------------------------------------------------------

	private Tip visible(CurrentUser user, DataScope scope, long id) {
		mustHandle(user);
		return store.byId(scope, policeSide(user), id).orElseThrow(Tips::notFound);
	}

	private Tip writable(CurrentUser user, DataScope scope, long id) {
		Tip tip = visible(user, scope, id);
		if (user.readOnly()) {
			throw new ForbiddenException("只读账户不能办理求助");
		}
		return tip;
	}

	private void mustHandle(CurrentUser user) {
		if (!mayHandle(user)) {
			throw new ForbiddenException("学生求助只由学校、教育行政部门和公安机关办理");
		}
	}

	private static String side(CurrentUser user) {
		if (policeSide(user)) {
			return "公安机关";
		}
		return user.hasRole(Role.SCHOOL_SAFETY_LEAD) ? "学校" : "教育行政部门";
	}

	/**
	 * The webhook for the police: which school, what kind of tip, when; never the text or
	 * the reporter.
	 */
	private void tellPolice(Tip tip) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("tipId", tip.id());
		data.put("schoolId", tip.schoolId());
		data.put("school", tip.schoolName());
		data.put("category", tip.category().label());
		data.put("filedAt", PlatformTime.MINUTE.format(tip.filedAt()));
		data.put("path", "/tips/" + tip.id());
		notifications.notify(EventType.TIP_POLICE, "学生求助转公安：" + tip.schoolName() + " · " + tip.category().label(),
				data);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static NotFoundException notFound() {
		return new NotFoundException("求助不存在或不在您的管辖范围内");
	}

}
