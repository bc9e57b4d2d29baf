package cn.hxay.hazard;

/** A hazard was checked by the level above and closed (销号). */
public record HazardClosed(long hazardId, long schoolId, String by) {
}
