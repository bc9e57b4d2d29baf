-- Devices of a school (one-key alarms, cameras, NVRs, intrusion detectors) and their latest heartbeat.
-- The school's place in the tree is copied onto the device so that data-scope queries need no other
-- module's tables; it is refreshed when the school changes.
create table device (
    id               bigserial primary key,
    code             varchar(20)  not null unique,
    school_id        bigint       not null,
    school_code      varchar(20)  not null,
    school_name      varchar(100) not null,
    school_org_id    bigint       not null,
    bureau_id        bigint,
    station_id       bigint,
    township_id      bigint,
    region_code      varchar(6)   not null,
    kind             varchar(30)  not null,
    place            varchar(100) not null,
    vendor           varchar(50),
    model            varchar(50),
    must_be_networked boolean     not null default true,
    token_hash       varchar(64)  not null,
    version          integer      not null default 0,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now()
);
create index device_school on device (school_id);
create index device_station on device (station_id);
create index device_region on device (region_code);

-- One row per device, updated in batches; never one row per heartbeat.
create table device_status (
    device_id         bigint primary key references device (id) on delete cascade,
    last_heartbeat_at timestamptz,
    heartbeats        bigint not null default 0
);

-- Messages refused at the door, counted by channel and reason (shared by every node).
create table ingest_rejection (
    channel     varchar(10)  not null,
    reason      varchar(30)  not null,
    count       bigint       not null default 0,
    last_at     timestamptz  not null,
    last_detail varchar(300),
    primary key (channel, reason)
);
