package cn.hxay.visitor;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import cn.hxay.audit.AuditTrail;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.keyperson.KeyPersonWatchList;
import cn.hxay.keyperson.KeyPersons;
import cn.hxay.keyperson.PersonHashes;
import cn.hxay.notification.EventType;
import cn.hxay.notification.Notifications;
import cn.hxay.organisation.DataScope;
import cn.hxay.posture.Postures;
import cn.hxay.school.School;
import cn.hxay.school.SchoolKind;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.Violation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The visitor module's API. The school's own accounts work the gate (pre-register, check
 * in, check out, keep the ban list and pick-up cards); bureaus and police see the figures
 * of the schools in their scope; police see the gate alerts of their stations. Nothing
 * outside the reader's scope is found.
 */
@Service
@Transactional(readOnly = true)
public class Visits {

	/** The purpose of the keyed hash of visitors' ID numbers. */
	static final String HASH_PURPOSE = "visitor";

	private static final String PLATE = "[\\u4e00-\\u9fa5][A-Z][A-Z0-9]{5,6}|[A-Z0-9]{5,10}";

	private final VisitStore store;

	private final SchoolRegistry schools;

	private final KeyPersonWatchList watchList;

	private final PersonHashes hashes;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final Postures postures;

	private final Clock clock;

	Visits(VisitStore store, SchoolRegistry schools, KeyPersonWatchList watchList, PersonHashes hashes,
			Notifications notifications, AuditTrail audit, Postures postures, Clock clock) {
		this.postures = postures;
		this.store = store;
		this.schools = schools;
		this.watchList = watchList;
		this.hashes = hashes;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	/** The user's own school when the user is a school's account. */
	public Optional<School> ownSchool(CurrentUser user, DataScope scope) {
		if (!user.hasRole(Role.SCHOOL_SAFETY_LEAD)) {
			return Optional.empty();
		}
		return schools.ofUnit(scope, user.organisationId());
	}

	/** Whether the user sees gate alerts: police roles. */
	public static boolean seesAlerts(CurrentUser user) {
		return KeyPersons.mayUse(user);
	}

	/** Whether any visit was ever recorded (demo data is skipped then). */
	public boolean anyRecorded() {
		return store.any();
	}

	/**
	 * A school's visits of the day (the expected, those inside, those gone or refused).
	 */
	public List<Visit> day(School school, LocalDate day) {
		return store.ofSchoolDay(school.id(), day);
	}

	/** How many visitors are inside the school now. */
	public long insideCount(School school) {
		return store.insideCount(school.id());
	}

	/** Each school's gate figures of a day, in the reader's scope. */
	public List<SchoolDay> figures(DataScope scope, LocalDate day) {
		return store.figures(scope, day);
	}

	public Visit get(DataScope scope, long id) {
		return store.byId(scope, id).orElseThrow(Visits::notFound);
	}

	/** A teacher announces a visitor for a day (today or within 30 days). */
	@Transactional
	public Visit preRegister(CurrentUser user, DataScope scope, PreRegistration form) {
		School school = mustWork(user, scope);
		LocalDate today = PlatformTime.today(clock);
		List<Violation> problems = new ArrayList<>();
		if (form == null) {
			throw new InvalidInputException("name", "请填写访客姓名");
		}
		String name = text(problems, "name", "访客姓名", form.name(), 50, true);
		String phone = phone(problems, form.phone());
		String purpose = text(problems, "purpose", "来访事由", form.purpose(), 200, true);
		String host = text(problems, "host", "被访人", form.host(), 50, true);
		String plate = plate(problems, form.plate());
		if (form.expectedOn() == null || form.expectedOn().isBefore(today)
				|| form.expectedOn().isAfter(today.plusDays(30))) {
			problems.add(Violation.of("expectedOn", "来访日期应在今天起 30 天内"));
		}
		refuse(problems);
		long id = store.insert(school, name, null, null, phone, purpose, host, plate, null, VisitStatus.EXPECTED,
				form.expectedOn(), user.displayName(), null, null, form.expectedOn(), clock.instant());
		audit.record("VISIT_PRE_REGISTERED", "visit", id, school.name() + " · " + name);
		return get(scope, id);
	}

	/**
	 * Checks a visitor in at the gate. The ID number is checked (GB 11643), masked and
	 * hashed; it is matched against the school's ban list and the key persons the police
	 * linked to the school. On a match the visit is recorded as refused, the school's
	 * police station gets a gate alert at once (and the webhook {@code gate.alert}), and
	 * the answer says only {@link CheckInResult#REFUSED}.
	 */
	@Transactional
	public CheckInResult checkIn(CurrentUser user, DataScope scope, CheckIn form) {
		School school = mustWork(user, scope);
		if (form == null) {
			throw new InvalidInputException("name", "请填写访客姓名");
		}
		Visit expected = null;
		if (form.preRegistration() != null) {
			expected = store.byId(scope, form.preRegistration())
				.filter(v -> v.schoolId() == school.id())
				.orElseThrow(Visits::notFound);
			if (!expected.expected()) {
				throw new ConcurrentEditException("该预约已登记入校");
			}
		}
		List<Violation> problems = new ArrayList<>();
		String name = expected != null && blank(form.name()) ? expected.name()
				: text(problems, "name", "访客姓名", form.name(), 50, true);
		String idNumber = PersonHashes.normalise(form.idNumber());
		String idProblem = PersonHashes.problem(idNumber);
		if (idProblem != null) {
			problems.add(Violation.of("idNumber", idProblem));
		}
		String phone = phone(problems, form.phone());
		String purpose = expected != null && blank(form.purpose()) ? expected.purpose()
				: text(problems, "purpose", "来访事由", form.purpose(), 200, true);
		String host = expected != null && blank(form.host()) ? expected.host()
				: text(problems, "host", "被访人", form.host(), 50, true);
		String plate = expected != null && blank(form.plate()) ? expected.plate() : plate(problems, form.plate());
		String escort = text(problems, "escort", "陪同人员", form.escort(), 50, true);
		refuse(problems);
		Instant now = clock.instant();
		LocalDate today = PlatformTime.dayOf(now);
		String masked = PersonHashes.mask(idNumber);
		String hash = hashes.current(HASH_PURPOSE, idNumber);
		boolean banned = store.banned(school.id(), hashes.all(HASH_PURPOSE, idNumber));
		OptionalLong keyPersonAlert = watchList.watchListHit(school.id(), school.name(), idNumber);
		boolean refused = banned || keyPersonAlert.isPresent();
		VisitStatus status = refused ? VisitStatus.REFUSED : VisitStatus.INSIDE;
		long id;
		if (expected != null) {
			if (!store.arrive(expected.id(), masked, hash, phone, purpose, host, plate, escort, status, now,
					user.username(), today)) {
				throw new ConcurrentEditException("该预约已登记入校");
			}
			id = expected.id();
		}
		else {
			id = store.insert(school, name, masked, hash, phone, purpose, host, plate, escort, status, null, null, now,
					user.username(), today, now);
		}
		if (refused) {
			long alert = store.alert(id, school, keyPersonAlert.isPresent() ? "POLICE_LIST" : "BAN_LIST",
					keyPersonAlert.isPresent() ? keyPersonAlert.getAsLong() : null, now);
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("gateAlertId", alert);
			data.put("schoolId", school.id());
			data.put("school", school.name());
			data.put("policeStationId", school.units().policeStation());
			data.put("at", PlatformTime.MINUTE.format(now));
			notifications.notify(EventType.GATE_ALERT, "门岗预警：" + school.name() + " 有来访人员未放行，请派出所即刻核查", data);
			// the school's audit line says no more than the gatekeeper saw
			audit.record("VISIT_REFUSED", "visit", id, school.name() + " · " + name + " · 未放行，已通知属地派出所");
		}
		else {
			audit.record("VISIT_CHECKED_IN", "visit", id, school.name() + " · " + name);
		}
		return new CheckInResult(get(scope, id), refused);
	}

	/** The visitor leaves. */
	@Transactional
	public Visit checkOut(CurrentUser user, DataScope scope, long id) {
		School school = mustWork(user, scope);
		Visit visit = store.byId(scope, id).filter(v -> v.schoolId() == school.id()).orElseThrow(Visits::notFound);
		if (!store.leave(visit.id(), clock.instant(), user.username())) {
			throw new ConcurrentEditException("该访客不在校内");
		}
		audit.record("VISIT_CHECKED_OUT", "visit", id, school.name() + " · " + visit.name());
		return get(scope, id);
	}

	/** The school's ban list. */
	public List<Ban> bans(CurrentUser user, DataScope scope) {
		return store.bans(mustWork(user, scope).id());
	}

	/**
	 * Adds a person to the school's own ban list (ID number kept only masked and hashed).
	 */
	@Transactional
	public void ban(CurrentUser user, DataScope scope, String name, String rawIdNumber, String reason) {
		School school = mustWork(user, scope);
		List<Violation> problems = new ArrayList<>();
		String cleanName = text(problems, "name", "姓名", name, 50, true);
		String idNumber = PersonHashes.normalise(rawIdNumber);
		String idProblem = PersonHashes.problem(idNumber);
		if (idProblem != null) {
			problems.add(Violation.of("idNumber", idProblem));
		}
		String cleanReason = text(problems, "reason", "禁入原因", reason, 200, true);
		refuse(problems);
		if (store.banned(school.id(), hashes.all(HASH_PURPOSE, idNumber))) {
			throw new InvalidInputException("idNumber", "此人已在本校禁入名单中");
		}
		store.addBan(school, cleanName, PersonHashes.mask(idNumber), hashes.current(HASH_PURPOSE, idNumber),
				cleanReason, user.username(), clock.instant());
		audit.record("VISIT_BAN_ADDED", "school", school.id(), cleanName + " · " + PersonHashes.mask(idNumber));
	}

	/**
	 * The gate alerts of the stations in a police reader's scope (403 for anyone else).
	 */
	public List<GateAlert> alerts(CurrentUser user, DataScope scope) {
		if (!seesAlerts(user)) {
			throw new ForbiddenException("门岗预警仅限公安机关查看");
		}
		return store.alerts(scope, 200);
	}

	/** Whether the school is a kindergarten (pick-up cards are for kindergartens). */
	public static boolean kindergarten(School school) {
		return school.details().kind() == SchoolKind.KINDERGARTEN;
	}

	public List<PickupCard> cards(CurrentUser user, DataScope scope) {
		return store.cards(mustWork(user, scope).id());
	}

	/** Issues a pick-up card for a child with one or two authorised adults. */
	@Transactional
	public void issueCard(CurrentUser user, DataScope scope, NewPickupCard form) {
		School school = mustWork(user, scope);
		if (form == null) {
			throw new InvalidInputException("cardNo", "请填写卡号");
		}
		List<Violation> problems = new ArrayList<>();
		String cardNo = text(problems, "cardNo", "卡号", form.cardNo(), 20, true);
		if (cardNo != null && !cardNo.matches("[A-Za-z0-9-]{1,20}")) {
			problems.add(Violation.of("cardNo", "卡号只能由字母、数字和 - 组成"));
		}
		String child = text(problems, "childName", "幼儿姓名", form.childName(), 50, true);
		String className = text(problems, "className", "班级", form.className(), 50, true);
		String[] adult1 = adult(problems, "adult1", form.adult1Name(), form.adult1Relation(), form.adult1IdNumber(),
				true);
		String[] adult2 = adult(problems, "adult2", form.adult2Name(), form.adult2Relation(), form.adult2IdNumber(),
				false);
		refuse(problems);
		long id = store.insertCard(school, cardNo, child, className, clock.instant());
		if (id < 0) {
			throw new InvalidInputException("cardNo", "本园已有卡号 " + cardNo);
		}
		for (String[] a : new String[][] { adult1, adult2 }) {
			if (a != null) {
				store.insertAdult(id, a[0], a[1], PersonHashes.mask(a[2]), hashes.current(HASH_PURPOSE, a[2]));
			}
		}
		audit.record("PICKUP_CARD_ISSUED", "school", school.id(), cardNo + " · " + child);
		if (kindergarten(school)) {
			// the posture fact the compliance rule judges (桂政办发〔2018〕113号 二(二)1)
			// comes from the cards the kindergarten keeps, not from a typed yes/no
			postures.amend("接送卡记录", school.id(), Map.of("pickUpCards", "true"));
		}
	}

	/**
	 * The person-by-person check at pick-up: the card and the ID number of the adult in
	 * front of the gate; passed only when that adult is on that card. Every check is
	 * recorded.
	 */
	@Transactional
	public PickupCheck checkPickup(CurrentUser user, DataScope scope, String rawCardNo, String rawIdNumber) {
		School school = mustWork(user, scope);
		List<Violation> problems = new ArrayList<>();
		String cardNo = text(problems, "cardNo", "卡号", rawCardNo, 20, true);
		String idNumber = PersonHashes.normalise(rawIdNumber);
		String idProblem = PersonHashes.problem(idNumber);
		if (idProblem != null) {
			problems.add(Violation.of("idNumber", idProblem));
		}
		refuse(problems);
		VisitStore.CardMatch card = store.card(school.id(), cardNo)
			.orElseThrow(() -> new InvalidInputException("cardNo", "本园没有卡号为 " + cardNo + " 的接送卡"));
		Optional<VisitStore.CardMatch> adult = store.adultOn(card.cardId(), hashes.all(HASH_PURPOSE, idNumber));
		store.recordCheck(card.cardId(), school, adult.isPresent(),
				adult.map(VisitStore.CardMatch::adultName).orElse(null), user.username(), clock.instant());
		return new PickupCheck(adult.isPresent(), cardNo, card.childName(), card.className(),
				adult.map(VisitStore.CardMatch::adultName).orElse(null),
				adult.map(VisitStore.CardMatch::relation).orElse(null));
	}

	private String[] adult(List<Violation> problems, String prefix, String name, String relation, String rawId,
			boolean required) {
		if (!required && blank(name) && blank(relation) && blank(rawId)) {
			return null;
		}
		String n = text(problems, prefix + "Name", "接送人姓名", name, 50, true);
		String r = text(problems, prefix + "Relation", "与幼儿关系", relation, 20, true);
		String id = PersonHashes.normalise(rawId);
		String idProblem = PersonHashes.problem(id);
		if (idProblem != null) {
			problems.add(Violation.of(prefix + "IdNumber", "接送人" + idProblem));
		}
		return new String[] { n, r, id };
	}

	private School mustWork(CurrentUser user, DataScope scope) {
		return ownSchool(user, scope).orElseThrow(() -> new ForbiddenException("只有本校账号可以办理门岗登记"));
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String text(List<Violation> problems, String field, String label, String value, int max,
			boolean required) {
		if (blank(value)) {
			if (required) {
				problems.add(Violation.of(field, "请填写" + label));
			}
			return null;
		}
		String v = value.strip();
		if (v.length() > max) {
			problems.add(Violation.of(field, label + "不能超过 " + max + " 字"));
			return null;
		}
		return v;
	}

	private static String phone(List<Violation> problems, String raw) {
		if (blank(raw)) {
			return null;
		}
		String digits = raw.replaceAll("[\\s-]", "");
		if (!digits.matches("1\\d{10}|0\\d{9,11}")) {
			problems.add(Violation.of("phone", "电话应为 11 位手机号或带区号的固定电话"));
			return null;
		}
		return digits;
	}

	private static String plate(List<Violation> problems, String raw) {
		if (blank(raw)) {
			return null;
		}
		String p = raw.replaceAll("[\\s·.-]", "").toUpperCase(Locale.ROOT);
		if (!p.matches(PLATE)) {
			problems.add(Violation.of("plate", "车牌号格式不正确（如 苏D12345）"));
			return null;
		}
		return p;
	}

	private static void refuse(List<Violation> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static NotFoundException notFound() {
		return new NotFoundException("来访记录不存在或不在您的管辖范围内");
	}

}
