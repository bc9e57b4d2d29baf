-- One data-scope rule for devices and alarms, as for hazards and inspections: the
-- school's units in one array column with a GIN index, read by DataScope.where(alias).
alter table device add column unit_ids bigint[]
    generated always as (array_remove(array[school_org_id, bureau_id, station_id, township_id], null)) stored;
create index device_units_idx on device using gin (unit_ids);

alter table alarm add column unit_ids bigint[]
    generated always as (array_remove(array[school_org_id, bureau_id, station_id, township_id], null)) stored;
create index alarm_units_idx on alarm using gin (unit_ids);

-- Refused messages that name a registered device are counted per device, so that each
-- user sees only the counts of the devices in their scope; the detail is written by the
-- platform (never the sender's text).
create table ingest_rejection_device (
    device_id   bigint      not null references device (id) on delete cascade,
    channel     varchar(10) not null,
    reason      varchar(30) not null,
    count       bigint      not null default 0,
    last_at     timestamptz not null,
    last_detail varchar(300),
    primary key (device_id, channel, reason)
);

-- Old details may echo what anonymous senders chose: drop them.
update ingest_rejection set last_detail = null;

-- The device token hashed the way Mosquitto's password file wants it (PBKDF2-SHA512,
-- "$7$"), written when a token is issued, for the generated password file.
alter table device add column broker_password_hash varchar(200);

