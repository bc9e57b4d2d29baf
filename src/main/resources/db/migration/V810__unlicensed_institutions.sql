-- 无证幼儿园、看护点、校外培训班 (seed 003 §三.1; seed 004 §(二)): found → deadline to obtain approval
-- (限期办证) → licensed (证照) or banned (取缔), with a re-check after a ban that catches a reopening.
-- Scoped by the units it lies in: the county education bureau, the police station and the township.
create table unlicensed_institution (
    id                     bigserial primary key,
    kind                   varchar(30)   not null,
    name                   varchar(100)  not null,
    address                varchar(200)  not null,
    longitude              numeric(9, 6) not null,
    latitude               numeric(9, 6) not null,
    input_system           varchar(10)   not null,
    input_longitude        numeric(9, 6) not null,
    input_latitude         numeric(9, 6) not null,
    operator               varchar(100)  not null,
    children               integer       not null,
    found_by               varchar(100)  not null,
    found_on               date          not null,
    region_code            varchar(6)    not null,
    education_bureau_id    bigint,
    police_station_id      bigint        not null,
    township_id            bigint,
    unit_ids               bigint[] generated always as
                             (array_remove(array[education_bureau_id, police_station_id, township_id], null)) stored,
    department             varchar(100)  not null,
    deadline               date          not null,
    status                 varchar(20)   not null,
    licence_no             varchar(60),
    closed_on              date,
    closed_by              varchar(100),
    recheck_due            date,
    rechecked_on           date,
    previous_id            bigint references unlicensed_institution (id),
    registered_by          varchar(100)  not null,
    registered_unit        varchar(200)  not null,
    registered_at          timestamptz   not null,
    version                integer       not null default 0
);
create index unlicensed_institution_unit_ids on unlicensed_institution using gin (unit_ids);
create index unlicensed_institution_pending on unlicensed_institution (deadline) where status = 'PENDING';

-- each step on the ledger, in order: 发现立案, 办证, 取缔, 复查
create table unlicensed_step (
    id               bigserial primary key,
    institution_id   bigint        not null references unlicensed_institution (id),
    action           varchar(20)   not null,
    note             varchar(1000),
    at               timestamptz   not null,
    by_name          varchar(100)  not null,
    by_unit          varchar(200)  not null
);
create index unlicensed_step_institution on unlicensed_step (institution_id, id);
