package cn.hxay.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import cn.hxay.dispute.Dispute;
import cn.hxay.dispute.DisputeKind;
import cn.hxay.dispute.DisputeStep;
import cn.hxay.dispute.Disputes;
import cn.hxay.dispute.NewDispute;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.school.School;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.PlatformTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In demo mode, three school-related disputes in 青龙派出所's area: one open, one escalated,
 * one resolved. Written through the dispute module's API; skipped when any exists.
 */
@Component
class DemoDisputes {

	private static final Logger log = LoggerFactory.getLogger(DemoDisputes.class);

	private final boolean enabled;

	private final Disputes disputes;

	private final Organisations organisations;

	private final SchoolRegistry schools;

	private final Clock clock;

	DemoDisputes(@Value("${hxay.demo.enabled:true}") boolean enabled, Disputes disputes, Organisations organisations,
			SchoolRegistry schools, Clock clock) {
		this.enabled = enabled;
		this.disputes = disputes;
		this.organisations = organisations;
		this.schools = schools;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (!enabled || disputes.anyRecorded()) {
			return;
		}
		Organisation station = organisations.units("", OrganisationKind.POLICE_STATION)
			.stream()
			.filter(o -> o.name().equals("青龙派出所"))
			.findFirst()
			.orElse(null);
		if (station == null) {
			return;
		}
		DataScope scope = organisations.scopeOf(station.id(), false);
		List<School> own = new ArrayList<>();
		schools.forEach(scope, SchoolFilter.none(), own::add);
		own.sort(Comparator.comparingLong(School::id).reversed());
		if (own.size() < 3) {
			return;
		}
		CurrentUser officer = new CurrentUser(0, "demo", "青龙派出所社区民警", station.id(), Set.of(Role.STATION_OFFICER));
		LocalDate today = PlatformTime.today(clock);
		disputes.register(officer, scope, new NewDispute(own.get(0).id(), DisputeKind.CANTEEN, "家长对食堂伙食质量有意见",
				"部分家长在家长群反映食堂饭菜分量不足、价格偏高，扬言到校聚集。", "部分学生家长、学校、食堂承包方", "学校、教育局", "王校长", today.plusDays(10)));
		Dispute labour = disputes.register(officer, scope, new NewDispute(own.get(1).id(), DisputeKind.LABOUR,
				"校舍维修工程款拖欠", "施工队称学校维修工程款未结清，工人多次到校讨薪。", "施工队负责人及工人 12 名、学校", "区教育局、青龙派出所", "李警官", today.plusDays(5)));
		disputes.escalate(officer, scope, labour.id(), new DisputeStep("工人扬言集体上访，已报区教育局和街道协调解决。"));
		Dispute parent = disputes.register(officer, scope, new NewDispute(own.get(2).id(), DisputeKind.PARENT_SCHOOL,
				"学生体育课受伤赔偿纠纷", "学生体育课骨折，家长要求学校赔偿并多次到校理论。", "受伤学生家长、学校", "学校、青龙派出所", "张老师", today.plusDays(15)));
		disputes.resolve(officer, scope, parent.id(), new DisputeStep("经人民调解委员会调解，由校方责任险理赔，家长签字认可。"));
		log.info("演示矛盾纠纷已生成: 3 条");
	}

}
