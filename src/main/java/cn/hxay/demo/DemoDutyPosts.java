package cn.hxay.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.hxay.dutypost.BellRow;
import cn.hxay.dutypost.DutyPost;
import cn.hxay.dutypost.DutyPosts;
import cn.hxay.dutypost.LinkForm;
import cn.hxay.dutypost.NewCheckIn;
import cn.hxay.dutypost.NewPost;
import cn.hxay.dutypost.NewRoster;
import cn.hxay.dutypost.OfficerKind;
import cn.hxay.dutypost.Period;
import cn.hxay.dutypost.PoliceRoom;
import cn.hxay.dutypost.SchoolPoliceLinks;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.school.School;
import cn.hxay.shared.PlatformTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In demo mode, 护学岗 at six of 青龙派出所's schools (two gates at the first), their bells
 * (staggered at the first school, earlier dismissal on Fridays), today's roster of two
 * officers per peak, check-ins at three posts, and the police links of the station's
 * schools, two thirds of them complete. Written through the dutypost module's API;
 * skipped when any post exists.
 */
@Component
class DemoDutyPosts {

	private static final Logger log = LoggerFactory.getLogger(DemoDutyPosts.class);

	private static final String[][] OFFICERS = { { "王建国", "POLICE" }, { "李明", "AUXILIARY" }, { "张伟", "POLICE" },
			{ "刘洋", "AUXILIARY" }, { "陈强", "POLICE" }, { "赵磊", "AUXILIARY" } };

	private final boolean enabled;

	private final DutyPosts posts;

	private final SchoolPoliceLinks links;

	private final Organisations organisations;

	private final Clock clock;

	DemoDutyPosts(@Value("${hxay.demo.enabled:true}") boolean enabled, DutyPosts posts, SchoolPoliceLinks links,
			Organisations organisations, Clock clock) {
		this.enabled = enabled;
		this.posts = posts;
		this.links = links;
		this.organisations = organisations;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (!enabled || !posts.posts(DataScope.everything(true), null).isEmpty()) {
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
		CurrentUser officer = new CurrentUser(0, "demo", "青龙派出所社区民警", station.id(), Set.of(Role.STATION_OFFICER));
		DataScope scope = organisations.scopeOf(station.id(), false);
		List<School> schools = posts.schoolsInScope(scope);
		LocalDate today = PlatformTime.today(clock);
		int made = 0;
		for (int i = 0; i < Math.min(6, schools.size()); i++) {
			School school = schools.get(i);
			posts.replaceBells(officer, scope, school.id(),
					i == 0 ? List.of(new BellRow(Period.ARRIVAL, "一至三年级", "07:30", "12345"),
							new BellRow(Period.ARRIVAL, "四至六年级", "07:50", "12345"),
							new BellRow(Period.DISMISSAL, "一至三年级", "15:40", "12345"),
							new BellRow(Period.DISMISSAL, "四至六年级", "16:30", "1234"),
							new BellRow(Period.DISMISSAL, "四至六年级", "15:50", "5"))
							: List.of(new BellRow(Period.ARRIVAL, "全校", "07:40", "12345"),
									new BellRow(Period.DISMISSAL, "全校", i % 2 == 0 ? "16:20" : "17:00", "12345")));
			for (String gate : i == 0 ? List.of("正门", "东侧门") : List.of("正门")) {
				BigDecimal lat = school.details().latitude();
				BigDecimal lon = school.details().longitude();
				DutyPost post = posts.create(officer, scope, new NewPost(school.id(), gate, lat, lon));
				made++;
				for (Period period : Period.values()) {
					for (int k = 0; k < 2; k++) {
						String[] who = OFFICERS[(made * 2 + k) % OFFICERS.length];
						posts.addRoster(officer, scope, post.id(),
								new NewRoster(today, period, who[0], OfficerKind.valueOf(who[1])));
					}
				}
				if (made <= 3) {
					for (int k = 0; k < (made == 3 ? 1 : 2); k++) {
						String[] who = OFFICERS[(made * 2 + k) % OFFICERS.length];
						posts.checkIn(officer, scope, post.id(), new NewCheckIn(who[0], OfficerKind.valueOf(who[1]),
								lat, lon, 15, gate + "外人行道", made == 1));
					}
				}
			}
		}
		for (int i = 0; i < schools.size(); i++) {
			if (i % 3 == 2) {
				continue;
			}
			links.save(officer, scope, schools.get(i).id(),
					new LinkForm(
							i % 2 == 0 ? "王建国" : null, i % 2 == 0 ? null : "张伟", "青龙派出所 陈强", "0519-86600110", i % 4 == 0
									? PoliceRoom.POLICE_ROOM : i % 4 == 1 ? PoliceRoom.SECURITY_BOOTH : PoliceRoom.NONE,
							true));
		}
		log.info("演示护学岗已生成: {} 个岗位", made);
	}

}
