-- 应急预案 by type with versions and review dates, and accident reports (事故) with their
-- handling, insurance claim and mediation; the school's four units in unit_ids.
create table emergency_plan (
    id           bigserial primary key,
    school_id    bigint       not null,
    school_name  varchar(200) not null,
    region_code  varchar(6)   not null,
    unit_ids     bigint[]     not null,
    type         varchar(20)  not null,
    title        varchar(200) not null,
    version      integer      not null check (version > 0),
    approved_on  date         not null,
    review_due   date         not null,
    recorded_by  varchar(100) not null,
    recorded_at  timestamptz  not null,
    unique (school_id, type, version)
);
create index emergency_plan_unit_ids on emergency_plan using gin (unit_ids);

create table accident (
    id               bigserial primary key,
    school_id        bigint       not null,
    school_name      varchar(200) not null,
    region_code      varchar(6)   not null,
    unit_ids         bigint[]     not null,
    occurred_on      date         not null,
    kind             varchar(20)  not null,
    description      varchar(2000) not null,
    injured          integer      not null check (injured >= 0),
    handling         varchar(2000) not null,
    insurance        varchar(20)  not null,
    claim_number     varchar(100),
    claim_amount     numeric(12, 2),
    mediation        varchar(2000),
    recorded_by      varchar(100) not null,
    recorded_at      timestamptz  not null
);
create index accident_unit_ids on accident using gin (unit_ids);
