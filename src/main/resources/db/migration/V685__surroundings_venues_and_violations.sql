-- The student safety zone (学生安全区域): venues near schools and the violations of the distance rules.
-- Coordinates are kept in WGS-84; what was typed (and in which system) is kept beside them.
create table venue (
    id               bigint generated always as identity primary key,
    type             varchar(30)   not null,
    name             varchar(100)  not null,
    address          varchar(200)  not null,
    longitude        numeric(9, 6) not null,
    latitude         numeric(9, 6) not null,
    input_system     varchar(10)   not null,
    input_longitude  numeric(9, 6) not null,
    input_latitude   numeric(9, 6) not null,
    station_id       bigint        not null,
    township_id      bigint,
    operating        boolean       not null default true,
    created_by       varchar(50)   not null,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    version          int           not null default 0,
    -- the one data-scope rule: the responsible station and township, and the units of every school within the zone
    -- radius (so a school, its education bureau and its police station see the venues around it)
    unit_ids         bigint[]      not null
);
create index venue_unit_ids_idx on venue using gin (unit_ids);

create table venue_violation (
    id             bigint generated always as identity primary key,
    venue_id       bigint        not null references venue (id),
    school_id      bigint        not null,
    school_name    varchar(100)  not null,
    rule_code      varchar(60)   not null,
    rule_label     varchar(200)  not null,
    citation       varchar(300)  not null,
    limit_metres   int           not null,
    distance_metres int          not null,
    status         varchar(20)   not null,
    department     varchar(100),
    deadline       date,
    found_on       date          not null,
    closed_on      date,
    closed_by      varchar(50),
    note           varchar(500),
    rechecked_on   date          not null,
    version        int           not null default 0,
    unit_ids       bigint[]      not null
);
create index venue_violation_unit_ids_idx on venue_violation using gin (unit_ids);
-- at most one open violation per venue, school and rule; a closed one may be followed by a new one on re-check
create unique index venue_violation_open_idx on venue_violation (venue_id, school_id, rule_code) where status <> 'CLOSED';
