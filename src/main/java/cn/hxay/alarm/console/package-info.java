/**
 * The police console (接处警台): the live queue of a police user's jurisdiction, alarm
 * details, 接警 → 派警 → 到场 → 处置完毕 through the parent's {@link cn.hxay.alarm.Alarms} API, the
 * alarm log and statistics, and escalation of alarms left unworked.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alarm · console")
package cn.hxay.alarm.console;
