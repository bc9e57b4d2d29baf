package cn.hxay.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import cn.hxay.alarm.AlarmOutcome;
import cn.hxay.alarm.Alarms;
import cn.hxay.alarm.DeviceFilter;
import cn.hxay.alarm.DeviceOwner;
import cn.hxay.alarm.Devices;
import cn.hxay.alarm.PastAlarm;
import cn.hxay.alarm.VenueDeviceDetails;
import cn.hxay.organisation.DataScope;
import cn.hxay.shared.PageRequest;
import cn.hxay.surroundings.Venue;
import cn.hxay.surroundings.VenueFilter;
import cn.hxay.surroundings.VenueType;
import cn.hxay.surroundings.Venues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode, one-key alarms of the 护校联防 network (seed 004 §三(一)) in four shops and
 * homes among the demo venues of 天宁区, each protecting the nearest school and belonging to
 * the venue's police station, online like the schools' demo devices (token
 * {@code demo-<code>}), and one past alarm from a shop worked to the end, so that the
 * console log and the statistics show a 周边一键报警. Written through the alarm module's public
 * API after the schools' devices and the venues; skipped when any venue device exists.
 */
@Component
class DemoVenueDevices {

	private static final Logger log = LoggerFactory.getLogger(DemoVenueDevices.class);

	private static final Set<VenueType> PROTECTORS = Set.of(VenueType.SHOP, VenueType.RENTAL_HOUSING);

	private final boolean enabled;

	private final DemoVenues demoVenues;

	private final Venues venues;

	private final Devices devices;

	private final Alarms alarms;

	private final Clock clock;

	DemoVenueDevices(@Value("${hxay.demo.enabled:true}") boolean enabled, DemoVenues demoVenues, Venues venues,
			Devices devices, Alarms alarms, Clock clock) {
		this.enabled = enabled;
		this.demoVenues = demoVenues;
		this.venues = venues;
		this.devices = devices;
		this.alarms = alarms;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(130)
	void load() {
		DataScope all = DataScope.everything(true);
		if (!enabled || devices
			.search(all, new DeviceFilter(null, null, null, null, null, null, DeviceOwner.VENUE), PageRequest.of(0, 1))
			.total() > 0) {
			return;
		}
		// the venues first, whichever listener the application calls first (skipped if
		// made)
		demoVenues.load();
		List<Venue> protectors = venues.search(all, VenueFilter.none(), PageRequest.of(0, PageRequest.MAX_SIZE))
			.items()
			.stream()
			.filter(v -> PROTECTORS.contains(v.type()))
			.limit(4)
			.toList();
		Instant now = clock.instant();
		Long first = null;
		int made = 0;
		for (Venue venue : protectors) {
			if (venues.schoolsNear(all, venue.id()).isEmpty()) {
				continue;
			}
			// GB/T 28181: county, 0000 (demo, kept online), 134 alarm, serial 9000nn
			// apart
			// from the schools' demo devices
			String code = "320402" + "0000" + "134" + "0" + String.format("9%05d", made + 1);
			String place = venue.type() == VenueType.SHOP ? "收银台" : "客厅";
			long id = devices.importInstalledAtVenue(all,
					new VenueDeviceDetails(code, venue.id(), null, place, "海康威视", "DS-PEA", true),
					Devices.demoToken(code), now.minusSeconds(20), 1200);
			if (first == null) {
				first = id;
			}
			made++;
		}
		if (first != null) {
			Instant raised = now.minus(Duration.ofDays(2)).minus(Duration.ofHours(3));
			alarms.importPast(new PastAlarm(first, "demo-venue-1", "one_key", raised, "MQTT", "店主发现可疑人员尾随学生，民警到场劝离",
					"社区民警 (demo)", raised.plusSeconds(15), raised.plusSeconds(70), "社区民警", raised.plusSeconds(420),
					raised.plusSeconds(1500), AlarmOutcome.REAL));
		}
		log.info("Demo data: {} one-key alarms at venues near schools", made);
	}

}
