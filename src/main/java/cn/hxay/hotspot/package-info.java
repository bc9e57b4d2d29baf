/**
 * Public-order hotspots near schools (治安乱点; seed 001 §三.2 及时整治校园周边治安乱点): the place with
 * its coordinates (GCJ-02 converted on entry), the schools within the nearby radius
 * computed by distance, the problem, the responsible police station, the rectification
 * steps and whether it is fixed (是否整改). Police-only at every layer, like the Annex 1
 * items it fills; the inspection Annexes and the report figures read it through
 * {@link cn.hxay.hotspot.Hotspots}. It uses neither portal nor surroundings (portal reads
 * inspection, which reads this module): its menu entry is the surroundings module's, next
 * to 周边场所, and its geography is {@code shared.geo}.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "identity", "organisation", "school", "shared" })
package cn.hxay.hotspot;
