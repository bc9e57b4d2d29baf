package cn.hxay.surroundings;

import java.util.List;
import java.util.Set;

import cn.hxay.school.SchoolKind;

/**
 * One row of the rule table: no venue of {@code venueType} within {@code minimumMetres}
 * (inclusive, whole metres, measured as {@code measure}) of a school of one of
 * {@code schoolKinds} in a region whose code starts with one of {@code regions} (the
 * empty prefix: everywhere).
 */
public record DistanceRule(String code, List<String> regions, VenueType venueType, int minimumMetres, Measure measure,
		Set<SchoolKind> schoolKinds, String label, String citation) {

	/** How a distance is measured. Only straight lines between coordinates so far. */
	public enum Measure {

		STRAIGHT_LINE("直线距离（场所坐标至学校坐标）");

		private final String label;

		Measure(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public boolean appliesTo(VenueType type, SchoolKind kind, String regionCode) {
		return type == venueType && kind != null && schoolKinds.contains(kind) && regionCode != null
				&& regions.stream().anyMatch(regionCode::startsWith);
	}

	/** Whether a venue at this distance breaks the rule (the limit itself included). */
	public boolean breachedAt(int wholeMetres) {
		return wholeMetres <= minimumMetres;
	}

}
