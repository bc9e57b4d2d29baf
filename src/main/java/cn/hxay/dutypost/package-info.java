/**
 * 护学岗 (school-gate duty posts) and the police's presence at each school: posts at the
 * gates, the schools' bell times, the stations' rosters, officers' check-ins on a phone,
 * coverage of the peak hours with gaps flagged before the bell, and each school's 法制副校长 /
 * 法治辅导员, police liaison and 警务室 or 治安岗亭.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "identity", "notification", "organisation", "portal", "school", "shared" })
package cn.hxay.dutypost;
