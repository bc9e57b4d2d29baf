-- 访客登记: visitors and vehicles at the school gate. ID numbers are never stored: only masked for the screen and as a
-- keyed HMAC (key outside the database, keyperson.PersonHashes, purpose "visitor") for matching.
create table visit (
    id              bigint generated always as identity primary key,
    school_id       bigint       not null,
    school_name     varchar(200) not null,
    name            varchar(50)  not null,
    id_masked       varchar(30),
    id_hash         varchar(64),
    phone           varchar(20),
    purpose         varchar(200) not null,
    host            varchar(50)  not null,
    plate           varchar(12),
    escort          varchar(50),
    status          varchar(12)  not null check (status in ('EXPECTED', 'INSIDE', 'LEFT', 'REFUSED')),
    expected_on     date,
    pre_registered_by varchar(100),
    checked_in_at   timestamptz,
    checked_in_by   varchar(100),
    checked_out_at  timestamptz,
    checked_out_by  varchar(100),
    day             date         not null,
    created_at      timestamptz  not null,
    unit_ids        bigint[]     not null
);
create index visit_unit_ids on visit using gin (unit_ids);
create index visit_school_day on visit (school_id, day);

-- 学校禁入名单: the school's own ban list
create table visit_ban (
    id         bigint generated always as identity primary key,
    school_id  bigint       not null,
    name       varchar(50)  not null,
    id_masked  varchar(30)  not null,
    id_hash    varchar(64)  not null,
    reason     varchar(200) not null,
    added_by   varchar(100) not null,
    added_at   timestamptz  not null,
    unit_ids   bigint[]     not null,
    unique (school_id, id_hash)
);
create index visit_ban_unit_ids on visit_ban using gin (unit_ids);

-- 门岗预警: a refused check-in, for the school's police station only (unit_ids = the station); the school never sees why
create table gate_alert (
    id                   bigint generated always as identity primary key,
    visit_id             bigint       not null references visit (id),
    school_id            bigint       not null,
    school_name          varchar(200) not null,
    station_id           bigint,
    source               varchar(12)  not null check (source in ('BAN_LIST', 'POLICE_LIST')),
    key_person_alert_id  bigint,
    at                   timestamptz  not null,
    unit_ids             bigint[]     generated always as (array_remove(array[station_id], null)) stored
);
create index gate_alert_unit_ids on gate_alert using gin (unit_ids);

-- 接送卡 (kindergartens): one card per child with the adults allowed to pick the child up, checked person by person
create table pickup_card (
    id          bigint generated always as identity primary key,
    school_id   bigint       not null,
    card_no     varchar(20)  not null,
    child_name  varchar(50)  not null,
    class_name  varchar(50)  not null,
    created_at  timestamptz  not null,
    unit_ids    bigint[]     not null,
    unique (school_id, card_no)
);
create index pickup_card_unit_ids on pickup_card using gin (unit_ids);

create table pickup_adult (
    id         bigint generated always as identity primary key,
    card_id    bigint      not null references pickup_card (id),
    name       varchar(50) not null,
    relation   varchar(20) not null,
    id_masked  varchar(30) not null,
    id_hash    varchar(64) not null
);
create index pickup_adult_card on pickup_adult (card_id);

create table pickup_check (
    id          bigint generated always as identity primary key,
    card_id     bigint       not null references pickup_card (id),
    school_id   bigint       not null,
    passed      boolean      not null,
    adult_name  varchar(50),
    checked_by  varchar(100) not null,
    at          timestamptz  not null,
    unit_ids    bigint[]     not null
);
create index pickup_check_unit_ids on pickup_check using gin (unit_ids);
