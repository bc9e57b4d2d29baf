/**
 * The device registry's pages, API and Excel import (设备登记): registering, changing and
 * importing one-key alarms, cameras, NVRs and intrusion detectors through the parent's
 * {@link cn.hxay.alarm.Devices} API, with the networking-rate pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alarm · devices")
package cn.hxay.alarm.devices;
