package cn.hxay.patrol;

/** A patrol point (a key area) and the token its QR code carries. */
public record PatrolPoint(long id, long schoolId, String name, String token, int order, boolean active) {
}
