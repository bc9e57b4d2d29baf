package cn.hxay.posture;

import java.time.OffsetDateTime;

/**
 * One recorded version of a school's posture: in force from {@code validFrom} until the
 * next version.
 */
public record PostureVersion(long id, long schoolId, OffsetDateTime validFrom, String recordedBy,
		SecurityPosture posture) {
}
