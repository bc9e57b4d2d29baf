/**
 * Periodic reports (填报): a unit above defines a report (cadence, form, the units below
 * that must report, the lock after each period); each unit fills it in with figures
 * prefilled from the platform ({@link cn.hxay.report.ReportFigureSource}), corrects them
 * with a reason, attests and submits; the level above sees on time, late and missing per
 * period, reopens a submission, and issues a 通报 from the late list.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "drill", "dutypost", "hazard", "hotspot", "identity", "incident", "inspection",
				"keyperson", "notification", "organisation", "portal", "school", "shared" })
package cn.hxay.report;
