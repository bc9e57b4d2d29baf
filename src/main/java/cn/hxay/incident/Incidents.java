package cn.hxay.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.hxay.audit.AuditTrail;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.keyperson.KeyPersons;
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
import cn.hxay.shared.FormChecks;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.Violation;
import jakarta.validation.Validator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incident module's API. Police units (city, county, station) report and handle
 * incidents of the schools in their scope; education bureaus and the read-only 督导员 read
 * the incidents of their schools, without the police links (the alarm and the key persons
 * involved); school accounts and administrators are refused. Anything outside the
 * reader's scope is "not found".
 */
@Service
@Transactional(readOnly = true)
public class Incidents {

	/** Printable text: no NUL or other control characters except tab and line breaks. */
	static final String PRINTABLE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

	/** Who reports and handles: police units. */
	public static final Set<Role> POLICE = KeyPersons.POLICE;

	/** Who reads besides the police: the education bureaus above the schools. */
	public static final Set<Role> EDUCATION = Set.of(Role.CITY_EDUCATION_ADMIN, Role.COUNTY_EDUCATION_ADMIN,
			Role.INSPECTOR);

	static final int EXPORT_LIMIT = 5000;

	private final IncidentStore store;

	private final SchoolRegistry schools;

	private final Organisations organisations;

	private final KeyPersons keyPersons;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final ClusterLock clusterLock;

	private final ApplicationEventPublisher events;

	private final ReportClock reportClock;

	private final Clock clock;

	private final Validator validator;

	Incidents(IncidentStore store, SchoolRegistry schools, Organisations organisations, KeyPersons keyPersons,
			Notifications notifications, AuditTrail audit, ClusterLock clusterLock, ApplicationEventPublisher events,
			ReportClock reportClock, Clock clock, Validator validator) {
		this.store = store;
		this.schools = schools;
		this.organisations = organisations;
		this.keyPersons = keyPersons;
		this.notifications = notifications;
		this.audit = audit;
		this.clusterLock = clusterLock;
		this.events = events;
		this.reportClock = reportClock;
		this.clock = clock;
		this.validator = validator;
	}

	/** Whether the user is police (sees the alarm and key-person links). */
	public static boolean police(CurrentUser user) {
		return user.roles().stream().anyMatch(POLICE::contains);
	}

	/** Whether the user may open the incidents at all. */
	public static boolean mayRead(CurrentUser user) {
		return police(user) || user.roles().stream().anyMatch(EDUCATION::contains);
	}

	/** Whether the user may report and handle incidents. */
	public static boolean mayWrite(CurrentUser user) {
		return police(user) && !user.readOnly();
	}

	public ReportClock reportClock() {
		return reportClock;
	}

	/** The schools a police user may report an incident for, by county and name. */
	public List<School> schoolsFor(CurrentUser user, DataScope scope) {
		requireWrite(user);
		List<School> found = new ArrayList<>();
		schools.forEach(scope, SchoolFilter.none(), found::add);
		found.sort(java.util.Comparator.comparing(School::regionCode).thenComparing(School::name));
		return found;
	}

	public List<Region> counties() {
		return organisations.counties();
	}

	/**
	 * The first report (初报): writes the incident and its first report, flags it late when
	 * filed after the clock's limit, and notifies the chain above at once (the
	 * {@code incident.reported} webhook, in the same transaction).
	 */
	@Transactional
	public Incident report(CurrentUser user, DataScope scope, NewIncident form) {
		requireWrite(user);
		Instant now = clock.instant();
		if (form == null) {
			throw new InvalidInputException("what", "请填写初报内容");
		}
		List<Violation> problems = FormChecks.violations(validator, form);
		Instant occurredAt = form.occurredAt() == null ? null : form.occurredAt().atZone(PlatformTime.ZONE).toInstant();
		if (occurredAt != null && (occurredAt.isAfter(now.plusSeconds(60))
				|| occurredAt.isBefore(now.minus(java.time.Duration.ofDays(366))))) {
			problems.add(Violation.of("occurredAt", "发生时间应在过去一年内，且不晚于现在"));
		}
		School school = null;
		if (form.schoolId() != null) {
			try {
				school = schools.get(scope, form.schoolId());
			}
			catch (NotFoundException ex) {
				problems.add(Violation.of("schoolId", "所选学校不存在或不在您的管辖范围内"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Organisation unit = organisations.get(user.organisationId());
		boolean late = reportClock.firstLate(occurredAt, now);
		long id = store.insert(form, school, occurredAt, now, late, reportClock.followUpDue(now),
				reportClock.finalDue(occurredAt), unit.id(), unit.name(), user.username(), user.displayName());
		store.addReport(id, ReportKind.FIRST, form.what().strip(), form.deaths(), form.injured(), now,
				reportClock.firstDue(occurredAt), late, user.username(), user.displayName(), unit.name());
		Incident incident = store.unscoped(id);
		audit.record("INCIDENT_REPORTED", "incident", id,
				incident.type().label() + " · " + incident.schoolName() + (late ? " · 初报超时" : ""));
		notifications.notify(EventType.INCIDENT_REPORTED,
				"涉校案事件初报：" + incident.schoolName() + " · " + incident.type().label(), payload(incident, late));
		events.publishEvent(new IncidentReported(id, incident.type(), incident.schoolId(), incident.regionCode(),
				incident.occurredAt(), incident.deaths(), incident.injured()));
		return incident;
	}

	/**
	 * What the webhook carries: enough for an SMS to the chain above, no names of people
	 * and nothing from the police links.
	 */
	private Map<String, Object> payload(Incident i, boolean late) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("incidentId", i.id());
		data.put("type", i.type().label());
		data.put("school", i.schoolName());
		data.put("regionCode", i.regionCode());
		data.put("place", i.place());
		data.put("occurredAt", PlatformTime.MINUTE.format(i.occurredAt()));
		data.put("deaths", i.deaths());
		data.put("injured", i.injured());
		data.put("reporter", i.reporterUnit());
		data.put("firstReportLate", late);
		return data;
	}

	/** One incident with its reports and 三同步 steps; key persons only for police. */
	public IncidentView view(CurrentUser user, DataScope scope, long id) {
		Incident incident = get(user, scope, id);
		boolean police = police(user);
		return new IncidentView(police ? incident : incident.withoutPoliceLinks(), store.reports(id), store.actions(id),
				police ? store.keyPersonIds(id) : List.of(), incident.overdue(reportClock, clock.instant()), police);
	}

	private Incident get(CurrentUser user, DataScope scope, long id) {
		requireRead(user);
		return store.byId(scope, id).orElseThrow(Incidents::notFound);
	}

	public Paged<Incident> search(CurrentUser user, DataScope scope, IncidentFilter filter, PageRequest page) {
		return search(user, scope, filter, page, clock.instant());
	}

	/** The list as it stands at {@code now} (the overdue filter depends on it). */
	Paged<Incident> search(CurrentUser user, DataScope scope, IncidentFilter filter, PageRequest page, Instant now) {
		requireRead(user);
		Paged<Incident> found = store.search(scope, filter, page, now);
		return police(user) ? found : found.map(Incident::withoutPoliceLinks);
	}

	/**
	 * The incidents of the scope that occurred on the days {@code from}..{@code to} (a
	 * reporting period), oldest first, at most {@value #EXPORT_LIMIT}: what the list
	 * filtered by these days shows. Without the police links unless the scope is a police
	 * unit's.
	 */
	public List<Incident> occurredBetween(DataScope scope, LocalDate from, LocalDate to) {
		IncidentFilter filter = IncidentFilter.between(from, to);
		List<Incident> found = new ArrayList<>();
		for (int page = 0; found.size() < EXPORT_LIMIT; page++) {
			Paged<Incident> one = store.search(scope, filter, new PageRequest(page, PageRequest.MAX_SIZE),
					clock.instant());
			found.addAll(one.items());
			if (found.size() >= one.total() || one.items().isEmpty()) {
				break;
			}
		}
		java.util.Collections.reverse(found);
		return scope.policeData() ? found : found.stream().map(Incident::withoutPoliceLinks).toList();
	}

	/**
	 * How many incidents the list with this filter shows now (for the start-page tiles).
	 */
	public long count(CurrentUser user, DataScope scope, IncidentFilter filter) {
		requireRead(user);
		return store.count(scope, filter, clock.instant());
	}

	/** The list for an export, at most {@value #EXPORT_LIMIT} rows; audited. */
	@Transactional
	public List<Incident> export(CurrentUser user, DataScope scope, IncidentFilter filter) {
		Paged<Incident> found = search(user, scope, filter, new PageRequest(0, EXPORT_LIMIT));
		audit.record("INCIDENT_EXPORT", "incident", null, found.items().size() + " 条");
		return found.items();
	}

	/**
	 * A follow-up (续报): restarts the follow-up clock, late when filed after it was due.
	 */
	@Transactional
	public IncidentReport followUp(CurrentUser user, DataScope scope, long id, NewReport report) {
		return file(user, scope, id, ReportKind.FOLLOW_UP, report);
	}

	/** The final report (终报): closes the incident. */
	@Transactional
	public IncidentReport finalReport(CurrentUser user, DataScope scope, long id, NewReport report) {
		return file(user, scope, id, ReportKind.FINAL, report);
	}

	private IncidentReport file(CurrentUser user, DataScope scope, long id, ReportKind kind, NewReport report) {
		requireWrite(user);
		Incident before = get(user, scope, id);
		if (report == null) {
			throw new InvalidInputException("text", "请填写报告内容");
		}
		List<Violation> problems = FormChecks.violations(validator, report);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		Incident after = before.afterReport(kind, report, now, reportClock);
		if (!store.saveReported(after, before.version())) {
			throw new ConcurrentEditException("该案事件刚被他人更新，请刷新后重试");
		}
		Instant due = before.dueOf(kind);
		boolean late = due != null && now.isAfter(due);
		Organisation unit = organisations.get(user.organisationId());
		store.addReport(id, kind, report.text().strip(), report.deaths(), report.injured(), now, due, late,
				user.username(), user.displayName(), unit.name());
		audit.record(kind == ReportKind.FINAL ? "INCIDENT_CLOSED" : "INCIDENT_FOLLOWED_UP", "incident", id,
				kind.label() + (late ? "（超时）" : ""));
		if (kind == ReportKind.FINAL) {
			events.publishEvent(new IncidentClosed(id, after.type(), after.schoolId(), after.regionCode(), now, late));
		}
		List<IncidentReport> reports = store.reports(id);
		return reports.get(reports.size() - 1);
	}

	/** A timestamped step on one track of 三同步. */
	@Transactional
	public HandlingAction recordAction(CurrentUser user, DataScope scope, long id, NewAction action) {
		requireWrite(user);
		Incident incident = get(user, scope, id);
		if (action == null) {
			throw new InvalidInputException("text", "请填写处置情况");
		}
		List<Violation> problems = FormChecks.violations(validator, action);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		Instant doneAt = action.doneAt() == null ? now : action.doneAt().atZone(PlatformTime.ZONE).toInstant();
		incident.checkAction(doneAt, now);
		Organisation unit = organisations.get(user.organisationId());
		store.addAction(id, action, doneAt, now, user.username(), user.displayName(), unit.name());
		audit.record("INCIDENT_ACTION", "incident", id, action.track().label());
		List<HandlingAction> actions = store.actions(id);
		return actions.stream().max(java.util.Comparator.comparingLong(HandlingAction::id)).orElseThrow();
	}

	/**
	 * Links a key person involved (police only): the key-person module checks that the
	 * person exists, is in the caller's scope, and audits the look-up.
	 */
	@Transactional
	public List<Long> linkKeyPerson(CurrentUser user, DataScope scope, long id, Long keyPersonId) {
		requireWrite(user);
		get(user, scope, id);
		if (keyPersonId == null || keyPersonId <= 0) {
			throw new InvalidInputException("keyPersonId", "请填写重点人员编号");
		}
		try {
			keyPersons.view(user, scope, keyPersonId);
		}
		catch (NotFoundException ex) {
			throw new InvalidInputException("keyPersonId", "重点人员不存在或不在您的管辖范围内");
		}
		if (store.linkKeyPerson(id, keyPersonId, clock.instant(), user.username())) {
			audit.record("INCIDENT_KEY_PERSON_LINKED", "incident", id, "重点人员 " + keyPersonId);
		}
		return store.keyPersonIds(id);
	}

	/** Counts of one year by type, month and county, in the reader's scope. */
	public IncidentStatistics statistics(CurrentUser user, DataScope scope, int year) {
		requireRead(user);
		int y = Math.max(2000, Math.min(year, 2100));
		Map<String, String> countyNames = new LinkedHashMap<>();
		organisations.regions().forEach(r -> countyNames.put(r.code(), r.name()));
		List<IncidentStatistics.Row> byType = rows(scope, "type", y,
				k -> IncidentType.parse(k).map(IncidentType::label).orElse(k), k -> "year=" + y + "&type=" + k);
		List<IncidentStatistics.Row> byMonth = rows(scope, "month", y, k -> k, k -> "month=" + k);
		List<IncidentStatistics.Row> byCounty = rows(scope, "county", y, k -> countyNames.getOrDefault(k, k),
				k -> "year=" + y + "&region=" + k);
		long total = byType.stream().mapToLong(IncidentStatistics.Row::count).sum();
		long deaths = byType.stream().mapToLong(IncidentStatistics.Row::deaths).sum();
		long injured = byType.stream().mapToLong(IncidentStatistics.Row::injured).sum();
		return new IncidentStatistics(y, byType, byMonth, byCounty, total, deaths, injured);
	}

	private List<IncidentStatistics.Row> rows(DataScope scope, String dimension, int year,
			Function<String, String> label, Function<String, String> query) {
		return store.countBy(scope, dimension, year)
			.stream()
			.map(r -> new IncidentStatistics.Row((String) r[0], label.apply((String) r[0]), (Long) r[1], (Long) r[2],
					(Long) r[3], query.apply((String) r[0])))
			.toList();
	}

	/**
	 * One run of the report clock at {@code now}: every open incident whose follow-up or
	 * final report has become overdue is flagged once (until its next report) and the
	 * chain above is notified ({@code incident.overdue}). Skipped while another node runs
	 * it.
	 */
	@Transactional
	public int flagOverdue(Instant now) {
		if (!clusterLock.tryTake("incident.report-clock")) {
			return 0;
		}
		List<Incident> flagged = store.claimOverdue(now);
		for (Incident i : flagged) {
			List<ReportClock.Finding> findings = i.overdue(reportClock, now);
			String reasons = String.join("；", findings.stream().map(ReportClock.Finding::reason).toList());
			Map<String, Object> data = payload(i, i.firstReportLate());
			data.put("overdue", reasons);
			notifications.notify(EventType.INCIDENT_OVERDUE, "涉校案事件报告逾期：" + i.schoolName() + " · " + i.type().label(),
					data);
			audit.record("INCIDENT_OVERDUE_FLAGGED", "incident", i.id(), reasons);
		}
		return flagged.size();
	}

	/** What is overdue for the incident now, by the platform clock. */
	public List<ReportClock.Finding> overdue(Incident incident) {
		return incident.overdue(reportClock, clock.instant());
	}

	/** Whether any incident is recorded (demo data is skipped then). */
	public boolean anyRecorded() {
		return store.any();
	}

	/** The current month in Beijing time, for the default statistics year. */
	public YearMonth thisMonth() {
		return YearMonth.from(PlatformTime.today(clock));
	}

	public LocalDateTime nowLocal() {
		return PlatformTime.local(clock.instant()).withSecond(0).withNano(0);
	}

	private static void requireRead(CurrentUser user) {
		if (!mayRead(user)) {
			throw new ForbiddenException("涉校案事件仅对公安机关和教育行政部门开放");
		}
	}

	private static void requireWrite(CurrentUser user) {
		if (!mayWrite(user)) {
			throw new ForbiddenException("只有公安机关可以报告和处置涉校案事件");
		}
	}

	private static NotFoundException notFound() {
		return new NotFoundException("案事件不存在或不在您的管辖范围内");
	}

}
