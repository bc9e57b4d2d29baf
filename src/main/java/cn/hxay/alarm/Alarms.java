package cn.hxay.alarm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import cn.hxay.audit.AuditTrail;
import cn.hxay.notification.EventType;
import cn.hxay.notification.Notifications;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.shared.ClusterLock;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alarm module's API: alarms raised by devices, the console queue of a police user's
 * jurisdiction, and the workflow 接警 → 派警 → 到场 → 处置完毕, each step recorded with who and
 * when and guarded by optimistic locking. An alarm outside the scope is reported as not
 * found.
 */
@Service
@Transactional(readOnly = true)
public class Alarms {

	private final AlarmStore store;

	private final Organisations organisations;

	private final AuditTrail audit;

	private final Clock clock;

	private final Duration acknowledgeWithin;

	private final Duration workWithin;

	private final Notifications notifications;

	private final ClusterLock lock;

	Alarms(AlarmStore store, Organisations organisations, AuditTrail audit, Clock clock, Notifications notifications,
			ClusterLock lock, @Value("${hxay.alarm.escalate-unacknowledged-after:2m}") Duration acknowledgeWithin,
			@Value("${hxay.alarm.escalate-unworked-after:10m}") Duration workWithin) {
		this.store = store;
		this.notifications = notifications;
		this.lock = lock;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
		this.acknowledgeWithin = acknowledgeWithin;
		this.workWithin = workWithin;
	}

	/** Whether the user works the police console. */
	public boolean mayWork(CurrentUser user) {
		return user.hasAnyRole(Role.CITY_POLICE, Role.COUNTY_POLICE, Role.STATION_OFFICER);
	}

	public List<Alarm> queue(CurrentUser user, DataScope scope) {
		requirePolice(user);
		return store.queue(scope);
	}

	public Paged<Alarm> log(CurrentUser user, DataScope scope, Boolean actionable, PageRequest page) {
		requirePolice(user);
		return store.log(scope, actionable, page);
	}

	public Alarm get(CurrentUser user, DataScope scope, long id) {
		requirePolice(user);
		return store.byId(id).filter(a -> isInScope(scope, a)).orElseThrow(Alarms::notFound);
	}

	/**
	 * Opens an alarm's details (school, contacts, raw payload, history): a sensitive
	 * read, so it leaves an audit row.
	 */
	@Transactional
	public Alarm open(CurrentUser user, DataScope scope, long id) {
		Alarm alarm = get(user, scope, id);
		audit.record("ALARM_VIEWED", "alarm", id, alarm.type().label() + " " + alarm.siteName() + " "
				+ alarm.devicePlace() + "（设备 " + alarm.deviceCode() + "）");
		return alarm;
	}

	public List<AlarmStep> steps(CurrentUser user, DataScope scope, long id) {
		get(user, scope, id);
		return store.steps(id);
	}

	/**
	 * Stores a reported alarm once; a report of an event already stored returns the
	 * stored one's id and changes nothing.
	 */
	@Transactional
	public Raised raise(AlarmReport report) {
		AlarmType type = AlarmType.ofCode(report.code());
		var inserted = store.insert(report, type);
		if (inserted.isEmpty()) {
			return new Raised(store.idOf(report.deviceId(), report.eventId()).orElseThrow(), true, type);
		}
		store.step(inserted.get(), "RECEIVED", "设备", report.receivedAt(),
				type.label() + (type == AlarmType.UNCLASSIFIED ? " (代码 " + report.code() + ")" : ""));
		if (type.actionable()) {
			store.byId(inserted.get()).ifPresent(alarm -> {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("alarmId", alarm.id());
				body.put("eventId", alarm.eventId());
				body.put("type", alarm.type().name());
				body.put("typeLabel", alarm.type().label());
				body.put("priority", alarm.priority());
				body.put("schoolCode", alarm.schoolCode());
				body.put("schoolName", alarm.schoolName());
				body.put("deviceCode", alarm.deviceCode());
				body.put("place", alarm.devicePlace());
				body.put("owner", alarm.owner().name());
				body.put("venueName", alarm.venueName());
				body.put("receivedAt", alarm.receivedAt().toString());
				notifications.notify(EventType.ALARM_RAISED, alarm.type().label() + "：" + alarm.siteName() + " "
						+ alarm.devicePlace() + "（设备 " + alarm.deviceCode() + "）", body);
			});
		}
		return new Raised(inserted.get(), false, type);
	}

	/** The outcome of a report: the alarm's id, and whether it was already stored. */
	public record Raised(long alarmId, boolean duplicate, AlarmType type) {
	}

	@Transactional
	public Alarm acknowledge(CurrentUser user, DataScope scope, long id, int version) {
		return move(user, scope, id, version, AlarmAction.ACKNOWLEDGE,
				(alarm, actor, at) -> alarm.acknowledge(actor, at));
	}

	/**
	 * 派警 to a police station within the dispatcher's own scope; any other station is
	 * refused as if it did not exist.
	 */
	@Transactional
	public Alarm dispatch(CurrentUser user, DataScope scope, long id, int version, Long stationId, String officers) {
		if (stationId == null) {
			throw new InvalidInputException("stationId", "请选择出警的派出所");
		}
		var station = organisations.find(stationId)
			.filter(o -> o.kind() == OrganisationKind.POLICE_STATION && scope.covers(o.id()))
			.orElseThrow(() -> new InvalidInputException("stationId", "派出所不存在，或不在您的管辖范围内"));
		return move(user, scope, id, version, AlarmAction.DISPATCH,
				(alarm, actor, at) -> alarm.dispatch(actor, at, station.id(), officers));
	}

	@Transactional
	public Alarm arrive(CurrentUser user, DataScope scope, long id, int version) {
		return move(user, scope, id, version, AlarmAction.ARRIVE, (alarm, actor, at) -> alarm.arrive(actor, at));
	}

	@Transactional
	public Alarm close(CurrentUser user, DataScope scope, long id, int version, AlarmOutcome outcome, String note) {
		return move(user, scope, id, version, AlarmAction.CLOSE,
				(alarm, actor, at) -> alarm.close(actor, at, outcome, note));
	}

	/** One guarded move of the aggregate. */
	@FunctionalInterface
	interface Move {

		Alarm apply(Alarm alarm, String actor, Instant at);

	}

	private Alarm move(CurrentUser user, DataScope scope, long id, int version, AlarmAction action, Move move) {
		Alarm alarm = get(user, scope, id);
		String actor = user.displayName() + " (" + user.username() + ")";
		Alarm moved = move.apply(alarm, actor, clock.instant());
		if (alarm.version() != version) {
			throw new ConcurrentEditException("该报警");
		}
		return save(alarm, moved, action, actor, true);
	}

	/** Saves one move, records the step and the audit row; returns the stored alarm. */
	private Alarm save(Alarm before, Alarm moved, AlarmAction action, String actor, boolean audited) {
		if (!store.save(moved)) {
			throw new ConcurrentEditException("该报警");
		}
		String detail = stepDetail(action, moved);
		Instant at = switch (action) {
			case ACKNOWLEDGE -> moved.acknowledgedAt();
			case DISPATCH -> moved.dispatchedAt();
			case ARRIVE -> moved.arrivedAt();
			case CLOSE -> moved.closedAt();
		};
		store.step(before.id(), action.name(), actor, at, detail);
		if (audited) {
			audit.record("ALARM_" + action.name(), "alarm", before.id(),
					action.label() + (detail == null ? "" : " " + detail));
		}
		return store.byId(before.id()).orElseThrow();
	}

	private String stepDetail(AlarmAction action, Alarm moved) {
		return switch (action) {
			case DISPATCH ->
				organisations.find(moved.dispatchStationId()).map(o -> o.name()).orElse("") + "：" + moved.officers();
			case CLOSE -> moved.outcome().label() + (moved.closingNote() == null ? "" : "：" + moved.closingNote());
			default -> null;
		};
	}

	/**
	 * Imports an alarm of the past (demo history, migration from another platform): it is
	 * raised as received then and, when worked, taken through the same guarded moves as
	 * at the console, each step back-dated to its recorded time. No audit rows, as no
	 * user works it here. Returns the alarm's id.
	 */
	@Transactional
	public long importPast(PastAlarm past) {
		Raised raised = raise(new AlarmReport(past.deviceId(), past.eventId(), past.code(),
				past.receivedAt().minusSeconds(1), past.receivedAt(), null, null, past.note(), past.channel(),
				"{\"eventId\":\"" + past.eventId() + "\",\"code\":\"" + past.code() + "\"}"));
		if (raised.duplicate() || !raised.type().actionable() || past.closedAt() == null) {
			return raised.alarmId();
		}
		long id = raised.alarmId();
		String actor = past.actor();
		replay(id, actor, AlarmAction.ACKNOWLEDGE, a -> a.acknowledge(actor, past.acknowledgedAt()));
		replay(id, actor, AlarmAction.DISPATCH, a -> a.dispatch(actor, past.dispatchedAt(),
				a.stationId() == null ? 0 : a.stationId(), past.officers()));
		replay(id, actor, AlarmAction.ARRIVE, a -> a.arrive(actor, past.arrivedAt()));
		replay(id, actor, AlarmAction.CLOSE, a -> a.close(actor, past.closedAt(), past.outcome(), past.note()));
		return id;
	}

	private void replay(long id, String actor, AlarmAction action, UnaryOperator<Alarm> move) {
		Alarm alarm = store.byId(id).orElseThrow(Alarms::notFound);
		save(alarm, move.apply(alarm), action, actor, false);
	}

	/**
	 * The actionable alarms changed in the last seconds, whatever the scope: for the
	 * console's live feed, which sends each subscriber only those in their scope.
	 */
	public List<Alarm> changedRecently(int seconds) {
		return store.changedRecently(seconds);
	}

	/**
	 * The actionable alarms among the given ids as they are now, whatever the scope: for
	 * the console's live feed, told of changes by the database's notifications.
	 */
	public List<Alarm> actionable(java.util.Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : store.actionableByIds(ids.toArray(Long[]::new));
	}

	/**
	 * Escalates alarms unacknowledged, or acknowledged but not worked, for longer than
	 * allowed. Runs under the cluster lock {@code alarm.escalation} so that one node does
	 * it at a time.
	 */
	@Transactional
	public int escalate(Clock at) {
		if (!lock.tryTake("alarm.escalation")) {
			return 0;
		}
		Instant now = at.instant();
		List<Long> ids = store.escalate(now.minus(acknowledgeWithin), now.minus(workWithin), now);
		ids.forEach(id -> {
			store.step(id, "ESCALATED", "系统", now,
					"超过 " + acknowledgeWithin.toSeconds() + " 秒未接警或 " + workWithin.toSeconds() + " 秒未派警，已升级");
			store.byId(id).ifPresent(alarm -> {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("alarmId", alarm.id());
				body.put("eventId", alarm.eventId());
				body.put("typeLabel", alarm.type().label());
				body.put("state", alarm.state().label());
				body.put("schoolName", alarm.schoolName());
				body.put("place", alarm.devicePlace());
				body.put("receivedAt", alarm.receivedAt().toString());
				notifications.notify(EventType.ALARM_ESCALATED,
						"报警升级：" + alarm.siteName() + " " + alarm.devicePlace() + " " + alarm.type().label() + "仍未处置",
						body);
			});
		});
		return ids.size();
	}

	public AlarmStatistics statistics(DataScope scope, Instant from, Instant to) {
		return store.statistics(scope, from, to);
	}

	static boolean isInScope(DataScope scope, Alarm alarm) {
		return alarm.inScopeOf(scope);
	}

	private void requirePolice(CurrentUser user) {
		if (!mayWork(user)) {
			throw new ForbiddenException("接处警台只对公安用户开放");
		}
	}

	private static NotFoundException notFound() {
		return new NotFoundException("报警不存在，或不在您的管辖范围内");
	}

}
