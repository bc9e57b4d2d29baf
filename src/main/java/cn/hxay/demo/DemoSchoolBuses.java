package cn.hxay.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.identity.UserAccounts;
import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolKind;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.schoolbus.BusForm;
import cn.hxay.schoolbus.DriverForm;
import cn.hxay.schoolbus.RouteForm;
import cn.hxay.schoolbus.SchoolBuses;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.PlatformTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In demo mode, a school bus with its driver and approved route at every sixth primary or
 * kindergarten (and at the demo lead's school): most dates valid, some lapsing within the
 * warning window and a few lapsed. The demo lead's bus sign lapses in 20 days and its
 * driver's licence lapsed 3 days ago. Written through the school-bus API; skipped when
 * any bus exists.
 */
@Component
class DemoSchoolBuses {

	private static final Logger log = LoggerFactory.getLogger(DemoSchoolBuses.class);

	private static final String[] DRIVERS = { "张建国", "李卫东", "王志强", "刘国平", "陈永华", "杨正明" };

	private final boolean enabled;

	private final SchoolBuses buses;

	private final SchoolRegistry schools;

	private final UserAccounts accounts;

	private final Clock clock;

	DemoSchoolBuses(@Value("${hxay.demo.enabled:true}") boolean enabled, SchoolBuses buses, SchoolRegistry schools,
			UserAccounts accounts, Clock clock) {
		this.enabled = enabled;
		this.buses = buses;
		this.schools = schools;
		this.accounts = accounts;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (!enabled || buses.anyBus()) {
			return;
		}
		DataScope all = DataScope.everything(false);
		List<School> list = new ArrayList<>();
		schools.forEach(all, SchoolFilter.none(), list::add);
		long leadUnit = accounts.search(DemoUsers.SCHOOL_LEAD, null, PageRequest.of(0, 5))
			.items()
			.stream()
			.filter(u -> u.username().equals(DemoUsers.SCHOOL_LEAD))
			.map(u -> u.organisationId())
			.findFirst()
			.orElse(-1L);
		LocalDate today = PlatformTime.today(clock);
		int n = 0;
		for (int i = 0; i < list.size(); i++) {
			School school = list.get(i);
			SchoolKind kind = school.details().kind();
			boolean lead = school.organisationId() == leadUnit;
			if (!lead && (i % 6 != 0 || (kind != SchoolKind.PRIMARY && kind != SchoolKind.KINDERGARTEN))) {
				continue;
			}
			CurrentUser by = new CurrentUser(0, "demo", school.name() + "安全负责人", school.organisationId(),
					Set.of(Role.SCHOOL_SAFETY_LEAD));
			String plate = "苏D" + String.format("%05d", 10000 + i);
			int r = i % 10;
			LocalDate sign = today.plusDays(lead ? 20 : r == 0 ? -5 : r == 1 ? 15 : 200 + i % 100);
			LocalDate inspection = today.plusDays(r == 2 && !lead ? 10 : 120 + i % 60);
			buses.saveBus(by, all, new BusForm(school.id(), plate, kind == SchoolKind.KINDERGARTEN ? 19 : 35,
					"苏教校车〔" + today.getYear() + "〕" + (100 + i) + "号", sign, inspection));
			LocalDate licence = lead ? today.minusDays(3) : today.plusDays(r == 3 ? -10 : 400 + i);
			LocalDate training = today.minusDays(r == 4 && !lead ? 380 : 30 + i % 200);
			String driver = DRIVERS[i % DRIVERS.length];
			buses.saveDriver(by, all, new DriverForm(school.id(), driver, i % 2 == 0 ? "A1" : "B1", licence, training));
			buses.saveRoute(by, all,
					new RouteForm(school.id(), "一号线", "学校—" + school.name().substring(0, 2) + "村委会—中心卫生院—学校", plate,
							"常教安〔" + today.getYear() + "〕" + (10 + i % 90) + "号", today.minusDays(60)));
			n++;
		}
		log.info("演示校车已生成: {} 辆", n);
	}

}
