package cn.hxay.dispute;

/**
 * Disputes of one school or one county, for the Annex columns 涉校不稳定因素情况 (Annex 1) and
 * 涉校不稳定因素情况（未解决）(Annex 2).
 *
 * @param key the school id or the county code
 */
public record DisputeCount(String key, String name, long total, long unresolved, long escalated, long overdue) {

}
