-- Which rule sets apply in which region (the national set applies everywhere without a row).
create table region_rule_set (
    region_code varchar(6)  not null references region (code),
    rule_set_id varchar(60) not null,
    assigned_by varchar(50) not null,
    assigned_at timestamptz not null default now(),
    primary key (region_code, rule_set_id)
);

-- The latest evaluation of each school, with copies of the keys rates are grouped and scoped by.
create table compliance_school (
    school_id           bigint       primary key references school (id),
    school_name         varchar(100) not null,
    organisation_id     bigint       not null,
    education_bureau_id bigint       not null,
    police_station_id   bigint       not null,
    township_id         bigint,
    region_code         varchar(6)   not null,
    compliant           boolean      not null,
    failing             int          not null,
    missing             int          not null,
    evaluated_at        timestamptz  not null default now()
);
create index compliance_school_region_idx on compliance_school (region_code);
create index compliance_school_station_idx on compliance_school (police_station_id);

create table compliance_finding (
    school_id   bigint       not null references compliance_school (school_id) on delete cascade,
    rule_id     varchar(60)  not null,
    rule_set_id varchar(60)  not null,
    title       varchar(200) not null,
    source      varchar(300) not null,
    status      varchar(20)  not null,
    required    varchar(300),
    actual      varchar(300),
    explanation text,
    metric      varchar(40),
    primary key (school_id, rule_id)
);
create index compliance_finding_metric_idx on compliance_finding (metric, status) where metric is not null;

-- Full re-evaluations run in the background; progress is kept here so any node can show it.
create table evaluation_run (
    id          bigint generated always as identity primary key,
    started_by  varchar(50) not null,
    started_at  timestamptz not null default now(),
    finished_at timestamptz,
    total       int         not null default 0,
    done        int         not null default 0,
    status      varchar(20) not null default 'RUNNING',
    message     text
);
