package cn.hxay.demo;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.identity.UserAccounts;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.school.SchoolKind;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.PlatformTime;
import cn.hxay.warning.NewWarning;
import cn.hxay.warning.Receipt;
import cn.hxay.warning.Warning;
import cn.hxay.warning.WarningLevel;
import cn.hxay.warning.Warnings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In demo mode, two warnings in the demo city, partly read and answered: a 黄色 weather
 * warning from 天宁区教育局 to its schools and an 橙色 risk notice from 常州市公安局 to the city's
 * kindergartens. The demo school lead's school has not read either, so the reading and
 * replying can be tried. Written through the warning module's API; skipped when any
 * warning exists.
 */
@Component
class DemoWarnings {

	private static final Logger log = LoggerFactory.getLogger(DemoWarnings.class);

	private static final String[] REPLIES = { "已召开安全工作会议部署，加固校门及围墙周边设施，安排值班人员 24 小时在岗。",
			"已通知班主任向家长推送安全提示，上下学时段增派护学岗人员，门卫严格登记外来人员。", "已对校园重点部位开展排查，未发现异常，已向主管部门报告。" };

	private final boolean enabled;

	private final Warnings warnings;

	private final Organisations organisations;

	private final UserAccounts accounts;

	private final Clock clock;

	DemoWarnings(@Value("${hxay.demo.enabled:true}") boolean enabled, Warnings warnings, Organisations organisations,
			UserAccounts accounts, Clock clock) {
		this.enabled = enabled;
		this.warnings = warnings;
		this.organisations = organisations;
		this.accounts = accounts;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (!enabled || !warnings.list(DataScope.everything(true)).isEmpty()) {
			return;
		}
		List<Organisation> bureaus = organisations.units("320402", OrganisationKind.COUNTY_EDUCATION_BUREAU);
		List<Organisation> police = organisations.units("320400", OrganisationKind.CITY_PUBLIC_SECURITY_BUREAU);
		if (bureaus.isEmpty() || police.isEmpty()) {
			return;
		}
		long leadUnit = accounts.search(DemoUsers.SCHOOL_LEAD, null, PageRequest.of(0, 5))
			.items()
			.stream()
			.filter(u -> u.username().equals(DemoUsers.SCHOOL_LEAD))
			.map(u -> u.organisationId())
			.findFirst()
			.orElse(-1L);
		LocalDateTime now = PlatformTime.local(clock.instant()).withSecond(0).withNano(0);
		send(bureaus.get(0), Role.COUNTY_EDUCATION_ADMIN, "天宁区教育局安全科", new NewWarning(WarningLevel.YELLOW,
				"寒潮降温天气校园安全防范预警",
				"据气象部门预报，未来 48 小时我区将出现寒潮天气，最低气温降至 -5℃。请各校：\n1. 检查校舍、围墙、临时建筑及供暖设施；\n2. 做好道路结冰期间学生上下学安全提示；\n3. 落实值班值守，发现险情立即报告。",
				now.plusDays(2), null, null), leadUnit, 2);
		send(police.get(0), Role.CITY_POLICE, "常州市公安局治安支队",
				new NewWarning(WarningLevel.ORANGE, "关于加强幼儿园门卫值守的风险提示",
						"近期外地发生不法人员闯入幼儿园伤害儿童案件。请各幼儿园严格落实门卫值守和来访登记制度，接送时段保安不少于 2 人在岗，配齐防暴器械，一键报警装置保持畅通。",
						now.plusHours(30), null, SchoolKind.KINDERGARTEN),
				leadUnit, 3);
		log.info("演示预警已生成: 2 条");
	}

	/** Sends the warning, then every {@code every}-th school reads it and some reply. */
	private void send(Organisation unit, Role role, String name, NewWarning form, long leadUnit, int every) {
		CurrentUser sender = new CurrentUser(0, "demo", name, unit.id(), Set.of(role));
		DataScope scope = organisations.scopeOf(unit.id(), false);
		Warning w = warnings.send(sender, scope, form);
		List<Receipt> receipts = new ArrayList<>(warnings.view(scope, w.id()).receipts());
		for (int i = 0; i < receipts.size(); i++) {
			Receipt r = receipts.get(i);
			if (i % every != 0 || r.schoolUnitId() == leadUnit) {
				continue;
			}
			CurrentUser lead = new CurrentUser(0, "demo", r.schoolName() + "安全负责人", r.schoolUnitId(),
					Set.of(Role.SCHOOL_SAFETY_LEAD));
			DataScope own = organisations.scopeOf(r.schoolUnitId(), false);
			warnings.markRead(lead, own, w.id());
			if (i % (every * 2) == 0) {
				warnings.reply(lead, own, w.id(), REPLIES[i % REPLIES.length]);
			}
		}
	}

}
