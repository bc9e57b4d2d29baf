package cn.hxay.school;

import java.time.OffsetDateTime;

import cn.hxay.organisation.SchoolUnits;

/**
 * A registered school.
 *
 * @param organisationId the school's own unit in the organisation tree, which its users
 * belong to
 * @param regionCode the county (or city, for schools run by the city) it lies in
 * @param version optimistic-lock version; an update must name the version it was based on
 */
public record School(long id, long organisationId, String regionCode, int version, SchoolDetails details,
		OffsetDateTime updatedAt) {

	public String name() {
		return details.name();
	}

	public String code() {
		return details.code();
	}

	/**
	 * The units this school's records belong to, for the data scope
	 * ({@code DataScope.covers(SchoolUnits)}).
	 */
	public SchoolUnits units() {
		return new SchoolUnits(organisationId, details.educationBureauId(), details.policeStationId(),
				details.townshipId());
	}

}
