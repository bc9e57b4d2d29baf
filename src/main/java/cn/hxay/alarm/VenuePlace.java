package cn.hxay.alarm;

/**
 * The venue a device belongs to, copied onto the device and its alarms (this module never
 * reads the surroundings tables): its name and address, its responsible police station
 * and township, and the school it protects.
 */
record VenuePlace(long venueId, String venueName, String venueAddress, long stationId, Long townshipId,
		String regionCode, SchoolPlace school) {

	/** The device's school columns: the protected school, in the venue's station. */
	SchoolPlace asSchoolPlace() {
		return new SchoolPlace(school.schoolId(), school.schoolCode(), school.schoolName(), school.schoolOrgId(),
				school.bureauId(), stationId, townshipId, regionCode);
	}

}
