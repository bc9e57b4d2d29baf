package cn.hxay.surroundings;

/**
 * A school within the student safety zone of a venue, nearest first.
 *
 * @param metres straight-line distance between the venue and the school (WGS-84)
 */
public record NearbySchool(long schoolId, String schoolName, int metres) {
}
