package cn.hxay.alarm;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.hxay.audit.AuditTrail;
import cn.hxay.notification.EventType;
import cn.hxay.notification.Notifications;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
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

	Alarms(AlarmStore store, Organisations organisations, AuditTrail audit, Clock clock, Notifications notifications,
			@Value("${hxay.alarm.escalate-unacknowledged-after:2m}") Duration acknowledgeWithin,
			@Value("${hxay.alarm.escalate-unworked-after:10m}") Duration workWithin) {
		this.store = store;
		this.notifications = notifications;
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

	public List<AlarmStep> steps(CurrentUser user, DataScope scope, long id) {
		get(user, scope, id);
		return store.steps(id);
	}

	/**
	 * Stores a reported alarm once; a report of an event already stored returns the
	 * stored one's id and changes nothing.
	 */
	@Transactional
	Raised raise(AlarmReport report) {
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
				body.put("receivedAt", alarm.receivedAt().toString());
				notifications.notify(EventType.ALARM_RAISED, alarm.type().label() + "：" + alarm.schoolName() + " "
						+ alarm.devicePlace() + "（设备 " + alarm.deviceCode() + "）", body);
			});
		}
		return new Raised(inserted.get(), false, type);
	}

	/** The outcome of a report: the alarm's id, and whether it was already stored. */
	record Raised(long alarmId, boolean duplicate, AlarmType type) {
	}

	@Transactional
	public Alarm acknowledge(CurrentUser user, DataScope scope, long id, int version) {
		return move(user, scope, id, version, AlarmAction.ACKNOWLEDGE, null, null, null, null, null);
	}

	@Transactional
	public Alarm dispatch(CurrentUser user, DataScope scope, long id, int version, Long stationId, String officers) {
		if (stationId == null) {
			throw new InvalidInputException("stationId", "请选择出警的派出所");
		}
		var station = organisations.find(stationId)
			.filter(o -> o.kind() == OrganisationKind.POLICE_STATION)
			.orElseThrow(() -> new InvalidInputException("stationId", "派出所不存在"));
		String names = officers == null ? "" : officers.strip();
		if (names.isEmpty() || names.length() > 200) {
			throw new InvalidInputException("officers", "请填写出警民警 (不超过 200 字)");
		}
		return move(user, scope, id, version, AlarmAction.DISPATCH, stationId, names, null, null,
				station.name() + "：" + names);
	}

	@Transactional
	public Alarm arrive(CurrentUser user, DataScope scope, long id, int version) {
		return move(user, scope, id, version, AlarmAction.ARRIVE, null, null, null, null, null);
	}

	@Transactional
	public Alarm close(CurrentUser user, DataScope scope, long id, int version, AlarmOutcome outcome, String note) {
		if (outcome == null) {
			throw new InvalidInputException("outcome", "请选择处置结果：真实警情、误报、测试或故障");
		}
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > 500) {
			throw new InvalidInputException("note", "处置说明不超过 500 字");
		}
		return move(user, scope, id, version, AlarmAction.CLOSE, null, null, outcome, text,
				outcome.label() + (text == null ? "" : "：" + text));
	}

	private Alarm move(CurrentUser user, DataScope scope, long id, int version, AlarmAction action, Long stationId,
			String officers, AlarmOutcome outcome, String note, String detail) {
		Alarm alarm = get(user, scope, id);
		if (!action.allowedFrom(alarm.state())) {
			throw new InvalidInputException("state", "该报警当前为“" + alarm.state().label() + "”，不能" + action.label());
		}
		if (alarm.version() != version) {
			throw new ConcurrentEditException("该报警");
		}
		Instant now = clock.instant();
		String actor = user.displayName() + " (" + user.username() + ")";
		if (!store.transition(id, version, action, actor, now, stationId, officers, outcome, note)) {
			throw new ConcurrentEditException("该报警");
		}
		store.step(id, action.name(), actor, now, detail);
		audit.record("ALARM_" + action.name(), "alarm", id, action.label() + (detail == null ? "" : " " + detail));
		return store.byId(id).orElseThrow();
	}

	/**
	 * Escalates alarms unacknowledged, or acknowledged but not worked, for longer than
	 * allowed. Runs under a PostgreSQL advisory lock so that one node does it at a time.
	 */
	@Transactional
	public int escalate(Clock at) {
		Boolean locked = store.jdbc()
			.sql("select pg_try_advisory_xact_lock(hashtext('hxay.alarm.escalation'))")
			.query(Boolean.class)
			.single();
		if (!Boolean.TRUE.equals(locked)) {
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
						"报警升级：" + alarm.schoolName() + " " + alarm.devicePlace() + " " + alarm.type().label() + "仍未处置",
						body);
			});
		});
		return ids.size();
	}

	public AlarmStatistics statistics(DataScope scope, Instant from, Instant to) {
		var jdbc = store.jdbc();
		String where = " from alarm a where " + DeviceStore.SCOPE.replace("d.", "a.")
				+ " and a.received_at >= :from and a.received_at < :to";
		Map<String, Long> byType = new LinkedHashMap<>();
		bind(jdbc.sql("select type, count(*) as n" + where + " group by type order by min(priority), type"), scope,
				from, to)
			.query((rs, i) -> Map.entry(AlarmType.valueOf(rs.getString("type")).label(), rs.getLong("n")))
			.list()
			.forEach(e -> byType.put(e.getKey(), e.getValue()));
		Map<String, Long> byOutcome = new LinkedHashMap<>();
		bind(jdbc.sql(
				"select outcome, count(*) as n" + where + " and outcome is not null group by outcome order by outcome"),
				scope, from, to)
			.query((rs, i) -> Map.entry(AlarmOutcome.valueOf(rs.getString("outcome")).label(), rs.getLong("n")))
			.list()
			.forEach(e -> byOutcome.put(e.getKey(), e.getValue()));
		Double[] means = bind(jdbc.sql("select avg(extract(epoch from acknowledged_at - received_at)) as ack,"
				+ " avg(extract(epoch from arrived_at - received_at)) as arrive" + where), scope, from, to)
			.query((rs, i) -> new Double[] { nullableDouble(rs, "ack"), nullableDouble(rs, "arrive") })
			.single();
		List<AlarmStatistics.SchoolFalseAlarms> rates = bind(jdbc.sql("select school_id, min(school_name) as name,"
				+ " count(*) filter (where outcome is not null) as closed,"
				+ " count(*) filter (where outcome = 'FALSE_ALARM') as false_alarms" + where
				+ " and a.actionable group by school_id having count(*) filter (where outcome is not null) > 0"
				+ " order by false_alarms desc, closed desc limit 50"), scope, from, to)
			.query((rs, i) -> new AlarmStatistics.SchoolFalseAlarms(rs.getLong("school_id"), rs.getString("name"),
					rs.getLong("closed"), rs.getLong("false_alarms")))
			.list();
		return new AlarmStatistics(byType, byOutcome, means[0], means[1], rates);
	}

	private static org.springframework.jdbc.core.simple.JdbcClient.StatementSpec bind(
			org.springframework.jdbc.core.simple.JdbcClient.StatementSpec spec, DataScope scope, Instant from,
			Instant to) {
		return spec.param("unrestricted", scope.unrestricted())
			.param("ids", scope.idArray())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to));
	}

	private static Double nullableDouble(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	static boolean isInScope(DataScope scope, Alarm alarm) {
		return scope.coversAny(alarm.schoolOrgId(), alarm.bureauId(), alarm.stationId(), alarm.townshipId());
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
