package cn.hxay.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A supervision visit by a unit over schools in its scope, with the schools and findings
 * the reader may see.
 */
public record Visit(long id, long unitId, String unitName, VisitKind kind, LocalDate visitedOn, String team,
		String summary, String createdBy, Instant createdAt, List<School> schools, List<Finding> findings) {

	/** A school visited. */
	public record School(long schoolId, String schoolName, String regionCode) {
	}

	/**
	 * What the visit found at one school; once raised on the hazard ledger it carries the
	 * hazard's id and notice number.
	 */
	public record Finding(long id, long visitId, long schoolId, String schoolName, String text, Long hazardId,
			String hazardNumber) {
	}

	public long hazards() {
		return findings.stream().filter(f -> f.hazardId() != null).count();
	}

}
