package cn.hxay.dutypost;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A school's police links (seed 002 §二(二)5, seed 004 §三(一)): its 法制副校长 and 法治辅导员, the
 * station's liaison officer, and its 警务室 or 治安岗亭 where one is required.
 *
 * @param updatedAt null when nothing was recorded for the school yet
 */
public record SchoolPoliceLink(long schoolId, String schoolName, String regionCode, Long stationId,
		String vicePrincipal, String counsellor, String liaisonOfficer, String liaisonPhone, PoliceRoom policeRoom,
		boolean roomRequired, Instant updatedAt) {

	public Set<Lack> lacks() {
		Set<Lack> lacks = EnumSet.noneOf(Lack.class);
		if (vicePrincipal == null && counsellor == null) {
			lacks.add(Lack.LEGAL);
		}
		if (liaisonOfficer == null) {
			lacks.add(Lack.LIAISON);
		}
		if (roomRequired && policeRoom == PoliceRoom.NONE) {
			lacks.add(Lack.ROOM);
		}
		return lacks;
	}

}
