package cn.hxay.school;

import java.util.Map;

/**
 * Counts over the schools in a scope, for dashboards.
 */
public record SchoolStatistics(long schools, long students, long boardingSchools, Map<SchoolKind, Long> byKind,
		Map<Locality, Long> byLocality, Map<String, Long> byRegion) {
}
