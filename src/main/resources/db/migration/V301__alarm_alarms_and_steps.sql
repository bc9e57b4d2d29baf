-- Alarms as received (raw payload kept beside the parsed fields), stored once per device and event id.
-- Actionable alarms go through the console workflow; log-only signals (tests, restores) are kept apart.
create table alarm (
    id                   bigserial primary key,
    device_id            bigint       not null references device (id),
    event_id             varchar(64)  not null,
    device_code          varchar(20)  not null,
    device_kind          varchar(30)  not null,
    device_place         varchar(100) not null,
    school_id            bigint       not null,
    school_code          varchar(20)  not null,
    school_name          varchar(100) not null,
    school_org_id        bigint       not null,
    bureau_id            bigint,
    station_id           bigint,
    township_id          bigint,
    region_code          varchar(6)   not null,
    type                 varchar(20)  not null,
    code                 varchar(64),
    priority             integer      not null,
    actionable           boolean      not null,
    channel              varchar(10)  not null,
    device_time          timestamptz,
    received_at          timestamptz  not null,
    snapshot_url         varchar(500),
    clip_url             varchar(500),
    detail               varchar(500),
    raw_payload          text         not null,
    state                varchar(20)  not null,
    acknowledged_at      timestamptz,
    acknowledged_by      varchar(100),
    dispatched_at        timestamptz,
    dispatched_by        varchar(100),
    dispatch_station_id  bigint,
    officers             varchar(200),
    arrived_at           timestamptz,
    arrived_by           varchar(100),
    closed_at            timestamptz,
    closed_by            varchar(100),
    outcome              varchar(20),
    closing_note         varchar(500),
    escalation_level     integer      not null default 0,
    escalated_at         timestamptz,
    version              integer      not null default 0,
    -- set by the database on every change, so that every node's console feed sees the change
    changed_at           timestamptz  not null default clock_timestamp(),
    constraint alarm_event_once unique (device_id, event_id)
);
create index alarm_open on alarm (state) where state <> 'CLOSED' and state <> 'LOGGED';
create index alarm_changed on alarm (changed_at);
create index alarm_station on alarm (station_id);
create index alarm_received on alarm (received_at);

-- Who did what to an alarm, and when.
create table alarm_step (
    id        bigserial primary key,
    alarm_id  bigint       not null references alarm (id),
    step      varchar(20)  not null,
    actor     varchar(100) not null,
    at        timestamptz  not null,
    detail    varchar(500)
);
create index alarm_step_alarm on alarm_step (alarm_id);
