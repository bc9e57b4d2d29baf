-- A device that must be networked and stops sending heartbeats has an outage from the moment it went offline
-- until its next heartbeat; GB/T 29315 allows 24 h to repair it.
create table device_outage (
    id          bigserial primary key,
    device_id   bigint      not null references device (id) on delete cascade,
    started_at  timestamptz not null,
    detected_at timestamptz not null,
    ended_at    timestamptz
);
create unique index device_outage_open on device_outage (device_id) where ended_at is null;

-- Where alarms and outages are also sent (SMS or messaging gateways), and each delivery, retried until delivered.
create table webhook_target (
    id         bigserial primary key,
    url        varchar(500) not null unique,
    created_at timestamptz  not null default now()
);

create table webhook_delivery (
    id              bigserial primary key,
    target_id       bigint       not null references webhook_target (id) on delete cascade,
    event           varchar(30)  not null,
    payload         text         not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    delivered_at    timestamptz,
    last_error      varchar(300),
    created_at      timestamptz  not null default now()
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where delivered_at is null;
