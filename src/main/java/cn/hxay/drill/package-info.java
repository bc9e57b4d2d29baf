/**
 * A school's drills (应急演练) by type with the required frequency and each school's status
 * (scheduled, done, due, overdue) by the platform clock, drill records with photos and
 * the lessons found (raised as hazards), safety education sessions (安全教育, 法治辅导员 lectures)
 * and group activities, counted for Annex 1.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "hazard", "identity", "inspection",
		"organisation", "portal", "school", "shared" })
package cn.hxay.drill;
