package cn.hxay.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.hxay.hazard.HazardCategory;
import cn.hxay.hazard.HazardGrade;
import cn.hxay.hazard.HazardLedger;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.school.School;
import cn.hxay.shared.PageRequest;
import cn.hxay.supervision.Commands;
import cn.hxay.supervision.GroupKind;
import cn.hxay.supervision.LeadershipGroup;
import cn.hxay.supervision.MemberRole;
import cn.hxay.supervision.Notice;
import cn.hxay.supervision.NoticeKind;
import cn.hxay.supervision.Supervision;
import cn.hxay.supervision.Visit;
import cn.hxay.supervision.VisitKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In demo mode: the city's 护校安园工作领导小组 with its members, one 明察暗访 by 常州市教育局 at two 天宁区
 * schools with a finding raised on the hazard ledger, and a 通报 on it sent to the six
 * county bureaus (two have signed for it; 天宁区教育局 has not, so its start page shows the
 * to-do). Written through the supervision module's API; skipped when any group exists.
 */
@Component
class DemoSupervision {

	private static final Logger log = LoggerFactory.getLogger(DemoSupervision.class);

	private final boolean enabled;

	private final Supervision supervision;

	private final Organisations organisations;

	DemoSupervision(@Value("${hxay.demo.enabled:true}") boolean enabled, Supervision supervision,
			Organisations organisations) {
		this.enabled = enabled;
		this.supervision = supervision;
		this.organisations = organisations;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (!enabled || !supervision.groups(DataScope.everything(true)).isEmpty()) {
			return;
		}
		List<Organisation> city = organisations.units("320400", OrganisationKind.CITY_EDUCATION_BUREAU);
		List<Organisation> counties = organisations.units("320400", OrganisationKind.COUNTY_EDUCATION_BUREAU);
		if (city.isEmpty() || counties.isEmpty()) {
			return;
		}
		Organisation bureau = city.get(0);
		CurrentUser officer = new CurrentUser(0, "demo", "市教育局安稳处", bureau.id(), Set.of(Role.CITY_EDUCATION_ADMIN));
		DataScope scope = organisations.scopeOf(bureau.id(), false);
		LocalDate today = supervision.today();
		LeadershipGroup group = supervision.createGroup(officer, new Commands.NewGroup(GroupKind.LEADERSHIP_GROUP,
				"常州市护校安园工作领导小组", "统筹全市学校及周边治安综合治理，研究解决重大问题，组织督导检查和考核问责。"));
		member(officer, scope, group, "周建国", MemberRole.LEADER, "市教育局局长", "13861100001", today);
		member(officer, scope, group, "陈立新", MemberRole.DEPUTY, "市教育局副局长", "13861100002", today);
		member(officer, scope, group, "王海燕", MemberRole.MEMBER, "市教育局安全稳定处处长", "13861100003", today);
		member(officer, scope, group, "刘晓东", MemberRole.LIAISON, "市教育局安全稳定处科员", "0519-85600001", today);
		List<School> tianning = supervision.schoolsFor(organisations.scopeOf(
				counties.stream().filter(c -> c.regionCode().equals("320402")).findFirst().orElse(counties.get(0)).id(),
				false));
		if (tianning.size() < 2) {
			return;
		}
		List<School> visited = tianning.subList(tianning.size() - 2, tianning.size());
		Visit visit = supervision.recordVisit(officer, scope,
				new Commands.NewVisit(VisitKind.UNANNOUNCED, today.minusDays(3), "市教育局安全稳定处 王海燕、刘晓东",
						"不打招呼、直奔现场，检查门卫值守、来访登记和一键报警装置。", visited.stream().map(School::id).toList()));
		Visit.Finding finding = supervision.addFinding(officer, scope, visit.id(),
				new Commands.NewFinding(visited.get(0).id(), "上午放学时段校门口仅 1 名保安在岗，未按要求配备防暴器械，来访人员未登记即进入校园。"));
		supervision.addFinding(officer, scope, visit.id(),
				new Commands.NewFinding(visited.get(1).id(), "门卫值守规范，来访登记完整，一键报警装置测试正常。"));
		supervision.raiseHazard(officer, scope, visit.id(), finding.id(),
				new HazardLedger.NewHazard(visited.get(0).id(), "校门", HazardCategory.PERSONNEL, HazardGrade.GENERAL,
						finding.text(), "放学高峰时段保安不少于 2 人在岗，配齐防暴器械，严格落实来访登记。", visited.get(0).name(), "校长",
						today.plusDays(15)));
		Notice notice = supervision.issueNotice(officer, scope, new Commands.NewNotice(NoticeKind.CRITICISM,
				"关于学校门卫值守明察暗访情况的通报",
				"近日，市教育局组织对天宁区部分学校门卫值守情况开展明察暗访。" + visited.get(0).name()
						+ "放学时段仅 1 名保安在岗、未配备防暴器械、来访人员未登记即进入校园，现予通报批评。\n各地各校要举一反三，严格落实门卫值守、来访登记和护学岗制度，于 15 日内将整改情况报市教育局。",
				counties.stream().map(Organisation::id).toList(), visit.id()));
		int confirmed = 0;
		for (Notice.Recipient r : notice.recipients()) {
			if (confirmed < 2 && !r.unitName().startsWith("天宁") && !r.unitName().startsWith("武进")) {
				CurrentUser county = new CurrentUser(0, "demo", r.unitName() + "安稳科", r.unitId(),
						Set.of(Role.COUNTY_EDUCATION_ADMIN));
				supervision.confirm(county, organisations.scopeOf(r.unitId(), false), notice.id());
				confirmed++;
			}
		}
		log.info("演示督导问责已生成: 领导小组 1 个, 明察暗访 1 次, 通报 {}", notice.number());
	}

	private void member(CurrentUser officer, DataScope scope, LeadershipGroup group, String name, MemberRole role,
			String position, String phone, LocalDate today) {
		supervision.addMember(officer, scope, group.id(),
				new Commands.NewMember(name, role, position, phone, today.minusMonths(3)));
	}

}
