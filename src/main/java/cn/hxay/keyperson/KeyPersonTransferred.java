package cn.hxay.keyperson;

/**
 * A key person moved and is now the responsibility of another police station; the old
 * station no longer sees the record.
 */
public record KeyPersonTransferred(long keyPersonId, long fromStationId, long toStationId) {
}
