/**
 * Devices, heartbeats and alarms: the registry of each school's one-key alarms (一键报警),
 * cameras, NVRs and intrusion detectors, and of the one-key alarms of venues near schools
 * (护校联防), their online status and networking rate (联网率), ingestion over MQTT and HTTP,
 * and the police console where alarms are acknowledged (接警), dispatched (派警), attended
 * (到场) and closed (处置完毕).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "dutypost", "identity", "notification",
		"organisation", "school", "shared", "surroundings" })
package cn.hxay.alarm;
