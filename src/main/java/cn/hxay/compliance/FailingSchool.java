package cn.hxay.compliance;

/**
 * A school that pulls a rate down, with why.
 */
public record FailingSchool(long schoolId, String schoolName, String regionCode, ComplianceStatus status,
		String reason) {
}
