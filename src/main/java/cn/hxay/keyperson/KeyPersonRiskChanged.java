package cn.hxay.keyperson;

/**
 * A key person's risk level was lowered (降级) or raised (升级); carries no personal data.
 */
public record KeyPersonRiskChanged(long keyPersonId, long stationId, RiskLevel from, RiskLevel to) {
}
