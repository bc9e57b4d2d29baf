/**
 * Key persons around schools (重点人员), police only at every layer: the register with
 * encrypted ID and phone numbers, the 一人一案 control plan, follow-up visits (走访), status
 * changes (纳入 / 降级 / 撤销管控), transfers between stations and the schools nearby.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "identity", "organisation", "portal", "school", "shared" })
package cn.hxay.keyperson;
