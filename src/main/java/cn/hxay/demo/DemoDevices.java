package cn.hxay.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.hxay.alarm.AlarmOutcome;
import cn.hxay.alarm.AlarmType;
import cn.hxay.alarm.Alarms;
import cn.hxay.alarm.DeviceDetails;
import cn.hxay.alarm.DeviceKind;
import cn.hxay.alarm.Devices;
import cn.hxay.alarm.PastAlarm;
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

	private final boolean keepAlive;

	private final SchoolRegistry schools;

	private final Devices devices;

	private final Alarms alarms;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DemoDevices(@Value("${hxay.demo.enabled:true}") boolean enabled,
			@Value("${hxay.demo.device-heartbeats:true}") boolean keepAlive, SchoolRegistry schools, Devices devices,
			Alarms alarms, TransactionTemplate transactions, Clock clock) {
		this.enabled = enabled;
		this.keepAlive = keepAlive;
		this.schools = schools;
		this.devices = devices;
		this.alarms = alarms;
		this.transactions = transactions;
		this.clock = clock;
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
		List<Long> oneKeyAlarms = new ArrayList<>();
		int[] created = { 0 };
		transactions.executeWithoutResult(tx -> {
			for (School school : all) {
				List<DeviceDetails> planned = new ArrayList<>();
				planned.add(details(school, DeviceKind.ONE_KEY_ALARM, "134", "门卫室", serials));
				planned.add(details(school, DeviceKind.CAMERA, "132", "校门", serials));
				planned.add(details(school, DeviceKind.NVR, "118", "监控室", serials));
				if (school.details().boarding()) {
					planned.add(details(school, DeviceKind.ONE_KEY_ALARM, "134", "宿舍值班室", serials));
				}
				for (DeviceDetails d : planned) {
					double draw = random.nextDouble();
					Instant heartbeat = draw < 0.9 ? now.minusSeconds(random.nextInt(60))
							: draw < 0.97 ? now.minus(Duration.ofHours(1 + random.nextInt(48))) : null;
					long beats = heartbeat == null ? 0 : 1 + random.nextInt(5000);
					long id = devices.importInstalled(d, school, Devices.demoToken(d.code()), heartbeat, beats);
					if (d.kind() == DeviceKind.ONE_KEY_ALARM) {
						oneKeyAlarms.add(id);
					}
					created[0]++;
				}
			}
			history(oneKeyAlarms.subList(0, Math.min(12, oneKeyAlarms.size())), random, now);
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
		devices.beatOnlineDemoDevices();
	}

	private static DeviceDetails details(School school, DeviceKind kind, String type, String place,
			Map<String, Integer> serials) {
		String prefix = school.regionCode() + "0000" + type + "0";
		int serial = serials.merge(prefix, 1, Integer::sum);
		return new DeviceDetails(prefix + String.format("%06d", serial), school.id(), kind, place,
				kind == DeviceKind.ONE_KEY_ALARM ? "海康威视" : "大华", kind == DeviceKind.NVR ? "NVR-16" : "DS-K1", true);
	}

	/**
	 * A month of alarms on a few one-key alarms, imported through the alarm API's history
	 * import: most worked and closed, two left open.
	 */
	private void history(List<Long> ids, Random random, Instant now) {
		String[] codes = { "one_key", "intrusion", "one_key", "fault", "test", "one_key", "intrusion", "duress" };
		AlarmOutcome[] outcomes = { AlarmOutcome.FALSE_ALARM, AlarmOutcome.REAL, AlarmOutcome.FALSE_ALARM,
				AlarmOutcome.FAULT, null, AlarmOutcome.TEST, AlarmOutcome.FALSE_ALARM, AlarmOutcome.REAL };
		for (int i = 0; i < ids.size(); i++) {
			boolean open = i >= ids.size() - 2;
			String code = open ? (i % 2 == 0 ? "one_key" : "intrusion") : codes[i % codes.length];
			Instant at = open ? now.minusSeconds(20 + i) : now.minus(Duration.ofHours(2 + random.nextInt(24 * 25)));
			AlarmOutcome outcome = outcomes[i % outcomes.length];
			if (open || outcome == null || !AlarmType.ofCode(code).actionable()) {
				alarms.importPast(PastAlarm.open(ids.get(i), "demo-" + i, code, at, "MQTT", "演示数据"));
				continue;
			}
			Instant ack = at.plusSeconds(10 + random.nextInt(50));
			Instant dispatch = ack.plusSeconds(30 + random.nextInt(60));
			Instant arrive = dispatch.plusSeconds(240 + random.nextInt(480));
			Instant close = arrive.plusSeconds(600);
			alarms.importPast(new PastAlarm(ids.get(i), "demo-" + i, code, at, "MQTT", "演示数据", "演示民警 (demo)", ack,
					dispatch, "演示民警", arrive, close, outcome));
		}
	}

}
