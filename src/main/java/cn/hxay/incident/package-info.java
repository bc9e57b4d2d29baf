/**
 * School incidents (涉校案事件): the first report (初报) with who, where, what and casualties,
 * follow-ups (续报) and the final report (终报) timed against the report clock, the chain
 * above notified at once, handling on the three tracks of 三同步, links to the alarm, the
 * school and the key persons involved (police only), and statistics by type, month and
 * county.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "identity", "keyperson",
		"notification", "organisation", "portal", "school", "shared" })
package cn.hxay.incident;
