/**
 * Visitors and vehicles at the school gate (访客登记): pre-registration by a teacher,
 * check-in at the gatehouse with the ID number masked and kept only as a keyed hash, an
 * escort, check-out and who is still inside; the watch-list check against the school's
 * ban list and the key persons the police linked to the school (the gatekeeper learns
 * only "请勿放行", the police station is alerted); and kindergartens' pick-up cards (接送卡)
 * checked person by person.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "identity", "keyperson",
		"notification", "organisation", "portal", "posture", "school", "shared" })
package cn.hxay.visitor;
