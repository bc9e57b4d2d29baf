-- 矛盾纠纷 / 涉校不稳定因素: a register with the responsible unit and officer, a deadline,
-- escalation and the resolution; scoped by the school's four units.
create table dispute (
    id                  bigserial primary key,
    kind                varchar(30)   not null,
    school_id           bigint        not null,
    school_name         varchar(200)  not null,
    region_code         varchar(6)    not null,
    school_unit_id      bigint        not null,
    education_bureau_id bigint,
    police_station_id   bigint,
    township_id         bigint,
    unit_ids            bigint[] generated always as
                          (array_remove(array[school_unit_id, education_bureau_id, police_station_id, township_id], null)) stored,
    title               varchar(100)  not null,
    description         text          not null,
    parties             varchar(500)  not null,
    responsible_unit    varchar(100)  not null,
    responsible_officer varchar(50)   not null,
    deadline            date          not null,
    status              varchar(20)   not null,
    escalated_at        timestamptz,
    escalation_reason   varchar(1000),
    resolution          text,
    resolved_at         timestamptz,
    resolved_by         varchar(100),
    registered_at       timestamptz   not null,
    registered_by       varchar(100)  not null,
    registered_unit     varchar(200)  not null,
    version             integer       not null default 0
);
create index dispute_unit_ids on dispute using gin (unit_ids);
create index dispute_open_deadline on dispute (deadline) where status <> 'RESOLVED';
