/**
 * Organisation tree: administrative regions (GB/T 2260) and the units hanging on them
 * (education bureaus, public-security bureaus, police stations, townships, schools), and
 * the data scope a unit's subtree defines.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "shared" })
package cn.hxay.organisation;
