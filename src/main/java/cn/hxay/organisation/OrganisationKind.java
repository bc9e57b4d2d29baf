package cn.hxay.organisation;

import java.util.Set;

/**
 * Kinds of unit in the tree, which level of region each hangs on, which kind of unit may
 * be its parent, and whether it is a public-security unit (police-only data is shown to
 * those alone).
 */
public enum OrganisationKind {

	PLATFORM("平台运维单位", RegionLevel.CITY, false, Set.of()),
	CITY_EDUCATION_BUREAU("市教育局", RegionLevel.CITY, false, Set.of()),
	COUNTY_EDUCATION_BUREAU("县(区)教育局", RegionLevel.COUNTY, false, Set.of("CITY_EDUCATION_BUREAU")),
	CITY_PUBLIC_SECURITY_BUREAU("市公安局", RegionLevel.CITY, true, Set.of()),
	COUNTY_PUBLIC_SECURITY_BUREAU("县(区)公安局/分局", RegionLevel.COUNTY, true, Set.of("CITY_PUBLIC_SECURITY_BUREAU")),
	POLICE_STATION("派出所", RegionLevel.COUNTY, true, Set.of("COUNTY_PUBLIC_SECURITY_BUREAU")),
	TOWNSHIP("乡镇(街道)综治办", RegionLevel.COUNTY, false, Set.of()),
	SCHOOL("学校", RegionLevel.COUNTY, false, Set.of("COUNTY_EDUCATION_BUREAU", "CITY_EDUCATION_BUREAU"));

	private final String label;

	private final RegionLevel regionLevel;

	private final boolean police;

	private final Set<String> parentKinds;

	OrganisationKind(String label, RegionLevel regionLevel, boolean police, Set<String> parentKinds) {
		this.label = label;
		this.regionLevel = regionLevel;
		this.police = police;
		this.parentKinds = parentKinds;
	}

	public String label() {
		return label;
	}

	public RegionLevel regionLevel() {
		return regionLevel;
	}

	public boolean isPolice() {
		return police;
	}

	public boolean needsParent() {
		return !parentKinds.isEmpty();
	}

	/** The kinds of unit this kind may hang under. */
	public java.util.List<OrganisationKind> parentKinds() {
		return java.util.Arrays.stream(values()).filter(this::acceptsParent).toList();
	}

	public boolean acceptsParent(OrganisationKind parent) {
		return parent != null && parentKinds.contains(parent.name());
	}

}
