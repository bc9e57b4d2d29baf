/**
 * Security posture of each school (人防 / 物防 / 技防): guards, equipment, perimeter, alarms,
 * cameras and the rules in force, kept as a history of versions so that the posture on
 * any past date can be shown.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "identity", "organisation", "school", "shared" })
package cn.hxay.posture;
