/**
 * Patrols and duty (巡更 / 值班 / 领导带班): each school's patrol plan and points printed as QR
 * codes, rounds walked by guards scanning them on a phone, rounds per day against the
 * plan (GB/T 29315-2022: at least 5 rounds of the key areas a day), missed points and
 * implausibly fast rounds flagged, and the duty roster with holiday duty and the leader
 * on duty. What is recorded here sets the posture facts 巡查制度, 假期值班表 and 领导带班 through the
 * posture module's API.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "identity", "organisation", "portal", "posture", "school", "shared" })
package cn.hxay.patrol;
