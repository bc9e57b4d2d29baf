package cn.hxay.hazard;

/**
 * A hazard was checked by the level above and closed (销号); {@code sensitive} as in
 * {@link HazardSupervised}.
 */
public record HazardClosed(long hazardId, String noticeNumber, long schoolId, String schoolName, String regionCode,
		String grade, String by, boolean sensitive) {
}
