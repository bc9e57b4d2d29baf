package cn.hxay.organisation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An administrative region identified by its GB/T 2260 code, e.g. 320402 天宁区 under 320400
 * 常州市.
 */
public record Region(String code, String name, RegionLevel level, String parentCode) {

	/** GB/T 2260: six digits, two each for province, city and county. */
	public static boolean isValidCode(String code) {
		return code != null && code.matches("\\d{6}") && !code.startsWith("00");
	}

	/** The city code a county code belongs to (its first four digits followed by 00). */
	public static String cityCodeOf(String code) {
		return code.substring(0, 4) + "00";
	}

	/**
	 * Region names by code, in the order given, for lists and exports that show codes.
	 */
	public static Map<String, String> namesByCode(Collection<Region> regions) {
		Map<String, String> names = new LinkedHashMap<>();
		for (Region r : regions) {
			names.putIfAbsent(r.code(), r.name());
		}
		return names;
	}

}
