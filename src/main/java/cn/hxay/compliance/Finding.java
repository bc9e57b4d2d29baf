package cn.hxay.compliance;

/**
 * What one rule says about one school.
 *
 * @param source document and clause the rule comes from
 * @param explanation plain Chinese, with the arithmetic where there is any
 */
public record Finding(String ruleId, String ruleSetId, String title, String source, ComplianceStatus status,
		String required, String actual, String explanation, Metric metric) {
}
