/**
 * Demo data: a realistic, deterministic generated city (常州市: 6 counties, about 40 police
 * stations and 600 schools) with one demo user per role, written through the other
 * modules' APIs on first start.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "alarm", "compliance", "dispute", "drill",
		"dutypost", "emergency", "hazard", "hotspot", "identity", "incident", "inspection", "keyperson", "organisation",
		"patrol", "posture", "report", "school", "schoolbus", "shared", "supervision", "surroundings", "tip",
		"unlicensed", "visitor", "warning" })
package cn.hxay.demo;
