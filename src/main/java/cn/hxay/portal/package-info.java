/**
 * The start page after login: the user's unit and an overview of the schools in their
 * scope.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "alarm", "compliance", "hazard", "identity",
		"inspection", "organisation", "school", "shared" })
package cn.hxay.portal;
