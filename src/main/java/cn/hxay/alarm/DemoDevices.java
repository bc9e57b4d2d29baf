package cn.hxay.alarm;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In demo mode, after the demo city is loaded, gives every school a one-key alarm at the
 * gate house, a camera at the gate and an NVR (boarding schools also a one-key alarm in
 * the dormitory), about nine in ten of them online, and a few alarms (some worked and
 * closed, two still open) so that the console, rates and statistics show something. Demo
 * device tokens are {@code demo-<device code>}, which the simulator uses. Skipped when
 * any device exists. Demo devices that are online keep sending heartbeats (played here)
 * unless {@code hxay.demo.device-heartbeats=false}.
 * <p>
 * It runs when the application is ready, i.e. after every {@code ApplicationRunner}: the
 * demo city's {@code DemoData} runner has the lowest precedence, so a runner with any
 * {@code @Order} would run before the schools exist.
 */
@Component
@EnableScheduling
class DemoDevices {

	private static final Logger log = LoggerFactory.getLogger(DemoDevices.class);

	private final boolean enabled;

	private final SchoolRegistry schools;

	private final DeviceStore devices;

	private final Alarms alarms;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean keepAlive;

	private final Devices registry;

	DemoDevices(@Value("${hxay.demo.enabled:true}") boolean enabled,
			@Value("${hxay.demo.device-heartbeats:true}") boolean keepAlive, SchoolRegistry schools,
			DeviceStore devices, Devices registry, Alarms alarms, JdbcClient jdbc, TransactionTemplate transactions,
			Clock clock) {
		this.enabled = enabled;
		this.keepAlive = keepAlive;
		this.registry = registry;
		this.schools = schools;
		this.devices = devices;
		this.alarms = alarms;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	static String demoToken(String code) {
		return "demo-" + code;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(120)
	public void run() {
		if (!enabled || devices.count() > 0) {
			return;
		}
		long started = System.nanoTime();
		List<School> all = new ArrayList<>();
		schools.forEach(DataScope.everything(false), SchoolFilter.none(), all::add);
		if (all.isEmpty()) {
			return;
		}
		Random random = new Random(20261125);
		Instant now = clock.instant();
		Map<String, Integer> serials = new HashMap<>();
		int[] created = { 0 };
		transactions.executeWithoutResult(tx -> {
			for (School school : all) {
				SchoolPlace place = SchoolPlace.of(school);
				List<DeviceDetails> planned = new ArrayList<>();
				planned.add(details(school, DeviceKind.ONE_KEY_ALARM, "134", "门卫室", serials));
				planned.add(details(school, DeviceKind.CAMERA, "132", "校门", serials));
				planned.add(details(school, DeviceKind.NVR, "118", "监控室", serials));
				if (school.details().boarding()) {
					planned.add(details(school, DeviceKind.ONE_KEY_ALARM, "134", "宿舍值班室", serials));
				}
				for (DeviceDetails d : planned) {
					long id = devices.insert(d, place, demoToken(d.code()));
					double draw = random.nextDouble();
					Instant heartbeat = draw < 0.9 ? now.minusSeconds(random.nextInt(60))
							: draw < 0.97 ? now.minus(Duration.ofHours(1 + random.nextInt(48))) : null;
					if (heartbeat != null) {
						jdbc.sql("update device_status set last_heartbeat_at = ?, heartbeats = ? where device_id = ?")
							.params(Timestamp.from(heartbeat), 1 + random.nextInt(5000), id)
							.update();
					}
					created[0]++;
				}
			}
			history(random, now);
		});
		log.info("demo devices: {} devices for {} schools in {} ms", created[0], all.size(),
				Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	/**
	 * Plays the heartbeats of the demo devices that are online, so that the demo stays
	 * alive without the simulator; offline ones stay offline. Turn it off
	 * ({@code hxay.demo.device-heartbeats=false}) to let the simulator decide.
	 */
	@Scheduled(fixedDelayString = "30s", initialDelayString = "30s")
	void keepDemoDevicesAlive() {
		if (!enabled || !keepAlive) {
			return;
		}
		Instant now = clock.instant();
		jdbc.sql("""
				update device_status s set last_heartbeat_at = :now, heartbeats = s.heartbeats + 1
				from device d where d.id = s.device_id and substring(d.code from 7 for 4) = '0000'
				  and s.last_heartbeat_at > :recent""")
			.param("now", Timestamp.from(now))
			.param("recent", Timestamp.from(now.minus(registry.rule().window()).plusSeconds(45)))
			.update();
	}

	private static DeviceDetails details(School school, DeviceKind kind, String type, String place,
			Map<String, Integer> serials) {
		String prefix = school.regionCode() + "0000" + type + "0";
		int serial = serials.merge(prefix, 1, Integer::sum);
		return new DeviceDetails(prefix + String.format("%06d", serial), school.id(), kind, place,
				kind == DeviceKind.ONE_KEY_ALARM ? "海康威视" : "大华", kind == DeviceKind.NVR ? "NVR-16" : "DS-K1", true);
	}

	/** A month of alarms on a few devices: most worked and closed, two left open. */
	private void history(Random random, Instant now) {
		List<Long> ids = jdbc.sql("select id from device where kind = 'ONE_KEY_ALARM' order by id limit 12")
			.query(Long.class)
			.list();
		String[] codes = { "one_key", "intrusion", "one_key", "fault", "test", "one_key", "intrusion", "duress" };
		AlarmOutcome[] outcomes = { AlarmOutcome.FALSE_ALARM, AlarmOutcome.REAL, AlarmOutcome.FALSE_ALARM,
				AlarmOutcome.FAULT, null, AlarmOutcome.TEST, AlarmOutcome.FALSE_ALARM, AlarmOutcome.REAL };
		for (int i = 0; i < ids.size(); i++) {
			boolean open = i >= ids.size() - 2;
			String code = open ? (i % 2 == 0 ? "one_key" : "intrusion") : codes[i % codes.length];
			Instant at = open ? now.minusSeconds(20 + i) : now.minus(Duration.ofHours(2 + random.nextInt(24 * 25)));
			Alarms.Raised raised = alarms.raise(new AlarmReport(ids.get(i), "demo-" + i, code, at.minusSeconds(1), at,
					null, null, "演示数据", Ingest.MQTT, "{\"eventId\":\"demo-" + i + "\",\"code\":\"" + code + "\"}"));
			AlarmOutcome outcome = outcomes[i % outcomes.length];
			if (open || !raised.type().actionable() || outcome == null) {
				continue;
			}
			String actor = "演示民警 (demo)";
			Instant ack = at.plusSeconds(10 + random.nextInt(50));
			Instant dispatch = ack.plusSeconds(30 + random.nextInt(60));
			Instant arrive = dispatch.plusSeconds(240 + random.nextInt(480));
			Instant close = arrive.plusSeconds(600);
			long id = raised.alarmId();
			alarms.replay(id, actor, AlarmAction.ACKNOWLEDGE, a -> a.acknowledge(actor, ack));
			alarms.replay(id, actor, AlarmAction.DISPATCH,
					a -> a.dispatch(actor, dispatch, a.stationId() == null ? 0 : a.stationId(), "演示民警"));
			alarms.replay(id, actor, AlarmAction.ARRIVE, a -> a.arrive(actor, arrive));
			alarms.replay(id, actor, AlarmAction.CLOSE, a -> a.close(actor, close, outcome, "演示数据"));
		}
	}

}
