package cn.hxay.keyperson;

/** A key person was released from control (撤销管控); carries no personal data. */
public record KeyPersonReleased(long keyPersonId, long stationId) {
}
