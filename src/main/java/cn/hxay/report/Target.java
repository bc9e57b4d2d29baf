package cn.hxay.report;

/** A unit that must report, with its county and whether it is a police unit. */
public record Target(long unitId, String unitName, String regionCode, boolean police) {

}
