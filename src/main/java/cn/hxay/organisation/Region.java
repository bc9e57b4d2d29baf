package cn.hxay.organisation;

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

}
