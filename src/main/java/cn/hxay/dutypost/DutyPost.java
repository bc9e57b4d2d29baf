package cn.hxay.dutypost;

import java.math.BigDecimal;

/**
 * A 护学岗: one gate of a school where officers stand at the peaks.
 *
 * @param stationId the school's police station, whose roster covers the post
 * @param latitude WGS-84, or null when not surveyed
 */
public record DutyPost(long id, long schoolId, String schoolName, String regionCode, Long stationId, String gate,
		BigDecimal latitude, BigDecimal longitude, boolean active) {

	public String title() {
		return schoolName + " · " + gate;
	}

}
