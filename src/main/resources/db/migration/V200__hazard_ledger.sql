-- The hazard ledger (隐患台账): one row per hazard, with its rectification notice, state and supervision.
create sequence hazard_notice_seq;
create table hazard (
    id                   bigint generated always as identity primary key,
    notice_number        varchar(40)  not null unique,
    school_id            bigint       not null,
    school_name          varchar(100) not null,
    region_code          varchar(6)   not null,
    unit_ids             bigint[]     not null,
    place                varchar(100) not null,
    category             varchar(20)  not null,
    grade                varchar(20)  not null,
    description          varchar(2000) not null,
    requirements         varchar(2000) not null,
    responsible_unit     varchar(100) not null,
    responsible_person   varchar(50)  not null,
    found_by             varchar(100) not null,
    found_at             timestamptz  not null,
    deadline             date         not null,
    state                varchar(20)  not null,
    overdue              boolean      not null default false,
    supervised           boolean      not null default false,
    temporary_safeguards varchar(2000),
    plan_goal            varchar(1000),
    plan_measures        varchar(2000),
    plan_funds           varchar(200),
    plan_people          varchar(200),
    plan_deadline        date,
    plan_emergency       varchar(2000),
    closed_at            timestamptz,
    version              int          not null default 0
);
create index hazard_units_idx on hazard using gin (unit_ids);
create index hazard_state_idx on hazard (state, deadline);

create table hazard_step (
    id         bigint generated always as identity primary key,
    hazard_id  bigint       not null references hazard (id),
    action     varchar(40)  not null,
    actor      varchar(100) not null,
    at         timestamptz  not null,
    comment    varchar(2000)
);
create index hazard_step_hazard_idx on hazard_step (hazard_id);
