package cn.hxay.alarm;

/**
 * What ingestion needs to recognise a device: its id, code, school and the hash of its
 * token (never the token itself).
 */
public record DeviceCredentials(long deviceId, String code, String schoolCode, String tokenHash) {
}
