/**
 * The student safety zone (学生安全区域) and its surroundings: venues near schools (周边场所) with
 * coordinates in WGS-84 (GCJ-02 from Chinese map apps converted on entry), the distance
 * rules per region, and the ledger of violations (发现 → 整改中 → 已销号) with a re-check that
 * flags a venue again while it is still too close.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "identity", "organisation", "portal", "school", "shared" })
package cn.hxay.surroundings;
