package cn.hxay.patrol;

/** What a guard sees after scanning a point: the point, and the round so far. */
public record ScanResult(PatrolPoint point, PatrolRound round, boolean tooFast) {
}
