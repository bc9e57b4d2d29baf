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

-- Alarms and outages are pushed to webhooks by the notification module (V500).
