package cn.hxay.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.identity.UserAccounts;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.patrol.NewDuty;
import cn.hxay.patrol.PatrolPoint;
import cn.hxay.patrol.Patrols;
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
 * In demo mode, patrols: the demo school lead's school and a dozen other 天宁区 schools get
 * the standard plan (5 rounds a day), four to six points and a week's duty roster with a
 * leader on duty (the lead's school with a holiday day); the lead's school has one round
 * walked today. Written through the patrol module's API, so the posture facts 巡查制度, 假期值班表
 * and 领导带班 follow; skipped when any plan exists.
 */
@Component
class DemoPatrols {

	private static final Logger log = LoggerFactory.getLogger(DemoPatrols.class);

	private static final String[] POINTS = { "东门（正门）", "教学楼一楼大厅", "食堂及仓库", "配电房", "宿舍楼", "西侧围墙" };

	private final boolean enabled;

	private final Patrols patrols;

	private final SchoolRegistry schools;

	private final Organisations organisations;

	private final UserAccounts accounts;

	private final java.time.Clock clock;

	DemoPatrols(@Value("${hxay.demo.enabled:true}") boolean enabled, Patrols patrols, SchoolRegistry schools,
			Organisations organisations, UserAccounts accounts, java.time.Clock clock) {
		this.enabled = enabled;
		this.patrols = patrols;
		this.schools = schools;
		this.organisations = organisations;
		this.accounts = accounts;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (!enabled || patrols.anyRecorded()) {
			return;
		}
		long leadUnit = accounts.search(DemoUsers.SCHOOL_LEAD, null, PageRequest.of(0, 5))
			.items()
			.stream()
			.filter(u -> u.username().equals(DemoUsers.SCHOOL_LEAD))
			.map(u -> u.organisationId())
			.findFirst()
			.orElse(-1L);
		List<School> tianning = new ArrayList<>();
		schools.forEach(DataScope.everything(false), new SchoolFilter(null, "320402", null, null, null, null),
				tianning::add);
		LocalDate today = PlatformTime.today(clock);
		int done = 0;
		for (School s : tianning) {
			boolean lead = s.organisationId() == leadUnit;
			if (!lead && done >= 12) {
				continue;
			}
			CurrentUser user = new CurrentUser(0, "demo.guard", "保安 周师傅", s.organisationId(),
					Set.of(Role.SCHOOL_SAFETY_LEAD));
			DataScope scope = organisations.scopeOf(s.organisationId(), false);
			int points = 4 + (int) (s.id() % 3);
			List<PatrolPoint> added = new ArrayList<>();
			for (int i = 0; i < points; i++) {
				added.add(patrols.addPoint(user, scope, POINTS[i], i + 1));
			}
			for (int d = 0; d < 7; d++) {
				boolean holiday = lead && d == 5;
				patrols.addDuty(user, scope, new NewDuty(today.plusDays(d), "值班教师 " + (d + 1), false, holiday));
				if (d % 7 != 3 || lead) {
					patrols.addDuty(user, scope, new NewDuty(today.plusDays(d), "副校长 " + (1 + d % 2), true, holiday));
				}
			}
			if (lead) {
				// one round today at no minimum pace (demo data is written at one
				// moment),
				// then the plan's 60 s
				patrols.savePlan(user, scope, 5, 0, 120);
				for (PatrolPoint p : added) {
					patrols.scan(user, scope, p.token());
				}
				patrols.savePlan(user, scope, 5, 60, 120);
			}
			else {
				done++;
			}
		}
		log.info("演示巡更计划、点位和值班表已生成: {} 所学校", done + 1);
	}

}
