package cn.hxay.compliance;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad rule data is refused at load with a message that names the rule and the problem.
 */
class RuleSetReaderTests {

	private final RuleSetReader reader = new RuleSetReader(JsonMapper.builder().build());

	@Test
	void refusesAnUnknownField() {
		assertThatThrownBy(() -> reader.read("x.json", """
				{"id": "x", "title": "X", "rules": [
				 {"id": "X-1", "title": "t", "source": "s", "effectiveFrom": "2020-01-01", "colour": "red",
				  "check": {"type": "flags", "fields": ["closedManagement"]}}]}""")).hasMessageContaining("规则 X-1")
			.hasMessageContaining("未知字段 “colour”");
	}

	@Test
	void refusesANegativeCount() {
		assertThatThrownBy(() -> reader.read("x.json", """
				{"id": "x", "title": "X", "rules": [
				 {"id": "X-2", "title": "t", "source": "s", "effectiveFrom": "2020-01-01",
				  "check": {"type": "staffing", "bands": [{"upTo": 99, "guards": -1}]}}]}"""))
			.hasMessageContaining("规则 X-2")
			.hasMessageContaining("guards 不能为负数（-1）");
	}

	@Test
	void refusesOverlappingEffectiveDatesOfOneRule() {
		assertThatThrownBy(() -> reader.read("x.json",
				"""
						{"id": "x", "title": "X", "rules": [
						 {"id": "X-3", "title": "t", "source": "s", "effectiveFrom": "2020-01-01", "effectiveUntil": "2023-01-01",
						  "check": {"type": "minimum", "field": "videoRetentionDays", "value": 30, "unit": "天"}},
						 {"id": "X-3", "title": "t", "source": "s", "effectiveFrom": "2022-06-01",
						  "check": {"type": "minimum", "field": "videoRetentionDays", "value": 90, "unit": "天"}}]}"""))
			.hasMessageContaining("规则 X-3")
			.hasMessageContaining("生效期重叠");
	}

	@Test
	void refusesAnUnknownPostureFactAndCheckType() {
		assertThatThrownBy(() -> reader.read("x.json",
				"""
						{"id": "x", "title": "X", "rules": [
						 {"id": "X-4", "title": "t", "source": "s", "effectiveFrom": "2020-01-01",
						  "check": {"type": "flags", "fields": ["moatWithCrocodiles"]}},
						 {"id": "X-5", "title": "t", "source": "s", "effectiveFrom": "2020-01-01", "check": {"type": "vibes"}}]}"""))
			.hasMessageContaining("规则 X-4：未知的安全防范字段 “moatWithCrocodiles”")
			.hasMessageContaining("规则 X-5：未知的检查类型 “vibes”");
	}

	@Test
	void acceptsConsecutiveVersionsOfOneRule() {
		RuleSet set = reader.read("x.json",
				"""
						{"id": "x", "title": "X", "rules": [
						 {"id": "X-6", "title": "t", "source": "GB/T 29315-2012", "effectiveFrom": "2012-01-01", "effectiveUntil": "2022-06-01",
						  "check": {"type": "minimum", "field": "videoRetentionDays", "value": 30, "unit": "天"}},
						 {"id": "X-6", "title": "t", "source": "GB/T 29315-2022", "effectiveFrom": "2022-06-01",
						  "check": {"type": "minimum", "field": "videoRetentionDays", "value": 90, "unit": "天"}}]}""");
		assertThat(set.rules()).hasSize(2);
		assertThat(set.rules().stream().filter(r -> r.inForceOn(java.time.LocalDate.of(2021, 1, 1)))).hasSize(1)
			.allSatisfy(r -> assertThat(r.source()).isEqualTo("GB/T 29315-2012"));
	}

	@Test
	void refusesInternalNotesInACitation() {
		assertThatThrownBy(() -> reader.read("x.json", """
				{"id": "x", "title": "X", "rules": [
				 {"id": "X-7", "title": "t", "source": "GB/T 29315-2022 (standards.md HUM-02，中间档为推断)",
				  "effectiveFrom": "2022-06-01", "check": {"type": "flags", "fields": ["closedManagement"]}}]}"""))
			.hasMessageContaining("规则 X-7：source 含内部备注“standards.md”");
	}

	@Test
	void marksInferredRulesAndTiersAndRefusesAnythingButTrueOrFalse() {
		RuleSet set = reader.read("x.json",
				"""
						{"id": "x", "title": "X", "rules": [
						 {"id": "X-8", "title": "t", "source": "GB/T 29315-2022 人力防范要求", "effectiveFrom": "2022-06-01", "inferred": true,
						  "check": {"type": "staffing", "bands": [{"upTo": 99, "guards": 1}, {"upTo": 999, "guards": 2, "inferred": true}]}}]}""");
		assertThat(set.rules().get(0).inferred()).isTrue();
		assertThatThrownBy(() -> reader.read("x.json", """
				{"id": "x", "title": "X", "rules": [
				 {"id": "X-9", "title": "t", "source": "s", "effectiveFrom": "2022-06-01", "inferred": "maybe",
				  "check": {"type": "staffing", "bands": [{"upTo": 99, "guards": 1, "inferred": 1}]}}]}"""))
			.hasMessageContaining("规则 X-9：inferred 须为 true 或 false")
			.hasMessageContaining("规则 X-9：bands 的 inferred 须为 true 或 false");
	}

	@Test
	void refusesAFactOfTheWrongTypeForItsCheck() {
		assertThatThrownBy(() -> reader.read("x.json", """
				{"id": "x", "title": "X", "rules": [
				 {"id": "X-10", "title": "t", "source": "s", "effectiveFrom": "2020-01-01",
				  "check": {"type": "minimum", "field": "closedManagement", "value": 1, "unit": "个"}}]}"""))
			.hasMessageContaining("规则 X-10：安全防范字段 “closedManagement” 不能用于此检查");
	}

}
