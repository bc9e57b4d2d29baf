package cn.hxay.alarm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.hxay.organisation.DataScope;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;

import cn.hxay.shared.database.StepHistory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/**
 * Alarms and their steps in PostgreSQL, in month partitions by {@code received_at} (V910,
 * {@link AlarmPartitions}). An alarm is stored once per device and event id (the primary
 * key of {@code alarm_event_key}, across all months, so a redelivered message changes
 * nothing). Reads by id look into every month's primary-key index. Every change sets
 * {@code changed_at} from the database clock, which is what the console feeds poll.
 */
@Repository
class AlarmStore {

	private static final String SCOPE = DataScope.where("a");

	private final JdbcClient jdbc;

	private final StepHistory history;

	AlarmStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.history = new StepHistory(jdbc, "alarm_step", "alarm_id", "step", "detail");
	}

	/**
	 * Stores the alarm unless that event is already stored; empty if it was. The event's
	 * key is written first, in the same statement: its primary key (device, event id) in
	 * the unpartitioned {@code alarm_event_key} refuses a second copy in any month.
	 */
	Optional<Long> insert(AlarmReport r, AlarmType type) {
		return jdbc
			.sql("""
					with event_key as (
					  insert into alarm_event_key (device_id, event_id, alarm_id, received_at)
					  select d.id, :eventId, nextval('alarm_id_seq'), :receivedAt from device d where d.id = :deviceId
					  on conflict (device_id, event_id) do nothing
					  returning alarm_id, received_at)
					insert into alarm (id, device_id, event_id, device_code, device_kind, device_place, school_id, school_code,
					  school_name, school_org_id, bureau_id, station_id, township_id, region_code, type, code, priority,
					  actionable, channel, device_time, received_at, snapshot_url, clip_url, detail, raw_payload, state,
					  owner_kind, venue_id, venue_name, venue_address)
					select k.alarm_id, d.id, :eventId, d.code, d.kind, d.place, d.school_id, d.school_code, d.school_name,
					  d.school_org_id, d.bureau_id, d.station_id, d.township_id, d.region_code, :type, :code, :priority,
					  :actionable, :channel, :deviceTime, k.received_at, :snapshotUrl, :clipUrl, :detail, :raw, :state,
					  d.owner_kind, d.venue_id, d.venue_name, d.venue_address
					from event_key k cross join device d where d.id = :deviceId
					returning id""")
			.param("deviceId", r.deviceId())
			.param("eventId", r.eventId())
			.param("type", type.name())
			.param("code", r.code())
			.param("priority", type.priority())
			.param("actionable", type.actionable())
			.param("channel", r.channel())
			.param("deviceTime", r.deviceTime() == null ? null : Timestamp.from(r.deviceTime()))
			.param("receivedAt", Timestamp.from(r.receivedAt()))
			.param("snapshotUrl", r.snapshotUrl())
			.param("clipUrl", r.clipUrl())
			.param("detail", r.detail())
			.param("raw", r.rawPayload())
			.param("state", type.actionable() ? AlarmState.NEW.name() : AlarmState.LOGGED.name())
			.query(Long.class)
			.optional();
	}

	Optional<Long> idOf(long deviceId, String eventId) {
		return jdbc.sql("select alarm_id from alarm_event_key where device_id = ? and event_id = ?")
			.params(deviceId, eventId)
			.query(Long.class)
			.optional();
	}

	Optional<Alarm> byId(long id) {
		return jdbc.sql("select * from alarm a where a.id = ?").param(id).query(AlarmStore::map).optional();
	}

	/** Open actionable alarms in scope, most urgent first, then oldest first. */
	List<Alarm> queue(DataScope scope) {
		return scope.bind(
				jdbc.sql("select * from alarm a where a.state in ('NEW', 'ACKNOWLEDGED', 'DISPATCHED', 'ARRIVED') and "
						+ SCOPE + " order by a.priority, a.received_at, a.id"))
			.query(AlarmStore::map)
			.list();
	}

	/** Every alarm and signal in scope, newest first; optionally log-only ones alone. */
	Paged<Alarm> log(DataScope scope, Boolean actionable, PageRequest page) {
		String where = " from alarm a where " + SCOPE
				+ " and (cast(:actionable as boolean) is null or a.actionable = :actionable)";
		long total = scope.bind(jdbc.sql("select count(*)" + where))
			.param("actionable", actionable)
			.query(Long.class)
			.single();
		List<Alarm> rows = scope
			.bind(jdbc.sql("select *" + where + " order by a.received_at desc, a.id desc limit :l offset :o"))
			.param("actionable", actionable)
			.param("l", page.size())
			.param("o", page.offset())
			.query(AlarmStore::map)
			.list();
		return new Paged<>(rows, page.page(), page.size(), total);
	}

	/** Alarms changed in the last seconds (database clock), for the console feeds. */
	List<Alarm> actionableByIds(Long[] ids) {
		return jdbc.sql("select * from alarm a where a.id = any(?) and a.actionable order by a.changed_at, a.id")
			.param(ids)
			.query(AlarmStore::map)
			.list();
	}

	List<Alarm> changedRecently(int seconds) {
		return jdbc
			.sql("select * from alarm a where a.changed_at > clock_timestamp() - make_interval(secs => ?)"
					+ " and a.actionable order by a.changed_at, a.id")
			.param(seconds)
			.query(AlarmStore::map)
			.list();
	}

	/**
	 * Saves an alarm moved one step by its own methods if it is still at the version it
	 * was read at; false if someone else moved it first.
	 */
	boolean save(Alarm moved) {
		return jdbc.sql("""
				update alarm set state = :state, acknowledged_at = :ackAt, acknowledged_by = :ackBy,
				  dispatched_at = :dispatchAt, dispatched_by = :dispatchBy, dispatch_station_id = :station,
				  officers = :officers, arrived_at = :arriveAt, arrived_by = :arriveBy, closed_at = :closeAt,
				  closed_by = :closeBy, outcome = :outcome, closing_note = :note,
				  version = version + 1, changed_at = clock_timestamp()
				where id = :id and version = :version""")
			.param("state", moved.state().name())
			.param("ackAt", timestamp(moved.acknowledgedAt()))
			.param("ackBy", moved.acknowledgedBy())
			.param("dispatchAt", timestamp(moved.dispatchedAt()))
			.param("dispatchBy", moved.dispatchedBy())
			.param("station", moved.dispatchStationId())
			.param("officers", moved.officers())
			.param("arriveAt", timestamp(moved.arrivedAt()))
			.param("arriveBy", moved.arrivedBy())
			.param("closeAt", timestamp(moved.closedAt()))
			.param("closeBy", moved.closedBy())
			.param("outcome", moved.outcome() == null ? null : moved.outcome().name())
			.param("note", moved.closingNote())
			.param("id", moved.id())
			.param("version", moved.version())
			.update() == 1;
	}

	private static Timestamp timestamp(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	/**
	 * Records a step in its alarm's month: the step carries the alarm's
	 * {@code received_at} (the partition key both tables share), read from the event key.
	 */
	void step(long alarmId, String step, String actor, Instant at, String detail) {
		int written = jdbc.sql("""
				insert into alarm_step (alarm_id, alarm_received_at, step, actor, at, detail)
				select k.alarm_id, k.received_at, ?, ?, ?, ? from alarm_event_key k where k.alarm_id = ?""")
			.params(step, actor, Timestamp.from(at), detail, alarmId)
			.update();
		if (written != 1) {
			throw new IllegalStateException("no alarm " + alarmId);
		}
	}

	List<AlarmStep> steps(long alarmId) {
		return history.steps(alarmId)
			.stream()
			.map(s -> new AlarmStep(s.id(), s.ownerId(), s.action(), s.actor(), s.at(), s.comment()))
			.toList();
	}

	/**
	 * Raises the escalation level of alarms left unacknowledged, or acknowledged but not
	 * worked, for longer than allowed; returns the ids escalated.
	 */
	List<Long> escalate(Instant unacknowledgedBefore, Instant unworkedBefore, Instant now) {
		return jdbc.sql("""
				update alarm set escalation_level = escalation_level + 1, escalated_at = :now,
				  version = version + 1, changed_at = clock_timestamp()
				where (state = 'NEW' and received_at < :unacknowledged
				       and (escalated_at is null or escalated_at < :unacknowledged))
				   or (state = 'ACKNOWLEDGED' and acknowledged_at < :unworked
				       and (escalated_at is null or escalated_at < :unworked))
				returning id""")
			.param("now", Timestamp.from(now))
			.param("unacknowledged", Timestamp.from(unacknowledgedBefore))
			.param("unworked", Timestamp.from(unworkedBefore))
			.query(Long.class)
			.list();
	}

	/**
	 * Figures over the alarms in scope received from {@code from} (inclusive) to
	 * {@code to} (exclusive).
	 */
	AlarmStatistics statistics(DataScope scope, Instant from, Instant to) {
		String where = " from alarm a where " + SCOPE + " and a.received_at >= :from and a.received_at < :to";
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
		// both always shown, so that the distinction is visible when one of them is none
		Map<String, Long> byOwner = new LinkedHashMap<>();
		byOwner.put("学校报警", 0L);
		byOwner.put(DeviceOwner.VENUE_ALARMS, 0L);
		bind(jdbc.sql("select owner_kind, count(*) as n" + where + " and a.actionable group by owner_kind"
				+ " order by owner_kind desc"), scope, from, to)
			.query((rs,
					i) -> Map.entry(DeviceOwner.of(rs.getString("owner_kind")) == DeviceOwner.VENUE
							? DeviceOwner.VENUE_ALARMS : "学校报警", rs.getLong("n")))
			.list()
			.forEach(e -> byOwner.put(e.getKey(), e.getValue()));
		Double[] means = bind(jdbc.sql("select avg(extract(epoch from acknowledged_at - received_at)) as ack,"
				+ " avg(extract(epoch from arrived_at - received_at)) as arrive" + where), scope, from, to)
			.query((rs, i) -> new Double[] { nullableDouble(rs, "ack"), nullableDouble(rs, "arrive") })
			.single();
		List<AlarmStatistics.SchoolFalseAlarms> rates = bind(jdbc.sql("select school_id, min(school_name) as name,"
				+ " count(*) filter (where outcome is not null) as closed,"
				+ " count(*) filter (where outcome = 'FALSE_ALARM') as false_alarms" + where
				+ " and a.actionable and a.owner_kind = 'SCHOOL' group by school_id having count(*) filter (where outcome is not null) > 0"
				+ " order by false_alarms desc, closed desc limit 50"), scope, from, to)
			.query((rs, i) -> new AlarmStatistics.SchoolFalseAlarms(rs.getLong("school_id"), rs.getString("name"),
					rs.getLong("closed"), rs.getLong("false_alarms")))
			.list();
		return new AlarmStatistics(byType, byOutcome, means[0], means[1], rates, byOwner);
	}

	private static StatementSpec bind(StatementSpec spec, DataScope scope, Instant from, Instant to) {
		return scope.bind(spec).param("from", Timestamp.from(from)).param("to", Timestamp.from(to));
	}

	private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	static Alarm map(ResultSet rs, int row) throws SQLException {
		String outcome = rs.getString("outcome");
		return new Alarm(rs.getLong("id"), rs.getString("event_id"), rs.getLong("device_id"),
				rs.getString("device_code"), DeviceKind.valueOf(rs.getString("device_kind")),
				rs.getString("device_place"), rs.getLong("school_id"), rs.getString("school_code"),
				rs.getString("school_name"), rs.getLong("school_org_id"), DeviceStore.nullable(rs, "bureau_id"),
				DeviceStore.nullable(rs, "station_id"), DeviceStore.nullable(rs, "township_id"),
				rs.getString("region_code"), AlarmType.valueOf(rs.getString("type")), rs.getString("code"),
				rs.getInt("priority"), rs.getBoolean("actionable"), rs.getString("channel"),
				DeviceStore.instant(rs, "device_time"), DeviceStore.instant(rs, "received_at"),
				rs.getString("snapshot_url"), rs.getString("clip_url"), rs.getString("detail"),
				rs.getString("raw_payload"), AlarmState.valueOf(rs.getString("state")),
				DeviceStore.instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"),
				DeviceStore.instant(rs, "dispatched_at"), rs.getString("dispatched_by"),
				DeviceStore.nullable(rs, "dispatch_station_id"), rs.getString("officers"),
				DeviceStore.instant(rs, "arrived_at"), rs.getString("arrived_by"), DeviceStore.instant(rs, "closed_at"),
				rs.getString("closed_by"), outcome == null ? null : AlarmOutcome.valueOf(outcome),
				rs.getString("closing_note"), rs.getInt("escalation_level"), DeviceStore.instant(rs, "escalated_at"),
				rs.getInt("version"), DeviceOwner.of(rs.getString("owner_kind")), DeviceStore.nullable(rs, "venue_id"),
				rs.getString("venue_name"), rs.getString("venue_address"));
	}

}
