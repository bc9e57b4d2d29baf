/**
 * The command dashboard (指挥看板) for city, county and station: figures per county with a
 * ranking, trends from stored daily snapshots, a risk map drawn without a tile server and
 * a risk score per school whose every term names its weight, source and remedy. Reads
 * other modules only through their APIs, on the single data-scope rule.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "alarm", "compliance", "hazard", "identity",
		"inspection", "keyperson", "organisation", "portal", "school", "shared", "surroundings" })
package cn.hxay.dashboard;
