package cn.hxay.schoolbus;

/**
 * Annex 1's 校车等安全隐患情况 for one school: "/" without buses, else the fleet and the lapsed
 * dates found.
 */
public record BusAnnex(long schoolId, String schoolName, String regionCode, int buses, int drivers, int expired,
		int expiring, String text) {
}
