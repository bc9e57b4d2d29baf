/**
 * Supervision and consequences (督导与问责): leadership groups and working teams (领导小组, 工作专班)
 * with members and their changes, supervision visits (督导, 明察暗访) whose findings are raised
 * as hazards on the ledger, the 通报 (criticism or commendation) as a red-header document
 * with a gapless 文号, distributed to units who confirm receipt (签收), and accountability
 * records (约谈, 问责, 一票否决, 挂牌督办) linked to the incident or hazard behind them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "hazard", "identity", "incident",
		"organisation", "portal", "school", "shared" })
package cn.hxay.supervision;
