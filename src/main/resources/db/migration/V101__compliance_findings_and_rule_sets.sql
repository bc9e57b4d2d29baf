-- Which rule sets apply in which region (the national set applies everywhere without a row).
create table region_rule_set (
    region_code varchar(6)  not null references region (code),
    rule_set_id varchar(60) not null,
    assigned_by varchar(50) not null,
    assigned_at timestamptz not null default now(),
    primary key (region_code, rule_set_id)
);

-- The latest evaluation of each school: counts, and per target metric Y (compliant), N (not), M (missing data)
-- or null (not applicable), so that every rate is one pass over one row per school. The reasons of failing
-- metrics are kept for the drill-down; the full list of findings is computed live when a school is opened.
create table compliance_school (
    school_id               bigint       primary key references school (id),
    school_name             varchar(100) not null,
    organisation_id         bigint       not null,
    education_bureau_id     bigint       not null,
    police_station_id       bigint       not null,
    township_id             bigint,
    region_code             varchar(6)   not null,
    compliant               boolean      not null,
    failing                 int          not null,
    missing                 int          not null,
    closed_management       char(1),
    one_key_alarm_installed char(1),
    one_key_alarm_networked char(1),
    video_networked         char(1),
    urban_full_time_guards  char(1),
    metric_reasons          jsonb        not null default '{}',
    evaluated_at            timestamptz  not null default now()
);
create index compliance_school_region_idx on compliance_school (region_code);
create index compliance_school_station_idx on compliance_school (police_station_id);

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
