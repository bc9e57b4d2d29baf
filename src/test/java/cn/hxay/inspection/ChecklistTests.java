package cn.hxay.inspection;

import java.math.BigDecimal;
import java.util.List;

import cn.hxay.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checklists the platform carries are complete and valid, and answers are judged as
 * their items say; missing answers never count as compliant.
 */
@PlatformTest
class ChecklistTests {

	@Autowired
	Checklists checklists;

	@Test
	void theChangzhouAnnex1FormIsCarriedItemForItem() {
		ChecklistTemplate annex1 = checklists.get("changzhou-2019-annex1");
		assertThat(Checklists.problems(annex1)).isEmpty();
		// every line of seed 001's Annex 1, in its order
		assertThat(annex1.items().stream().map(ChecklistItem::label).toList()).containsSubsequence("是否成立工作专班", "专班负责人",
				"学校假期是否有值班表", "领导是否带班", "门卫、巡查、隐患排查制度是否健全", "保安员人数", "保安员持证上岗人数", "超龄保安员人数", "视频监控保存天数是否达30天", "视频探头数量",
				"围墙周界有无防入侵报警系统", "重点要害部位有无防入侵报警", "一键报警有无（门卫）", "一键报警有无（学生宿舍）", "技防系统是否全部正常运行", "隔离栏有无", "硬质防冲撞设施有无",
				"升降柱有无", "是否开展电气火灾安全综合治理", "电器火灾隐患整改情况", "危险化学品安全管理三防措施是否落实", "校园周边治安乱点情况", "涉校不稳定因素情况",
				"校车等安全隐患情况（无校车等用“/”）", "假期学生安全教育情况", "假期师生团体活动次数", "假期师生团体活动总人数", "团体活动安全是否由校级领导直接负责", "排查出的总隐患数",
				"隐患整改数", "未整改隐患数", "排查整改工作情况报告");
		assertThat(annex1.items().stream().filter(ChecklistItem::sensitive).map(ChecklistItem::key))
			.containsExactly("disorderSpots", "disorderFixed", "instability");
	}

	@Test
	void theGuilinCheckContentCoversSectionsTwoAndFour() {
		ChecklistTemplate guilin = checklists.get("guilin-2019");
		assertThat(Checklists.problems(guilin)).isEmpty();
		assertThat(guilin.items()).extracting(ChecklistItem::type)
			.contains(ItemType.YES_NO, ItemType.NUMBER, ItemType.CHOICE, ItemType.DATE, ItemType.PHOTO, ItemType.TEXT);
		assertThat(guilin.items()).extracting(ChecklistItem::clause)
			.anyMatch(c -> c != null && c.contains("§四(三)"))
			.anyMatch(c -> c != null && c.contains("§二(一)"));
	}

	@ParameterizedTest(name = "{0} = \"{1}\" → {2}")
	@CsvSource(nullValues = "null",
			value = { "oneKeyAlarmAtGate, true, PASS", "oneKeyAlarmAtGate, false, FAIL",
					"oneKeyAlarmAtGate, null, UNANSWERED", "oneKeyAlarmInDormitory, /, NOT_APPLICABLE",
					"overAgeGuards, 0, PASS", "overAgeGuards, 1, FAIL", "guards, 0, FAIL", "guards, 1, PASS",
					"cameras, 12, RECORDED", "report, 已完成, RECORDED" })
	void answersAreJudgedByTheirItem(String key, String value, Verdict expected) {
		ChecklistItem item = checklists.get("changzhou-2019-annex1").item(key).orElseThrow();
		assertThat(item.judge(value)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "视频保存 {0} 天 → {1}")
	@CsvSource({ "29, FAIL", "30, PASS", "90, PASS" })
	void guilinRetentionIsAtLeastThirtyDays(String days, Verdict expected) {
		ChecklistItem item = checklists.get("guilin-2019").item("videoRetentionDays").orElseThrow();
		assertThat(item.judge(days)).isEqualTo(expected);
		assertThat(item.requirement()).isEqualTo("应不少于 30");
	}

	@Test
	void malformedAnswersAndBrokenTemplatesAreRefusedWithReasons() {
		ChecklistTemplate annex1 = checklists.get("changzhou-2019-annex1");
		assertThat(annex1.item("cameras").orElseThrow().problemWith("-3")).contains("不小于 0");
		assertThat(annex1.item("workingTeam").orElseThrow().problemWith("/")).contains("不能填“/”");
		ChecklistItem broken = new ChecklistItem("bad key", "", ItemType.CHOICE, true, null, false, false, null, null,
				BigDecimal.ONE, List.of(), List.of("x"), null, null, List.of("notAFact"), "NOWHERE", null, null, null);
		ChecklistTemplate template = new ChecklistTemplate("Bad", 0, "", null, null,
				List.of(new ChecklistTemplate.Section("一", List.of(broken))));
		assertThat(Checklists.problems(template)).anyMatch(p -> p.contains("code"))
			.anyMatch(p -> p.contains("version"))
			.anyMatch(p -> p.contains("key"))
			.anyMatch(p -> p.contains("缺少 label"));
	}

	@Test
	void certifiedGuardsAreJudgedAgainstTheGuardsReportedOnTheSameForm() {
		ChecklistTemplate annex1 = checklists.get("changzhou-2019-annex1");
		Inspection form = new Inspection(1, 1, 1, "测试学校", "320402", "青龙派出所", java.time.LocalDate.now(),
				InspectionState.DRAFT, java.util.Map.of("guards", "3", "certifiedGuards", "2"), java.util.Map.of(),
				null, null, null, null, null, null, null, null, null, false, null, null, null, 0);
		Inspection.Finding certified = form.findings(annex1, false)
			.stream()
			.filter(f -> f.item().key().equals("certifiedGuards"))
			.findFirst()
			.orElseThrow();
		assertThat(certified.verdict()).isEqualTo(Verdict.FAIL);
		assertThat(certified.explanation()).isEqualTo("填报“2”，应不少于“保安员人数”（3）（依据：公安部令第112号 第十九条）");
	}

}
