/**
 * Warnings pushed down (预警推送): a bureau or police unit sends a warning or risk notice to
 * the schools in its scope, each school signs a read receipt and replies with the
 * measures taken, and unread warnings are escalated (a reminder, then an SMS webhook).
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "identity", "notification", "organisation", "portal", "school", "shared" })
package cn.hxay.warning;
