package cn.hxay.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.hxay.drill.ActivityForm;
import cn.hxay.drill.DrillForm;
import cn.hxay.drill.DrillRules;
import cn.hxay.drill.DrillType;
import cn.hxay.drill.Drills;
import cn.hxay.drill.SessionForm;
import cn.hxay.drill.SessionKind;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.identity.UserAccounts;
import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.PlatformTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In demo mode, each school's drills of the four types, held on deterministic days so
 * that most are done and some are due, scheduled or overdue; the demo school lead's
 * school has its evacuation drill overdue and its fire drill due. Every third school has
 * a safety session or 法治辅导员 lecture and every fifth a group activity. Written through the
 * drill module's API; skipped when any drill exists.
 */
@Component
class DemoDrills {

	private static final Logger log = LoggerFactory.getLogger(DemoDrills.class);

	private static final String[] SCENARIOS = { "教学楼三楼起火，全校师生按疏散路线撤离至操场并清点人数", "上课期间发生地震，师生就地避险后有序疏散",
			"可疑人员持械闯入校门，门卫启动一键报警，保安持器械处置，师生关门避险", "课间操时段突发火情，按楼层分批疏散" };

	private static final String[] LESSONS = { "东侧楼梯疏散指示灯不亮", "二楼走廊堆放杂物，影响疏散", "个别班级清点人数用时较长", "" };

	private final boolean enabled;

	private final Drills drills;

	private final SchoolRegistry schools;

	private final UserAccounts accounts;

	private final Clock clock;

	DemoDrills(@Value("${hxay.demo.enabled:true}") boolean enabled, Drills drills, SchoolRegistry schools,
			UserAccounts accounts, Clock clock) {
		this.enabled = enabled;
		this.drills = drills;
		this.schools = schools;
		this.accounts = accounts;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (!enabled || drills.anyDrill()) {
			return;
		}
		DataScope all = DataScope.everything(false);
		List<School> list = new ArrayList<>();
		// the records of 天宁区's schools only (the demo school lead's county): the other
		// counties have not started recording drills on the platform yet, so their
		// bureaus see every drill due; this keeps a fresh start (and each test context)
		// quick
		schools.forEach(all, SchoolFilter.none(), school -> {
			if (school.regionCode().equals("320402")) {
				list.add(school);
			}
		});
		if (list.isEmpty()) {
			return;
		}
		long leadUnit = accounts.search(DemoUsers.SCHOOL_LEAD, null, PageRequest.of(0, 5))
			.items()
			.stream()
			.filter(u -> u.username().equals(DemoUsers.SCHOOL_LEAD))
			.map(u -> u.organisationId())
			.findFirst()
			.orElse(-1L);
		LocalDate today = PlatformTime.today(clock);
		DrillRules rules = drills.rules();
		int window = rules.dueWindowDays();
		int written = 0;
		for (int i = 0; i < list.size(); i++) {
			School school = list.get(i);
			boolean lead = school.organisationId() == leadUnit;
			CurrentUser by = new CurrentUser(0, "demo", school.name() + "安全负责人", school.organisationId(),
					Set.of(Role.SCHOOL_SAFETY_LEAD));
			int people = school.details().students() == null ? 300 : Math.max(20, school.details().students());
			for (DrillType type : DrillType.values()) {
				int interval = rules.intervalDays(school.details().kind(), type);
				int r = (i * 7 + type.ordinal() * 3) % 20;
				if (lead) {
					r = type == DrillType.EVACUATION ? 0 : type == DrillType.FIRE ? 2 : 10;
				}
				Integer daysAgo;
				if (r == 0) {
					daysAgo = null; // never held: overdue
				}
				else if (r == 1) {
					daysAgo = interval + 10; // overdue
				}
				else if (r == 2 || r == 3) {
					daysAgo = interval - window / 2; // due soon
				}
				else {
					daysAgo = 1 + (i + r) % Math.max(1, interval - window - 2);
				}
				if (daysAgo != null) {
					drills.record(by, all,
							new DrillForm(school.id(), type, today.minusDays(daysAgo), people,
									5 + (i + type.ordinal()) % 10, SCENARIOS[type.ordinal() % SCENARIOS.length],
									LESSONS[(i + type.ordinal()) % LESSONS.length]));
					written++;
				}
				if (r == 3) {
					drills.record(by, all, new DrillForm(school.id(), type, today.plusDays(Math.max(1, window / 4)),
							null, null, SCENARIOS[type.ordinal() % SCENARIOS.length], null));
					written++;
				}
			}
			if (i % 3 == 0 || lead) {
				drills.recordSession(by, all,
						new SessionForm(school.id(), i % 2 == 0 ? SessionKind.EDUCATION : SessionKind.LEGAL_LECTURE,
								today.minusDays(1 + i % 60), i % 2 == 0 ? "寒假防溺水、防火及交通安全专题教育" : "预防校园欺凌与未成年人保护法治讲座",
								i % 2 == 0 ? "学校安全办" : "属地派出所法治辅导员", people));
			}
			if (i % 5 == 0 || lead) {
				drills.recordActivity(by, all, new ActivityForm(school.id(), today.minusDays(2 + i % 50),
						"研学实践活动（常州博物馆）", Math.max(10, people / 10), i % 10 != 5, i % 10 != 5 ? "副校长" : ""));
			}
		}
		log.info("演示演练记录已生成: {} 条", written);
	}

}
