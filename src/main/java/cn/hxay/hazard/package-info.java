/**
 * The hazard ledger (隐患台账): hazards from discovery to closing (销号), rectification notices
 * as PDF, listed supervision (挂牌督办) of major and overdue hazards, and the daily overdue
 * check.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "identity", "organisation", "school", "shared" })
package cn.hxay.hazard;
