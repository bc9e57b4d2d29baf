-- Alarms and their steps in one partition per month of the platform day (Asia/Shanghai) on which the alarm
-- was received, so that old months go by dropping whole partitions (hxay.alarm.retention, P5Y by default),
-- never by DELETE. Every row of the unpartitioned tables is moved here; the ids and their sequences stay.
--
-- A partitioned table's primary key and unique keys must contain the partition key, so:
-- * alarm's primary key is (id, received_at); id still comes from alarm_id_seq and stays unique (see below).
-- * alarm_step carries its alarm's received_at (alarm_received_at), is partitioned by it in the same months
--   (a step stays in its alarm's month even when taken in the next one), and references alarm by
--   (alarm_id, alarm_received_at): the foreign key is kept, widened.
-- * "an alarm is stored once per device and event id" must hold across months (a device may resend an
--   event after midnight on the last day of a month): it is the primary key of the small unpartitioned
--   table alarm_event_key (device_id, event_id) → (alarm_id, received_at). The insert writes the key first
--   (on conflict do nothing) and the alarm from it in one statement; each alarm references its own key row
--   (device_id, event_id, id, received_at), so no alarm can be stored without its key, and two alarms can
--   never share an event or an id (alarm_id is unique in the key table). The key's received_at also finds
--   an alarm's partition by id. Key rows are deleted by a range on received_at in the same transaction as
--   the month's partitions are dropped (a few dozen bytes a row; the payloads go by the partition drop).
-- The retention job alarm.alarm-partitions (cluster lock, nightly and at start) creates the coming months
-- ahead; this migration creates the months of the existing alarms and from last month to three months
-- ahead.
lock table alarm, alarm_step in access exclusive mode;

alter table alarm rename to alarm_unpartitioned;
alter table alarm_step rename to alarm_step_unpartitioned;
alter sequence alarm_id_seq owned by none;
alter sequence alarm_step_id_seq owned by none;
drop trigger alarm_notify_change on alarm_unpartitioned;

-- the same columns, defaults (ids from the same sequences) and generated unit_ids, in the same order
create table alarm (like alarm_unpartitioned including defaults including generated)
    partition by range (received_at);

create table alarm_step (like alarm_step_unpartitioned including defaults, alarm_received_at timestamptz not null)
    partition by range (alarm_received_at);

create table alarm_event_key (
    device_id   bigint      not null references device (id),
    event_id    varchar(64) not null,
    alarm_id    bigint      not null,
    received_at timestamptz not null,
    constraint alarm_event_key_pkey primary key (device_id, event_id),
    constraint alarm_event_key_alarm unique (alarm_id),
    constraint alarm_event_key_full unique (device_id, event_id, alarm_id, received_at)
);
create index alarm_event_key_received on alarm_event_key (received_at);

-- the months: of every stored alarm, and from last month to three months ahead (names alarm_pYYYYMM and
-- alarm_step_pYYYYMM, bounds at midnight platform time on the first of the month)
do $$
declare
    this_month date := date_trunc('month', (now() at time zone 'Asia/Shanghai'))::date;
    first_month date;
    m date;
begin
    select least(this_month - interval '1 month',
                 coalesce(date_trunc('month', min(received_at at time zone 'Asia/Shanghai')), this_month))::date
      into first_month from alarm_unpartitioned;
    for m in select generate_series(first_month, this_month + interval '3 months', interval '1 month')::date loop
        execute format('create table %I partition of alarm for values from (%L) to (%L)',
                       'alarm_p' || to_char(m, 'YYYYMM'),
                       (m::timestamp at time zone 'Asia/Shanghai'),
                       ((m + interval '1 month')::timestamp at time zone 'Asia/Shanghai'));
        execute format('create table %I partition of alarm_step for values from (%L) to (%L)',
                       'alarm_step_p' || to_char(m, 'YYYYMM'),
                       (m::timestamp at time zone 'Asia/Shanghai'),
                       ((m + interval '1 month')::timestamp at time zone 'Asia/Shanghai'));
    end loop;
end
$$;

-- the rows, then the keys and indexes (faster than index maintenance row by row); no notification is
-- sent for moved rows, as the trigger is created afterwards
insert into alarm (id, device_id, event_id, device_code, device_kind, device_place, school_id, school_code,
    school_name, school_org_id, bureau_id, station_id, township_id, region_code, type, code, priority, actionable,
    channel, device_time, received_at, snapshot_url, clip_url, detail, raw_payload, state, acknowledged_at,
    acknowledged_by, dispatched_at, dispatched_by, dispatch_station_id, officers, arrived_at, arrived_by, closed_at,
    closed_by, outcome, closing_note, escalation_level, escalated_at, version, changed_at, owner_kind, venue_id,
    venue_name, venue_address)
select id, device_id, event_id, device_code, device_kind, device_place, school_id, school_code,
    school_name, school_org_id, bureau_id, station_id, township_id, region_code, type, code, priority, actionable,
    channel, device_time, received_at, snapshot_url, clip_url, detail, raw_payload, state, acknowledged_at,
    acknowledged_by, dispatched_at, dispatched_by, dispatch_station_id, officers, arrived_at, arrived_by, closed_at,
    closed_by, outcome, closing_note, escalation_level, escalated_at, version, changed_at, owner_kind, venue_id,
    venue_name, venue_address
from alarm_unpartitioned;

insert into alarm_event_key (device_id, event_id, alarm_id, received_at)
select device_id, event_id, id, received_at from alarm_unpartitioned;

insert into alarm_step (id, alarm_id, alarm_received_at, step, actor, at, detail)
select s.id, s.alarm_id, a.received_at, s.step, s.actor, s.at, s.detail
from alarm_step_unpartitioned s join alarm_unpartitioned a on a.id = s.alarm_id;

drop table alarm_step_unpartitioned;
drop table alarm_unpartitioned;
alter sequence alarm_id_seq owned by alarm.id;
alter sequence alarm_step_id_seq owned by alarm_step.id;

alter table alarm add constraint alarm_pkey primary key (id, received_at);
alter table alarm add constraint alarm_device_id_fkey foreign key (device_id) references device (id);
alter table alarm add constraint alarm_event_once foreign key (device_id, event_id, id, received_at)
    references alarm_event_key (device_id, event_id, alarm_id, received_at);
create index alarm_device_event on alarm (device_id, event_id);
create index alarm_open on alarm (state) where state <> 'CLOSED' and state <> 'LOGGED';
create index alarm_changed on alarm (changed_at);
create index alarm_station on alarm (station_id);
create index alarm_received on alarm (received_at);
create index alarm_units_idx on alarm using gin (unit_ids);

alter table alarm_step add constraint alarm_step_pkey primary key (id, alarm_received_at);
alter table alarm_step add constraint alarm_step_alarm_id_fkey foreign key (alarm_id, alarm_received_at)
    references alarm (id, received_at);
create index alarm_step_alarm on alarm_step (alarm_id);

-- the console push of V880, on the partitioned table (fires for the row in whichever partition)
create trigger alarm_notify_change after insert or update on alarm
    for each row execute function alarm_notify_change();

analyze alarm;
analyze alarm_step;
analyze alarm_event_key;
