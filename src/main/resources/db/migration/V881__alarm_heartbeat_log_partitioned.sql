-- Raw heartbeats, kept for days (hxay.device.heartbeat-retention, 30 by default) in one
-- partition per platform day (Asia/Shanghai), so that old ones go by dropping a whole
-- partition, never by DELETE. One row per device per flush of the heartbeat buffer
-- (200 ms): at a 60 s keepalive, one row per heartbeat; beats counts any that shared a
-- flush. device_status keeps the latest heartbeat of each device; this is the history.
-- No foreign key to device: a partitioned log is dropped by day, not by device.
-- The daily job alarm.heartbeat-partitions (cluster lock) creates the partitions ahead
-- and drops the expired ones; this migration creates yesterday's to a week ahead so
-- that heartbeats are kept from the first start.
create table device_heartbeat (
    device_id bigint      not null,
    at        timestamptz not null,
    beats     integer     not null default 1
) partition by range (at);
create index device_heartbeat_device_at on device_heartbeat (device_id, at);

do $$
declare
    today date := (now() at time zone 'Asia/Shanghai')::date;
    d date;
begin
    for d in select generate_series(today - 1, today + 7, interval '1 day')::date loop
        execute format('create table if not exists %I partition of device_heartbeat'
                       || ' for values from (%L) to (%L)',
                       'device_heartbeat_p' || to_char(d, 'YYYYMMDD'),
                       (d::timestamp at time zone 'Asia/Shanghai'),
                       ((d + 1)::timestamp at time zone 'Asia/Shanghai'));
    end loop;
end
$$;
