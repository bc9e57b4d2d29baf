package cn.hxay.keyperson;

/** A school within the configured radius of a key person's address, in whole metres. */
public record NearbySchool(long schoolId, String schoolName, int distanceMetres) {
}
