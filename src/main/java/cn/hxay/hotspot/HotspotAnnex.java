package cn.hxay.hotspot;

/**
 * What the hotspot register says for one school, as the Annex 1/Annex 2 columns
 * 校园周边治安乱点情况 and 是否整改 print it.
 *
 * @param situation e.g. {@code 2 处：校门东侧夜宵摊（聚集滋事，已整改）；…}
 * @param fixed {@code 是} when every hotspot is fixed, else {@code 否（1 处整改中）}
 */
public record HotspotAnnex(long schoolId, int total, int open, String situation, String fixed) {

}
