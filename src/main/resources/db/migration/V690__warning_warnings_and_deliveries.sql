-- 预警推送: a warning sent by a bureau or police unit, and one delivery per school with
-- its read receipt, reply and escalation marks.
create table warning (
    id              bigserial primary key,
    level           varchar(10)  not null,
    title           varchar(100) not null,
    body            text         not null,
    acknowledge_by  timestamptz  not null,
    sent_at         timestamptz  not null,
    sender_unit_id  bigint       not null,
    sender_unit     varchar(200) not null,
    sender_username varchar(100) not null,
    sender_name     varchar(100) not null,
    region_code     varchar(6),
    school_kind     varchar(30),
    -- the sending unit, for the one scope rule
    unit_ids        bigint[] generated always as (array[sender_unit_id]) stored
);
create index warning_unit_ids on warning using gin (unit_ids);

create table warning_delivery (
    id             bigserial primary key,
    warning_id     bigint       not null references warning (id),
    school_id      bigint       not null,
    school_unit_id bigint       not null,
    school_name    varchar(200) not null,
    region_code    varchar(6)   not null,
    unit_ids       bigint[]     not null,
    read_at        timestamptz,
    read_by        varchar(100),
    read_by_name   varchar(100),
    reply          text,
    replied_at     timestamptz,
    replied_by     varchar(100),
    replied_by_name varchar(100),
    reminded_at    timestamptz,
    escalated_at   timestamptz,
    unique (warning_id, school_id),
    check (reply is null or read_at is not null)
);
create index warning_delivery_unit_ids on warning_delivery using gin (unit_ids);
create index warning_delivery_unread on warning_delivery (warning_id) where read_at is null;
