/**
 * Inspection campaigns (护校安园大检查): campaigns with dated phases over an organisation
 * subtree, versioned checklists (the Changzhou Annex 1 form, the Guilin 2019 check
 * content), self-inspection filled in by the school and co-signed by the police station,
 * review one level up (accept, return, city sampling), failing items raised as hazards,
 * the county progress dashboard and the Annex 1 / Annex 2 forms in Excel and PDF.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "hazard", "hotspot", "identity",
		"organisation", "posture", "school", "shared" })
package cn.hxay.inspection;
