package cn.hxay.inspection;

import java.util.Map;

/**
 * A school's inspection was accepted by the level above; {@code postureFacts} are the
 * security-posture facts its answers set.
 */
public record InspectionAccepted(long inspectionId, long campaignId, long schoolId, Map<String, String> postureFacts) {
}
