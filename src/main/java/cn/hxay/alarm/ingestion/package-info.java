/**
 * Ingestion (接入): heartbeats, registrations and alarms arriving over MQTT (embedded
 * broker or an external Mosquitto) and HTTP, checked against each device's token; its API
 * for the sibling modules is {@link cn.hxay.alarm.ingestion.IngestCounters} (what each
 * device sent last) and {@link cn.hxay.alarm.ingestion.HeartbeatBuffer} (heartbeats not
 * yet written).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alarm · ingestion")
package cn.hxay.alarm.ingestion;
