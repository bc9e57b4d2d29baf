package cn.hxay.school;

/**
 * A school was added to the registry.
 */
public record SchoolRegistered(long schoolId, long organisationId, String regionCode) {
}
