-- 治安乱点: public-order hotspots near schools, their rectification steps and whether they are fixed.
-- Police-only (the Annex 1 items 校园周边治安乱点情况 / 是否整改 are sensitive). Scoped by the responsible
-- station, the township and the units of every school within the nearby radius.
create table hotspot (
    id               bigserial primary key,
    name             varchar(100)  not null,
    address          varchar(200)  not null,
    longitude        numeric(9, 6) not null,
    latitude         numeric(9, 6) not null,
    input_system     varchar(10)   not null,
    input_longitude  numeric(9, 6) not null,
    input_latitude   numeric(9, 6) not null,
    problem          varchar(1000) not null,
    station_id       bigint        not null,
    township_id      bigint,
    status           varchar(20)   not null,
    fixed_on         date,
    fixed_by         varchar(100),
    registered_by    varchar(100)  not null,
    registered_at    timestamptz   not null,
    version          integer       not null default 0,
    unit_ids         bigint[]      not null
);
create index hotspot_unit_ids on hotspot using gin (unit_ids);

-- the schools within the nearby radius, with the distance, computed when the hotspot is saved
create table hotspot_school (
    hotspot_id       bigint        not null references hotspot (id),
    school_id        bigint        not null,
    school_name      varchar(200)  not null,
    distance_metres  integer       not null,
    primary key (hotspot_id, school_id)
);
create index hotspot_school_school on hotspot_school (school_id);

create table hotspot_step (
    id               bigserial primary key,
    hotspot_id       bigint        not null references hotspot (id),
    text             varchar(1000) not null,
    fixed            boolean       not null,
    at               timestamptz   not null,
    by_name          varchar(100)  not null,
    by_unit          varchar(200)  not null
);
create index hotspot_step_hotspot on hotspot_step (hotspot_id, id);
