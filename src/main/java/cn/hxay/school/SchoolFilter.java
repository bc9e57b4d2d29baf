package cn.hxay.school;

/**
 * Search criteria for the school list; every field may be left empty.
 *
 * @param text part of the name, or the start of the code
 */
public record SchoolFilter(String text, String regionCode, Long policeStationId, SchoolKind kind, Locality locality,
		Boolean boarding) {

	public SchoolFilter {
		text = text == null || text.isBlank() ? null : text.strip();
		regionCode = regionCode == null || regionCode.isBlank() ? null : regionCode.strip();
	}

	public static SchoolFilter none() {
		return new SchoolFilter(null, null, null, null, null, null);
	}

}
