package cn.hxay.organisation;

/**
 * Level of an administrative region.
 */
public enum RegionLevel {

	PROVINCE("省"), CITY("市"), COUNTY("县/区");

	private final String label;

	RegionLevel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
