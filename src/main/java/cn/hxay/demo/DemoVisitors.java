package cn.hxay.demo;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.identity.UserAccounts;
import cn.hxay.keyperson.PersonHashes;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.school.School;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.PlatformTime;
import cn.hxay.visitor.CheckIn;
import cn.hxay.visitor.CheckInResult;
import cn.hxay.visitor.NewPickupCard;
import cn.hxay.visitor.PreRegistration;
import cn.hxay.visitor.Visits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In demo mode, a day at the gate: at the demo school lead's school two visitors inside
 * (one with a car), one gone, one pre-registered for today and one person on the ban
 * list; at a few other 天宁区 schools and kindergartens some visitors, and pick-up cards at
 * a kindergarten. Written through the visitor module's API; skipped when any visit
 * exists.
 */
@Component
class DemoVisitors {

	private static final Logger log = LoggerFactory.getLogger(DemoVisitors.class);

	private final boolean enabled;

	private final Visits visits;

	private final SchoolRegistry schools;

	private final Organisations organisations;

	private final UserAccounts accounts;

	private final Clock clock;

	private int serial;

	DemoVisitors(@Value("${hxay.demo.enabled:true}") boolean enabled, Visits visits, SchoolRegistry schools,
			Organisations organisations, UserAccounts accounts, Clock clock) {
		this.enabled = enabled;
		this.visits = visits;
		this.schools = schools;
		this.organisations = organisations;
		this.accounts = accounts;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (!enabled || visits.anyRecorded()) {
			return;
		}
		long leadUnit = accounts.search(DemoUsers.SCHOOL_LEAD, null, PageRequest.of(0, 5))
			.items()
			.stream()
			.filter(u -> u.username().equals(DemoUsers.SCHOOL_LEAD))
			.map(u -> u.organisationId())
			.findFirst()
			.orElse(-1L);
		if (leadUnit < 0) {
			return;
		}
		CurrentUser lead = school(leadUnit, "门卫 王师傅");
		DataScope own = organisations.scopeOf(leadUnit, false);
		visits.ban(lead, own, "滋扰人员甲", id("320402197305"), "多次在校门口滋扰师生，经派出所处理");
		visits.preRegister(lead, own,
				new PreRegistration("周家长", "13800001111", "与班主任沟通学生情况", "四年级一班 陈老师", null, PlatformTime.today(clock)));
		visits.checkIn(lead, own, new CheckIn("吴工程师", id("320411198507"), "13900002222", "检修消防设施", "总务处 钱老师", "苏D8A123",
				"总务处 钱老师", null));
		visits.checkIn(lead, own,
				new CheckIn("郑老师", id("320404199001"), null, "区教研室听课", "教务处 孙主任", null, "教务处 孙主任", null));
		CheckInResult gone = visits.checkIn(lead, own,
				new CheckIn("冯师傅", id("320402196811"), null, "配送食堂食材", "食堂 刘经理", "苏DF3K21", "食堂 刘经理", null));
		visits.checkOut(lead, own, gone.visit().id());
		School leadSchool = visits.ownSchool(lead, own).orElseThrow();
		if (Visits.kindergarten(leadSchool)) {
			visits.issueCard(lead, own, new NewPickupCard("Q001", "朵朵", "中一班", "陈妈妈", "母亲", id("320402199105"), "陈外婆",
					"外祖母", id("320402196309")));
			visits.issueCard(lead, own,
					new NewPickupCard("Q002", "天天", "中一班", "何爸爸", "父亲", id("320402198712"), null, null, null));
		}
		int others = 0;
		List<School> tianning = new java.util.ArrayList<>();
		schools.forEach(DataScope.everything(false), new SchoolFilter(null, "320402", null, null, null, null),
				tianning::add);
		boolean cardsIssued = false;
		for (School s : tianning) {
			if (s.organisationId() == leadUnit || others >= 8) {
				continue;
			}
			CurrentUser gate = school(s.organisationId(), s.name() + "门卫");
			DataScope scope = organisations.scopeOf(s.organisationId(), false);
			visits.checkIn(gate, scope, new CheckIn("访客" + (others + 1), id("320402198" + (others % 10) + "03"), null,
					"家长来访", "班主任", null, "值班教师", null));
			if (Visits.kindergarten(s) && !cardsIssued) {
				visits.issueCard(gate, scope, new NewPickupCard("A001", "小宝", "小一班", "李妈妈", "母亲", id("320402199203"),
						"李爷爷", "祖父", id("320402196002")));
				visits.issueCard(gate, scope,
						new NewPickupCard("A002", "乐乐", "小一班", "张爸爸", "父亲", id("320402198907"), null, null, null));
				cardsIssued = true;
			}
			others++;
		}
		log.info("演示门岗登记已生成: {} 所学校", others + 1);
	}

	private static CurrentUser school(long unit, String name) {
		return new CurrentUser(0, "demo.gate", name, unit, Set.of(Role.SCHOOL_SAFETY_LEAD));
	}

	/**
	 * A valid, made-up ID number starting with the given 12 digits (region, year, month).
	 */
	private String id(String first12) {
		serial++;
		String first17 = first12 + String.format("%02d", 1 + serial % 28) + String.format("%03d", 100 + serial);
		return first17 + PersonHashes.checkCharacter(first17);
	}

}
