package cn.hxay.hazard;

/**
 * A hazard was placed under listed supervision (挂牌督办), because it is major or past its
 * deadline.
 */
public record HazardSupervised(long hazardId, long schoolId, String reason) {
}
