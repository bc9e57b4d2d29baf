package cn.hxay.alarm;

import cn.hxay.school.School;

/**
 * The school a device belongs to and its place in the tree, copied onto devices and
 * alarms so that data-scope queries stay inside this module's tables.
 */
record SchoolPlace(long schoolId, String schoolCode, String schoolName, long schoolOrgId, Long bureauId, Long stationId,
		Long townshipId, String regionCode) {

	static SchoolPlace of(School school) {
		return new SchoolPlace(school.id(), school.code(), school.name(), school.organisationId(),
				school.details().educationBureauId(), school.details().policeStationId(), school.details().townshipId(),
				school.regionCode());
	}

}
