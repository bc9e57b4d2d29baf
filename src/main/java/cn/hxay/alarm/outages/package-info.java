/**
 * Outage watch (离线告警): notices a networked device going silent past the online rule,
 * opens and closes its outage and notifies the police of its jurisdiction.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alarm · outages")
package cn.hxay.alarm.outages;
