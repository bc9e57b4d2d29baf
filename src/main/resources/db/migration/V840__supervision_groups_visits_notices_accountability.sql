-- 督导与问责: leadership groups and working teams with members (changes kept), supervision
-- visits with findings raised as hazards, 通报 with recipients and their receipts, and
-- accountability records. Every table carries unit_ids for the one scope rule.

-- 领导小组 / 工作专班 of a unit
create table supervision_group (
    id          bigserial primary key,
    unit_id     bigint       not null,
    unit_name   varchar(200) not null,
    kind        varchar(20)  not null,
    name        varchar(100) not null,
    duties      text,
    created_at  timestamptz  not null,
    version     int          not null default 0,
    unit_ids    bigint[] generated always as (array[unit_id]) stored
);
create index supervision_group_unit_ids on supervision_group using gin (unit_ids);

-- members; a member who leaves keeps the row with left_on (the group's history)
create table supervision_member (
    id          bigserial primary key,
    group_id    bigint       not null references supervision_group (id),
    name        varchar(50)  not null,
    role        varchar(20)  not null,
    position    varchar(100) not null,
    phone       varchar(20)  not null,
    joined_on   date         not null,
    left_on     date,
    left_reason varchar(200)
);
create index supervision_member_group on supervision_member (group_id);

create table supervision_group_change (
    id        bigserial primary key,
    group_id  bigint       not null references supervision_group (id),
    at        timestamptz  not null,
    by_name   varchar(100) not null,
    what      varchar(500) not null
);

-- 督导 / 明察暗访 by a unit over schools in its scope; unit_ids: the visiting unit and
-- every visited school's units
create table supervision_visit (
    id          bigserial primary key,
    unit_id     bigint       not null,
    unit_name   varchar(200) not null,
    kind        varchar(20)  not null,
    visited_on  date         not null,
    team        varchar(500) not null,
    summary     text,
    created_by  varchar(100) not null,
    created_at  timestamptz  not null,
    unit_ids    bigint[]     not null
);
create index supervision_visit_unit_ids on supervision_visit using gin (unit_ids);

create table supervision_visit_school (
    visit_id    bigint       not null references supervision_visit (id),
    school_id   bigint       not null,
    school_name varchar(200) not null,
    region_code varchar(6)   not null,
    unit_ids    bigint[]     not null,
    primary key (visit_id, school_id)
);
create index supervision_visit_school_unit_ids on supervision_visit_school using gin (unit_ids);

create table supervision_finding (
    id            bigserial primary key,
    visit_id      bigint       not null references supervision_visit (id),
    school_id     bigint       not null,
    school_name   varchar(200) not null,
    text          varchar(2000) not null,
    hazard_id     bigint,
    hazard_number varchar(100),
    unit_ids      bigint[]     not null
);
create index supervision_finding_unit_ids on supervision_finding using gin (unit_ids);
create unique index supervision_finding_hazard on supervision_finding (hazard_id) where hazard_id is not null;

-- 通报: numbers gapless per issuing unit and year from a counter row locked in the issuing
-- transaction
create table supervision_notice_counter (
    issuer_unit_id bigint not null,
    year           int    not null,
    last_number    int    not null,
    primary key (issuer_unit_id, year)
);

create table supervision_notice (
    id             bigserial primary key,
    kind           varchar(20)  not null,
    number         varchar(60)  not null unique,
    title          varchar(200) not null,
    body           text         not null,
    issuer_unit_id bigint       not null,
    issuer_unit    varchar(200) not null,
    issuer_name    varchar(100) not null,
    issued_at      timestamptz  not null,
    visit_id       bigint references supervision_visit (id),
    unit_ids       bigint[] generated always as (array[issuer_unit_id]) stored
);
create index supervision_notice_unit_ids on supervision_notice using gin (unit_ids);

create table supervision_notice_recipient (
    id             bigserial primary key,
    notice_id      bigint       not null references supervision_notice (id),
    unit_id        bigint       not null,
    unit_name      varchar(200) not null,
    confirmed_at   timestamptz,
    confirmed_by   varchar(100),
    unit_ids       bigint[] generated always as (array[unit_id]) stored,
    unique (notice_id, unit_id)
);
create index supervision_notice_recipient_unit_ids on supervision_notice_recipient using gin (unit_ids);
create index supervision_notice_recipient_pending on supervision_notice_recipient (unit_id) where confirmed_at is null;

-- 约谈 / 问责 / 一票否决 / 挂牌督办 against a unit, linked to the incident or hazard behind it;
-- police_only when recorded by a police unit or linked to police-only data
create table supervision_accountability (
    id             bigserial primary key,
    kind           varchar(20)  not null,
    target_unit_id bigint       not null,
    target_unit    varchar(200) not null,
    region_code    varchar(6)   not null,
    decided_on     date         not null,
    reason         varchar(2000) not null,
    measures       varchar(2000),
    incident_id    bigint,
    hazard_id      bigint,
    hazard_number  varchar(100),
    police_only    boolean      not null,
    recorder_unit_id bigint     not null,
    recorder_unit  varchar(200) not null,
    recorder_name  varchar(100) not null,
    recorded_at    timestamptz  not null,
    unit_ids       bigint[] generated always as (array[recorder_unit_id, target_unit_id]) stored
);
create index supervision_accountability_unit_ids on supervision_accountability using gin (unit_ids);
