package cn.hxay.demo;

import java.util.List;
import java.util.Set;

import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.identity.UserAccounts;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.shared.PageRequest;
import cn.hxay.tip.NewTip;
import cn.hxay.tip.Reporter;
import cn.hxay.tip.TipCategory;
import cn.hxay.tip.Tips;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In demo mode, the demo school lead's school gets its 学生欺凌治理委员会 and three tips: an
 * anonymous bullying report already answered by the school, a parent's report of a
 * stranger at the gate (sent to the police at once) and a closed request for help.
 * Written through the tip module's API; skipped when the committee exists.
 */
@Component
class DemoTips {

	private static final Logger log = LoggerFactory.getLogger(DemoTips.class);

	private final boolean enabled;

	private final Tips tips;

	private final Organisations organisations;

	private final UserAccounts accounts;

	DemoTips(@Value("${hxay.demo.enabled:true}") boolean enabled, Tips tips, Organisations organisations,
			UserAccounts accounts) {
		this.enabled = enabled;
		this.tips = tips;
		this.organisations = organisations;
		this.accounts = accounts;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (!enabled) {
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
		CurrentUser lead = new CurrentUser(0, "demo", "张校长", leadUnit, Set.of(Role.SCHOOL_SAFETY_LEAD));
		DataScope own = organisations.scopeOf(leadUnit, false);
		var school = tips.schoolFor(lead, own, null);
		if (!tips.committee(school).isEmpty()) {
			return;
		}
		for (String[] member : List.of(new String[] { "张校长", "校长（主任）" }, new String[] { "李警官", "法治副校长（青龙派出所）" },
				new String[] { "王老师", "德育主任" }, new String[] { "赵老师", "心理健康教师" },
				new String[] { "陈女士", "家长代表（家委会）" })) {
			tips.addMember(lead, own, member[0], member[1], null);
		}
		Tips.Filed bullying = tips.file(school.id(),
				new NewTip(TipCategory.BULLYING, Reporter.STUDENT,
						"我是四年级的学生，最近一个月班上有三个同学经常在课间把我堵在厕所里，抢我的零花钱，还给我起难听的外号，说如果告诉老师就打我。", "教学楼二楼男厕所", null, null),
				null);
		tips.reply(lead, own, bullying.tipId(),
				"同学你好，我们已经收到。学校学生欺凌治理委员会已启动调查，会保护你的隐私。课间请尽量和同伴一起活动，有任何情况可以随时在这里补充，或直接找心理老师赵老师。");
		tips.note(lead, own, bullying.tipId(), "已调取二楼走廊监控，约谈班主任；拟于本周内分别约谈涉事学生及家长。");
		tips.file(school.id(), new NewTip(TipCategory.DANGER, Reporter.PARENT,
				"今天放学时看到一名陌生男子在校门外徘徊很久，手里拿着棍子，还尾随了几个低年级学生。", "学校东门外公交站", "刘女士", "13800000000"), null);
		Tips.Filed other = tips.file(school.id(),
				new NewTip(TipCategory.OTHER, Reporter.CLASSMATE, "我同桌最近总是说不想活了，上课一直哭，我很担心她。", null, null, null), null);
		tips.reply(lead, own, other.tipId(), "谢谢你告诉我们，你是一个好朋友。心理老师已经和她谈过，也联系了她的家长，我们会持续关心她。");
		tips.close(lead, own, other.tipId(), "心理健康教师已开展个别辅导并通知监护人，班主任每周跟进，已纳入学校心理关爱名单。");
		log.info("演示学生求助已生成: 3 条，欺凌治理委员会 5 人");
	}

}
