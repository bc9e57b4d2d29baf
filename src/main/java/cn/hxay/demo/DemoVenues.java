package cn.hxay.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.school.School;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolKind;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.surroundings.Gcj02;
import cn.hxay.surroundings.VenueDetails;
import cn.hxay.surroundings.Venues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In demo mode, twenty venues around primary and middle schools of 青龙派出所 and the other
 * stations of 天宁区: shops, food stalls, a lottery kiosk, small hotels and internet cafes,
 * three of the cafes within 200 m of a school (so the ledger has violations), entered
 * half in GCJ-02 as copied from a map app. Written through the surroundings module's
 * public API; skipped when any venue exists.
 */
@Component
class DemoVenues {

	private static final Logger log = LoggerFactory.getLogger(DemoVenues.class);

	/** Type, name, metres north of the school, metres east. */
	private static final Object[][] VENUES = { { "INTERNET_CAFE", "星空网咖", 120, 40 },
			{ "INTERNET_CAFE", "极速网络会所", 180, -60 }, { "INTERNET_CAFE", "网鱼电竞馆", -90, 130 },
			{ "INTERNET_CAFE", "光速网吧", 420, 260 }, { "FOOD_STALL", "校门口烧烤摊", 60, 10 },
			{ "FOOD_STALL", "阿香麻辣烫", -70, 40 }, { "FOOD_STALL", "老街小笼包", 150, -30 }, { "SHOP", "学友文具店", 40, -20 },
			{ "SHOP", "便民超市", -50, -80 }, { "SHOP", "晨光文具", 90, 110 }, { "LOTTERY", "福利彩票投注站", 260, 30 },
			{ "SMALL_HOTEL", "如家快捷宾馆", 310, -150 }, { "SMALL_HOTEL", "青龙旅社", 240, 200 },
			{ "RENTAL_HOUSING", "龙城花苑出租屋", -200, 60 }, { "SCRAP_YARD", "天宁废品回收站", 450, -300 },
			{ "ENTERTAINMENT", "金嗓子KTV", 380, 90 }, { "ENTERTAINMENT", "星光台球室", -260, -200 },
			{ "OTHER", "托管辅导点", 70, -140 }, { "SHOP", "奶茶小铺", -30, 60 }, { "FOOD_STALL", "早点铺", 110, 90 } };

	private final boolean enabled;

	private final Venues venues;

	private final Organisations organisations;

	private final SchoolRegistry schools;

	DemoVenues(@Value("${hxay.demo.enabled:true}") boolean enabled, Venues venues, Organisations organisations,
			SchoolRegistry schools) {
		this.enabled = enabled;
		this.venues = venues;
		this.organisations = organisations;
		this.schools = schools;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (!enabled || venues.anyRecorded()) {
			return;
		}
		List<Organisation> stations = new ArrayList<>(organisations.units("320402", OrganisationKind.POLICE_STATION));
		stations
			.sort(Comparator.comparing((Organisation o) -> !o.name().equals("青龙派出所")).thenComparing(Organisation::id));
		List<School> near = new ArrayList<>();
		for (Organisation station : stations) {
			schools.forEach(DataScope.everything(false), SchoolFilter.none(), school -> {
				if (station
					.id() == (school.details().policeStationId() == null ? -1 : school.details().policeStationId())
						&& school.details().latitude() != null
						&& Set.of(SchoolKind.PRIMARY, SchoolKind.JUNIOR_SECONDARY, SchoolKind.NINE_YEAR)
							.contains(school.details().kind())
						&& near.size() < 5) {
					near.add(school);
				}
			});
		}
		if (near.isEmpty()) {
			return;
		}
		int made = 0;
		for (int i = 0; i < VENUES.length; i++) {
			School school = near.get(i % near.size());
			long station = school.details().policeStationId();
			CurrentUser officer = new CurrentUser(0, "demo", "社区民警", station, Set.of(Role.STATION_OFFICER));
			double lat = school.details().latitude().doubleValue() + ((Integer) VENUES[i][2]) / 111_195.0;
			double lon = school.details().longitude().doubleValue() + ((Integer) VENUES[i][3]) / 94_500.0;
			String system = "WGS84";
			if (i % 2 == 1) {
				double[] gcj = Gcj02.fromWgs84(lat, lon);
				lat = gcj[0];
				lon = gcj[1];
				system = "GCJ02";
			}
			String address = (school.details().address() == null ? "天宁区" : school.details().address()) + "旁";
			venues.create(officer, DataScope.everything(false), new VenueDetails((String) VENUES[i][0],
					(String) VENUES[i][1], address, system, decimal(lon), decimal(lat), Long.toString(station),
					school.details().townshipId() == null ? "" : school.details().townshipId().toString(), "true"));
			made++;
		}
		log.info("Demo data: {} venues near schools of 天宁区", made);
	}

	private static String decimal(double value) {
		return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).toPlainString();
	}

}
