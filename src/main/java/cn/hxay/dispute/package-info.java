/**
 * School-related disputes and unstable factors (矛盾纠纷, 涉校不稳定因素; seed 001 §三.3 and Annex
 * 1/2, seed 004 §三(三)): a register with the responsible unit and officer, a deadline for
 * resolving, escalation to the level above, the resolution, the overdue list, and counts
 * per school and county for the Annex columns.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "identity", "inspection", "organisation", "portal", "school", "shared" })
package cn.hxay.dispute;
