/**
 * School buses (校车) and their drivers and approved routes: the dates that lapse (annual
 * inspection, school-bus sign, driving licence, training) flagged before and after they
 * lapse by the platform clock, and Annex 1's 校车等安全隐患情况 from the records.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "identity", "inspection", "organisation", "portal", "school", "shared" })
package cn.hxay.schoolbus;
