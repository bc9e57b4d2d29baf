package cn.hxay.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import cn.hxay.hotspot.Hotspot;
import cn.hxay.hotspot.HotspotDetails;
import cn.hxay.hotspot.HotspotStep;
import cn.hxay.hotspot.Hotspots;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.identity.UserAccounts;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.school.School;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.geo.Distance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In demo mode, three public-order hotspots near schools of 青龙派出所 (one fixed), at schools
 * well away from the demo school lead's school, whose form keeps its typed answers.
 * Written through the hotspot module's API; skipped when any exists.
 */
@Component
class DemoHotspots {

	private static final Logger log = LoggerFactory.getLogger(DemoHotspots.class);

	/** Name, problem, metres north and east of the school. */
	private static final Object[][] SPOTS = { { "校门东侧夜宵摊点", "放学时段流动摊贩占道，闲散青年聚集", 60, 90 },
			{ "校北侧小巷", "社会闲散人员拦截索要学生财物", -120, 40 }, { "校门西侧路口", "早晚高峰车辆乱停，接送秩序混乱", 30, -70 } };

	private final boolean enabled;

	private final Hotspots hotspots;

	private final Organisations organisations;

	private final SchoolRegistry schools;

	private final UserAccounts accounts;

	DemoHotspots(@Value("${hxay.demo.enabled:true}") boolean enabled, Hotspots hotspots, Organisations organisations,
			SchoolRegistry schools, UserAccounts accounts) {
		this.enabled = enabled;
		this.hotspots = hotspots;
		this.organisations = organisations;
		this.schools = schools;
		this.accounts = accounts;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (!enabled || hotspots.anyRecorded()) {
			return;
		}
		Organisation station = organisations.units("320402", OrganisationKind.POLICE_STATION)
			.stream()
			.filter(o -> o.name().equals("青龙派出所"))
			.findFirst()
			.orElse(null);
		long leadUnit = accounts.search(DemoUsers.SCHOOL_LEAD, null, PageRequest.of(0, 5))
			.items()
			.stream()
			.filter(u -> u.username().equals(DemoUsers.SCHOOL_LEAD))
			.map(u -> u.organisationId())
			.findFirst()
			.orElse(-1L);
		if (station == null) {
			return;
		}
		DataScope scope = organisations.scopeOf(station.id(), false);
		List<School> own = new ArrayList<>();
		schools.forEach(scope, SchoolFilter.none(), s -> {
			if (s.details().latitude() != null) {
				own.add(s);
			}
		});
		School lead = own.stream().filter(s -> s.units().school() == leadUnit).findFirst().orElse(null);
		List<School> far = own.stream()
			.filter(s -> lead == null || Distance.wholeMetres(lat(s), lon(s), lat(lead), lon(lead)) > 2_000)
			.sorted(Comparator.comparingLong(School::id).reversed())
			.toList();
		if (far.isEmpty()) {
			return;
		}
		CurrentUser officer = new CurrentUser(0, "demo", "青龙派出所社区民警", station.id(), Set.of(Role.STATION_OFFICER));
		int made = 0;
		for (int i = 0; i < SPOTS.length; i++) {
			School school = far.get(i % far.size());
			double la = lat(school) + ((Integer) SPOTS[i][2]) / 111_195.0;
			double lo = lon(school) + ((Integer) SPOTS[i][3]) / 94_500.0;
			Hotspot h = hotspots.register(officer, scope,
					new HotspotDetails((String) SPOTS[i][0], school.name() + "周边", "WGS84", decimal(lo), decimal(la),
							(String) SPOTS[i][1], Long.toString(station.id()),
							school.details().townshipId() == null ? "" : school.details().townshipId().toString()));
			if (i == 0) {
				hotspots.rectify(officer, scope, h.id(),
						new HotspotStep(Integer.toString(h.version()), "会同城管清理占道摊点，放学时段护学岗巡逻", "true"));
			}
			made++;
		}
		log.info("Demo data: {} public-order hotspots near schools of 青龙派出所", made);
	}

	private static double lat(School s) {
		return s.details().latitude().doubleValue();
	}

	private static double lon(School s) {
		return s.details().longitude().doubleValue();
	}

	private static String decimal(double value) {
		return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).toPlainString();
	}

}
