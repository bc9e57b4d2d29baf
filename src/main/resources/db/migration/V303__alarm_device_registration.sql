-- GB/T 28181 registration: a device that registers is online only while its registration is valid (REGISTER with
-- Expires; Expires 0 unregisters). Devices that never registered are judged by their heartbeats alone.
alter table device_status add column registered_until timestamptz;
