/**
 * Emergency plans (应急预案) per school by type, with versions and review dates (a review
 * past due is flagged by the platform clock), and accident reports (事故) with their
 * handling, insurance claim (学生人身伤害事故责任保险) and mediation (seed 003 Guangxi §二(三)).
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "identity", "organisation", "portal", "school", "shared" })
package cn.hxay.emergency;
