package cn.hxay.hazard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;

import cn.hxay.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hazard's state machine without Spring: every move from every state, legal ones
 * change the state (and register their event), illegal ones are refused in Chinese and
 * change nothing.
 */
class HazardStateMachineTests {

	private static final LocalDate DEADLINE = LocalDate.of(2026, 12, 31);

	private static final SupervisionPlan PLAN = new SupervisionPlan("月底前完成", "拆除重砌", "12万元", "王建国",
			DEADLINE.plusDays(10), "设置警戒区");

	static Hazard hazard(HazardState state, HazardGrade grade, boolean supervised, SupervisionPlan plan) {
		return new Hazard(7, "隐改字〔2026〕第00001号", 1, "测试学校", "320402", "校门", HazardCategory.PHYSICAL, grade, "描述", "要求",
				"学校", "王建国", "检查人", Instant.parse("2026-11-01T02:00:00Z"), DEADLINE, state, false, supervised, null,
				plan, null, false, null, null, 0);
	}

	static Hazard hazard(HazardState state) {
		return hazard(state, HazardGrade.GENERAL, false, null);
	}

	@ParameterizedTest
	@EnumSource(HazardState.class)
	void startingIsLegalOnlyFromPending(HazardState from) {
		Hazard h = hazard(from);
		if (from == HazardState.PENDING) {
			h.startRectification();
			assertThat(h.state()).isEqualTo(HazardState.RECTIFYING);
		}
		else {
			assertThatThrownBy(h::startRectification).isInstanceOf(InvalidInputException.class)
				.hasMessage("只有待整改的隐患才能开始整改");
			assertThat(h.state()).isEqualTo(from);
		}
	}

	@ParameterizedTest
	@EnumSource(HazardState.class)
	void submittingIsLegalFromPendingAndRectifying(HazardState from) {
		Hazard h = hazard(from);
		if (EnumSet.of(HazardState.PENDING, HazardState.RECTIFYING).contains(from)) {
			h.submitRectification("铁马值守");
			assertThat(h.state()).isEqualTo(HazardState.SUBMITTED);
			assertThat(h.temporarySafeguards()).isEqualTo("铁马值守");
		}
		else {
			assertThatThrownBy(() -> h.submitRectification(null)).hasMessage("当前状态不能提交整改");
			assertThat(h.state()).isEqualTo(from);
		}
	}

	@Test
	void aMajorHazardIsSubmittedOnlyWithACompletePlan() {
		Hazard without = hazard(HazardState.RECTIFYING, HazardGrade.MAJOR, true, null);
		assertThatThrownBy(() -> without.submitRectification(null)).hasMessageStartingWith("重大隐患须先填写挂牌督办整改方案");
		assertThat(without.state()).isEqualTo(HazardState.RECTIFYING);
		Hazard with = hazard(HazardState.RECTIFYING, HazardGrade.MAJOR, true, PLAN);
		with.submitRectification(null);
		assertThat(with.state()).isEqualTo(HazardState.SUBMITTED);
	}

	@ParameterizedTest
	@EnumSource(HazardState.class)
	void returningIsLegalOnlyFromSubmitted(HazardState from) {
		Hazard h = hazard(from);
		if (from == HazardState.SUBMITTED) {
			h.returnForRework();
			assertThat(h.state()).isEqualTo(HazardState.RECTIFYING);
		}
		else {
			assertThatThrownBy(h::returnForRework).hasMessage("只有已提交待验收的隐患才能退回");
			assertThat(h.state()).isEqualTo(from);
		}
	}

	@ParameterizedTest
	@EnumSource(HazardState.class)
	void closingIsLegalOnlyFromSubmittedAndAnnouncesIt(HazardState from) {
		Hazard h = hazard(from);
		Instant at = Instant.parse("2026-11-30T01:00:00Z");
		if (from == HazardState.SUBMITTED) {
			h.close("区教育局", at);
			assertThat(h.state()).isEqualTo(HazardState.CLOSED);
			assertThat(h.closedAt()).isEqualTo(at);
			assertThat(h.takeEvents()).containsExactly(new HazardClosed(7, "隐改字〔2026〕第00001号", 1, "测试学校", "320402",
					HazardGrade.GENERAL.label(), "区教育局", false));
		}
		else {
			assertThatThrownBy(() -> h.close("区教育局", at)).hasMessage("只有已提交待验收的隐患才能销号");
			assertThat(h.state()).isEqualTo(from);
			assertThat(h.takeEvents()).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(HazardState.class)
	void safeguardsMayBeRecordedUntilClosed(HazardState from) {
		Hazard h = hazard(from);
		if (from != HazardState.CLOSED) {
			h.recordSafeguards("拉警戒线");
			assertThat(h.temporarySafeguards()).isEqualTo("拉警戒线");
			assertThat(h.state()).isEqualTo(from);
		}
		else {
			assertThatThrownBy(() -> h.recordSafeguards("拉警戒线")).hasMessage("已销号的隐患不能修改");
		}
	}

	@ParameterizedTest
	@EnumSource(HazardState.class)
	void anOpenHazardPastItsDeadlineGoesUnderSupervisionOnce(HazardState from) {
		Hazard h = hazard(from);
		assertThat(h.flagIfOverdue(DEADLINE)).as("on the deadline day it is not overdue yet").isFalse();
		boolean flagged = h.flagIfOverdue(DEADLINE.plusDays(1));
		if (from == HazardState.CLOSED) {
			assertThat(flagged).isFalse();
			assertThat(h.supervised()).isFalse();
			assertThat(h.takeEvents()).isEmpty();
		}
		else {
			assertThat(flagged).isTrue();
			assertThat(h.overdue()).isTrue();
			assertThat(h.supervised()).isTrue();
			assertThat(h.takeEvents()).containsExactly(new HazardSupervised(7, "隐改字〔2026〕第00001号", 1, "测试学校", "320402",
					HazardGrade.GENERAL.label(), "校门", DEADLINE, "逾期未整改", false));
			assertThat(h.flagIfOverdue(DEADLINE.plusDays(2))).as("flagged once").isFalse();
			assertThat(h.takeEvents()).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(HazardState.class)
	void aPlanIsAdoptedOnlyForAnOpenSupervisedHazardAndOnlyComplete(HazardState from) {
		Hazard unsupervised = hazard(from);
		assertThatThrownBy(() -> unsupervised.adoptPlan(PLAN)).isInstanceOf(InvalidInputException.class);
		Hazard supervised = hazard(from, HazardGrade.SERIOUS, true, null);
		if (from == HazardState.CLOSED) {
			assertThatThrownBy(() -> supervised.adoptPlan(PLAN)).hasMessage("已销号的隐患不能修改");
			return;
		}
		assertThatThrownBy(() -> supervised.adoptPlan(new SupervisionPlan("目标", null, null, null, null, null)))
			.hasMessage("整改方案须包含目标、措施、资金、责任人、时限和应急预案六项");
		assertThat(supervised.plan()).isNull();
		supervised.adoptPlan(PLAN);
		assertThat(supervised.plan()).isEqualTo(PLAN);
	}

}
