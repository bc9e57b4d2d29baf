package cn.hxay.demo;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.incident.Incident;
import cn.hxay.incident.IncidentType;
import cn.hxay.incident.Incidents;
import cn.hxay.incident.NewAction;
import cn.hxay.incident.NewIncident;
import cn.hxay.incident.NewReport;
import cn.hxay.incident.Track;
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
 * In demo mode, four school incidents reported by 青龙派出所 for schools in its area: one just
 * reported, one followed up with all three tracks of 三同步, one closed with its final
 * report, and one whose final report is overdue (reported late, eight days after it
 * happened), so the lists, statistics and the 逾期 tile are not empty. Written through the
 * incident module's API; skipped when any incident exists.
 */
@Component
class DemoIncidents {

	private static final Logger log = LoggerFactory.getLogger(DemoIncidents.class);

	private final boolean enabled;

	private final Incidents incidents;

	private final Organisations organisations;

	private final SchoolRegistry schools;

	private final Clock clock;

	DemoIncidents(@Value("${hxay.demo.enabled:true}") boolean enabled, Incidents incidents, Organisations organisations,
			SchoolRegistry schools, Clock clock) {
		this.enabled = enabled;
		this.incidents = incidents;
		this.organisations = organisations;
		this.schools = schools;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (!enabled || incidents.anyRecorded()) {
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
		own.sort(Comparator.comparingLong(School::id));
		if (own.size() < 3) {
			return;
		}
		CurrentUser officer = new CurrentUser(0, "demo", "青龙派出所社区民警", station.id(), Set.of(Role.STATION_OFFICER));
		LocalDateTime now = PlatformTime.local(clock.instant()).withSecond(0).withNano(0);

		incidents.report(officer, scope, new NewIncident(own.get(0).id(), IncidentType.INTRUSION, now.minusMinutes(35),
				"学校东侧门卫室", "一名醉酒成年男子", "该男子酒后欲强行进入校园，被保安拦阻后在校门口滋事，社区民警到场将其带离，未造成人员受伤。", 0, 0, null));

		Incident fight = incidents.report(officer, scope, new NewIncident(own.get(1).id(), IncidentType.VIOLENCE,
				now.minusHours(20), "学校北门外人行道", "两名校外青年与本校初二学生 3 名", "放学时两名校外青年在北门外拦截并殴打本校学生，致一名学生轻伤。", 0, 1, null));
		incidents.recordAction(officer, scope, fight.id(),
				new NewAction(Track.ON_SITE, now.minusHours(19), "民警 5 分钟到场，控制两名嫌疑人，受伤学生送医。"));
		incidents.recordAction(officer, scope, fight.id(),
				new NewAction(Track.PUBLIC_OPINION, now.minusHours(15), "会同学校向家长群通报情况，澄清网传“持刀伤人”不实信息。"));
		incidents.recordAction(officer, scope, fight.id(),
				new NewAction(Track.SOCIAL_CONTROL, now.minusHours(12), "放学时段北门增派护学岗警力，开展周边巡逻。"));
		incidents.followUp(officer, scope, fight.id(), new NewReport("两名嫌疑人已依法行政拘留；受伤学生门诊治疗后返校。", 0, 1));

		Incident theft = incidents.report(officer, scope, new NewIncident(own.get(2).id(), IncidentType.THEFT,
				now.minusHours(2), "学校自行车棚", "不明身份人员", "学校报称车棚内学生电动自行车 2 辆被盗。", 0, 0, null));
		incidents.recordAction(officer, scope, theft.id(),
				new NewAction(Track.ON_SITE, now.minusMinutes(90), "调取校园及周边监控，锁定嫌疑人体貌特征。"));
		incidents.finalReport(officer, scope, theft.id(), new NewReport("嫌疑人已抓获，被盗车辆已追回发还；督促学校在车棚加装监控。", 0, 0));

		incidents.report(officer, scope, new NewIncident(own.get(0).id(), IncidentType.TRAFFIC, now.minusDays(8),
				"学校门前路口", "本校五年级学生 1 名、电动三轮车驾驶人", "上学途中学生在校门前路口被电动三轮车刮倒，擦伤。", 0, 1, null));
		log.info("演示涉校案事件已生成: 4 起");
	}

}
