package cn.hxay.keyperson;

/** A person was taken under control (纳入管控); carries no personal data. */
public record KeyPersonIncluded(long keyPersonId, long stationId, RiskLevel risk) {
}
