-- Webhooks (for SMS and messaging gateways) and their outbox: each event is stored with the change that caused it
-- and delivered by whichever node gets to it first, retried until the receiver answers 2xx.
create table webhook (
    id          bigint generated always as identity primary key,
    name        varchar(100) not null,
    url         varchar(500) not null,
    event_types varchar(300) not null default '',
    secret      varchar(100),
    enabled     boolean      not null default true,
    created_by  varchar(100) not null,
    created_at  timestamptz  not null
);

create table webhook_delivery (
    id              bigint generated always as identity primary key,
    webhook_id      bigint       not null references webhook (id),
    event_type      varchar(60)  not null,
    title           varchar(300) not null,
    payload         text         not null,
    created_at      timestamptz  not null,
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    delivered_at    timestamptz,
    last_status     int,
    last_error      varchar(500)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where delivered_at is null;
create index webhook_delivery_webhook_idx on webhook_delivery (webhook_id, id desc);
