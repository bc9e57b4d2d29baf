package cn.hxay.alarm;

/**
 * The levels at which networking rates are reported, and how devices are grouped for
 * each.
 */
public enum RateLevel {

	SCHOOL("学校", "cast(d.school_id as varchar)", "min(d.school_name)"),
	STATION("派出所", "cast(d.station_id as varchar)", "null"), COUNTY("县(区)", "d.region_code", "null"),
	CITY("市", "substring(d.region_code from 1 for 4) || '00'", "null");

	private final String label;

	private final String key;

	private final String name;

	RateLevel(String label, String key, String name) {
		this.label = label;
		this.key = key;
		this.name = name;
	}

	public String label() {
		return label;
	}

	String key() {
		return key;
	}

	String nameExpression() {
		return name;
	}

}
