package cn.hxay.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.hxay.emergency.AccidentForm;
import cn.hxay.emergency.AccidentKind;
import cn.hxay.emergency.EmergencyPlans;
import cn.hxay.emergency.Insurance;
import cn.hxay.emergency.PlanForm;
import cn.hxay.emergency.PlanType;
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
 * In demo mode, the overall and fire emergency plans of every fourth school (and of the
 * demo lead's school, whose fire plan is past its review), a few in a second version or
 * past review, and an accident with insurance and mediation at every twentieth school.
 * Written through the emergency API; skipped when any plan exists.
 */
@Component
class DemoEmergency {

	private static final Logger log = LoggerFactory.getLogger(DemoEmergency.class);

	private final boolean enabled;

	private final EmergencyPlans plans;

	private final SchoolRegistry schools;

	private final UserAccounts accounts;

	private final Clock clock;

	DemoEmergency(@Value("${hxay.demo.enabled:true}") boolean enabled, EmergencyPlans plans, SchoolRegistry schools,
			UserAccounts accounts, Clock clock) {
		this.enabled = enabled;
		this.plans = plans;
		this.schools = schools;
		this.accounts = accounts;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (!enabled || plans.anyPlan()) {
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
			boolean lead = school.organisationId() == leadUnit;
			if (!lead && i % 4 != 0) {
				continue;
			}
			CurrentUser by = new CurrentUser(0, "demo", school.name() + "安全负责人", school.organisationId(),
					Set.of(Role.SCHOOL_SAFETY_LEAD));
			LocalDate approved = today.minusDays(200 + i % 150);
			plans.file(by, all, new PlanForm(school.id(), PlanType.OVERALL, school.name() + "突发事件总体应急预案", approved,
					approved.plusYears(1)));
			boolean overdue = lead || i % 12 == 0;
			LocalDate fire = today.minusDays(overdue ? 400 : 100);
			plans.file(by, all,
					new PlanForm(school.id(), PlanType.FIRE, school.name() + "火灾事故应急预案", fire, fire.plusYears(1)));
			if (i % 8 == 0) {
				LocalDate again = today.minusDays(10);
				plans.file(by, all, new PlanForm(school.id(), PlanType.FIRE, school.name() + "火灾事故应急预案（修订）", again,
						again.plusYears(1)));
			}
			if (i % 20 == 0) {
				plans.report(by, all,
						new AccidentForm(school.id(), today.minusDays(5 + i % 30), AccidentKind.SPORTS,
								"体育课跳远时一名学生摔倒，左臂骨折。", 1, "现场教师立即停课并通知校医，校领导陪同送医，当日通知家长。",
								i % 40 == 0 ? Insurance.PAID : Insurance.FILED, "PICC-" + (20260000 + i),
								i % 40 == 0 ? new BigDecimal("3860.00") : null,
								i % 40 == 0 ? "经镇人民调解委员会调解，家长与学校达成一致，由保险赔付医疗费用。" : null));
			}
			n++;
		}
		log.info("演示应急预案已生成: {} 所学校", n);
	}

}
