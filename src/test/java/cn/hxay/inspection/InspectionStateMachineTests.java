package cn.hxay.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import cn.hxay.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The inspection's state machine without Spring, on the shipped Annex 1: every move from
 * every state; legal ones change the state, illegal ones are refused in Chinese and
 * change nothing.
 */
class InspectionStateMachineTests {

	static final ChecklistTemplate ANNEX1 = new Checklists(
			JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build())
		.get("changzhou-2019-annex1");

	static final Instant AT = Instant.parse("2026-11-30T02:00:00Z");

	static final EnumSet<InspectionState> EDITABLE = EnumSet.of(InspectionState.ASSIGNED, InspectionState.DRAFT,
			InspectionState.RETURNED);

	static Inspection form(InspectionState state, Map<String, String> answers, Map<String, String> sensitive,
			String headmaster, String cosignedBy, boolean sampled, String declaredBy) {
		return new Inspection(1, 1, 1, "测试学校", "320402", "青龙派出所", LocalDate.of(2026, 12, 31), state, answers, sensitive,
				headmaster, cosignedBy, cosignedBy == null ? null : "青龙派出所", cosignedBy == null ? null : AT, null, null,
				null, null, null, sampled, null, declaredBy, declaredBy == null ? null : AT, 0);
	}

	/** Every required item answered, the police part too. */
	static Map<String, String> complete() {
		Map<String, String> a = new HashMap<>();
		for (ChecklistItem item : ANNEX1.items()) {
			if (!item.sensitive() && item.type() != ItemType.PHOTO) {
				a.put(item.key(), switch (item.type()) {
					case YES_NO -> "true";
					case NUMBER -> "1";
					case CHOICE -> item.choices().get(0);
					case DATE -> "2026-11-01";
					default -> "文字";
				});
			}
		}
		return a;
	}

	static Map<String, String> policePart() {
		return Map.of("disorderSpots", "无", "disorderFixed", "/", "instability", "无");
	}

	static Set<String> photos() {
		return ANNEX1.items()
			.stream()
			.filter(i -> i.type() == ItemType.PHOTO)
			.map(ChecklistItem::key)
			.collect(java.util.stream.Collectors.toSet());
	}

	@ParameterizedTest
	@EnumSource(InspectionState.class)
	void answersChangeOnlyWhileEditableAndTheFirstMakesADraft(InspectionState from) {
		Inspection i = form(from, Map.of(), Map.of(), null, null, false, null);
		if (EDITABLE.contains(from)) {
			i.fill(ANNEX1, Map.of("cameras", "12"), false, "李明");
			assertThat(i.state()).isEqualTo(from == InspectionState.ASSIGNED ? InspectionState.DRAFT : from);
			assertThat(i.answers()).containsEntry("cameras", "12");
		}
		else {
			assertThatThrownBy(() -> i.fill(ANNEX1, Map.of("cameras", "12"), false, "李明"))
				.hasMessage("检查表已提交，不能再修改；如需修改请由上级退回");
			assertThat(i.answers()).isEmpty();
		}
	}

	@Test
	void aSchoolCannotWritePoliceItemsAndAChangeWithdrawsTheCoSignature() {
		Inspection i = form(InspectionState.DRAFT, Map.of(), Map.of(), null, "民警", false, null);
		i.fill(ANNEX1, Map.of("disorderSpots", "学校写的"), false, null);
		assertThat(i.sensitiveAnswers()).isEmpty();
		assertThat(i.cosignedBy()).as("nothing changed").isEqualTo("民警");
		i.fill(ANNEX1, Map.of("cameras", "3"), false, null);
		assertThat(i.cosignedBy()).isNull();
	}

	@ParameterizedTest
	@EnumSource(InspectionState.class)
	void coSigningIsLegalOnAFilledEditableForm(InspectionState from) {
		Inspection i = form(from, Map.of(), Map.of(), null, null, false, null);
		if (from == InspectionState.DRAFT || from == InspectionState.RETURNED) {
			i.cosign("民警", "青龙派出所", AT);
			assertThat(i.cosignedStation()).isEqualTo("青龙派出所");
		}
		else {
			assertThatThrownBy(() -> i.cosign("民警", "青龙派出所", AT)).isInstanceOf(InvalidInputException.class);
			assertThat(i.cosignedBy()).isNull();
		}
	}

	@ParameterizedTest
	@EnumSource(InspectionState.class)
	void submittingNeedsAnEditableCompleteCoSignedForm(InspectionState from) {
		Inspection i = form(from, complete(), Map.of(), "李明", "民警", false, null);
		if (EDITABLE.contains(from)) {
			i.submit(ANNEX1, photos(), "校长", AT);
			assertThat(i.state()).isEqualTo(InspectionState.SUBMITTED);
		}
		else {
			assertThatThrownBy(() -> i.submit(ANNEX1, photos(), "校长", AT)).hasMessage("检查表已提交，请等待上级验收");
			assertThat(i.state()).isEqualTo(from);
		}
	}

	@Test
	void anIncompleteOrUnsignedFormIsRefusedNamingWhatIsMissing() {
		Inspection i = form(InspectionState.DRAFT, Map.of("cameras", "3"), Map.of(), null, null, false, null);
		assertThatThrownBy(() -> i.submit(ANNEX1, Set.of(), "校长", AT)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("“学校假期是否有值班表”为必填项")
			.hasMessageContaining("请填写校长（园长）姓名")
			.hasMessageContaining("请先由派出所会签");
		assertThat(i.state()).isEqualTo(InspectionState.DRAFT);
	}

	@ParameterizedTest
	@EnumSource(InspectionState.class)
	void acceptingIsLegalOnlyFromSubmittedWithThePolicePartDone(InspectionState from) {
		Inspection i = form(from, complete(), policePart(), "李明", "民警", false, null);
		if (from == InspectionState.SUBMITTED) {
			i.accept(ANNEX1, "区教育局", AT, "同意");
			assertThat(i.state()).isEqualTo(InspectionState.ACCEPTED);
			assertThat(i.reviewedBy()).isEqualTo("区教育局");
		}
		else {
			assertThatThrownBy(() -> i.accept(ANNEX1, "区教育局", AT, null)).hasMessage("只有已提交的检查表才能验收");
			assertThat(i.state()).isEqualTo(from);
		}
	}

	@Test
	void aFormWithThePolicePartEmptyIsAcceptedOnlyAfterTheStationDeclaresNoSensitiveFindings() {
		Inspection empty = form(InspectionState.SUBMITTED, complete(), Map.of("disorderSpots", "无"), "李明", "民警", false,
				null);
		assertThatThrownBy(() -> empty.accept(ANNEX1, "区教育局", AT, null)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("治安乱点是否整改")
			.hasMessageContaining("涉校不稳定因素情况")
			.hasMessageContaining("无涉敏问题");
		assertThat(empty.state()).isEqualTo(InspectionState.SUBMITTED);

		Inspection declared = form(InspectionState.SUBMITTED, complete(), Map.of(), "李明", "民警", false, "青龙派出所 民警");
		declared.accept(ANNEX1, "区教育局", AT, null);
		assertThat(declared.state()).isEqualTo(InspectionState.ACCEPTED);
	}

	@ParameterizedTest
	@EnumSource(InspectionState.class)
	void theDeclarationIsMadeOnlyOnAnEditableFormAndWithdrawsTheCoSignature(InspectionState from) {
		Inspection i = form(from, complete(), Map.of(), "李明", "民警", false, null);
		if (EDITABLE.contains(from)) {
			i.declareNoSensitiveFindings(true, "青龙派出所 民警", AT);
			assertThat(i.noSensitiveFindingsBy()).isEqualTo("青龙派出所 民警");
			assertThat(i.noSensitiveFindingsAt()).isEqualTo(AT);
			assertThat(i.cosignedBy()).isNull();
			i.declareNoSensitiveFindings(false, "青龙派出所 民警", AT);
			assertThat(i.noSensitiveFindingsBy()).isNull();
		}
		else {
			assertThatThrownBy(() -> i.declareNoSensitiveFindings(true, "民警", AT))
				.isInstanceOf(InvalidInputException.class);
			assertThat(i.noSensitiveFindingsBy()).isNull();
		}
	}

	@ParameterizedTest
	@EnumSource(InspectionState.class)
	void returningIsLegalOnlyFromSubmittedAndNeedsAReason(InspectionState from) {
		Inspection i = form(from, complete(), policePart(), "李明", "民警", false, null);
		if (from == InspectionState.SUBMITTED) {
			assertThatThrownBy(() -> i.returnForRework("区教育局", AT, " ")).hasMessage("退回须说明理由");
			i.returnForRework("区教育局", AT, " 请补充照片 ");
			assertThat(i.state()).isEqualTo(InspectionState.RETURNED);
			assertThat(i.reviewComment()).isEqualTo("请补充照片");
		}
		else {
			assertThatThrownBy(() -> i.returnForRework("区教育局", AT, "理由")).hasMessage("只有已提交待验收的检查表才能退回");
			assertThat(i.state()).isEqualTo(from);
		}
	}

	@ParameterizedTest
	@EnumSource(InspectionState.class)
	void onlyAnAcceptedFormIsPickedForSamplingAndOnlyOnce(InspectionState from) {
		Inspection i = form(from, complete(), policePart(), "李明", "民警", false, null);
		assertThat(i.pickForSampling()).isEqualTo(from == InspectionState.ACCEPTED);
		assertThat(i.sampled()).isEqualTo(from == InspectionState.ACCEPTED);
		assertThat(i.pickForSampling()).isFalse();
	}

	@ParameterizedTest
	@EnumSource(InspectionState.class)
	void aSampleResultIsRecordedOnlyForASampledAcceptedForm(InspectionState from) {
		Inspection passed = form(from, complete(), policePart(), "李明", "民警", true, null);
		Inspection failed = form(from, complete(), policePart(), "李明", "民警", true, null);
		if (from == InspectionState.ACCEPTED) {
			passed.recordSample(true, "市教育局", AT, null);
			assertThat(passed.sampleResult()).isEqualTo(Inspection.SAMPLE_PASSED);
			assertThat(passed.state()).isEqualTo(InspectionState.ACCEPTED);
			assertThatThrownBy(() -> passed.recordSample(false, "市教育局", AT, "再来"))
				.isInstanceOf(InvalidInputException.class);
			assertThatThrownBy(() -> failed.recordSample(false, "市教育局", AT, null)).hasMessage("抽查不合格须说明理由");
			failed.recordSample(false, "市教育局", AT, "照片与现场不符");
			assertThat(failed.state()).isEqualTo(InspectionState.RETURNED);
			assertThat(failed.reviewComment()).isEqualTo("市级抽查不合格：照片与现场不符");
		}
		else {
			assertThatThrownBy(() -> passed.recordSample(true, "市教育局", AT, null)).hasMessage("该检查表未被抽中或已有抽查结论");
			assertThat(passed.state()).isEqualTo(from);
		}
		Inspection notSampled = form(InspectionState.ACCEPTED, complete(), policePart(), "李明", "民警", false, null);
		assertThatThrownBy(() -> notSampled.recordSample(true, "市教育局", AT, null)).hasMessage("该检查表未被抽中或已有抽查结论");
	}

	@Test
	void aDateAnswerHasSaneBoundsAndTextNoControlCharacters() {
		ChecklistTemplate guilin = new Checklists(
				JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build())
			.get("guilin-2019");
		ChecklistItem date = guilin.items().stream().filter(i -> i.type() == ItemType.DATE).findFirst().orElseThrow();
		assertThat(date.problemWith("2026-05-01")).isNull();
		assertThat(date.problemWith("9999-12-31")).contains("1990—2100");
		Inspection i = form(InspectionState.DRAFT, Map.of(), Map.of(), null, null, false, null);
		assertThatThrownBy(() -> i.fill(ANNEX1, Map.of("report", "报告\u0000"), false, "李\u0000明"))
			.hasMessageContaining("“排查整改工作情况报告”含有不可见的控制字符")
			.hasMessageContaining("校长姓名含有不可见的控制字符");
		assertThat(i.answers()).isEmpty();
	}

	@Test
	void aFormNotSubmittedAfterItsDueDayIsMissed() {
		Inspection draft = form(InspectionState.DRAFT, Map.of(), Map.of(), null, null, false, null);
		assertThat(draft.missed(LocalDate.of(2026, 12, 31))).isFalse();
		assertThat(draft.missed(LocalDate.of(2027, 1, 1))).isTrue();
		Inspection submitted = form(InspectionState.SUBMITTED, Map.of(), Map.of(), null, null, false, null);
		assertThat(submitted.missed(LocalDate.of(2027, 1, 1))).isFalse();
	}

}
