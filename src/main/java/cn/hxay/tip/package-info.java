/**
 * A safe way to ask for help (学生求助): a public page per school where a student or parent
 * reports bullying, abuse or danger, anonymously if they choose, and follows it with a
 * claim code; triage to the police station or to the school's 学生欺凌治理委员会 with an
 * investigation clock.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "identity", "notification", "organisation", "portal", "school", "shared" })
package cn.hxay.tip;
