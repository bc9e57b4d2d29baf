/**
 * Compliance engine: rules from the notices and standards, as data (rule sets loaded from
 * JSON, versioned by effective dates, assigned per region), judged against each school's
 * posture with a Chinese explanation of the arithmetic, and the target rates by region
 * with drill-down.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "identity", "organisation", "posture", "school", "shared" })
package cn.hxay.compliance;
