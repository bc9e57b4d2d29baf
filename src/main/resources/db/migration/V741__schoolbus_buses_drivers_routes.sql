-- 校车: a school's buses, drivers and approved routes, each row keeping the school's four
-- units in unit_ids for the one scope rule. Registering a plate (or a driver's name) again
-- at the same school renews its dates.
create table school_bus (
    id               bigserial primary key,
    school_id        bigint       not null,
    school_name      varchar(200) not null,
    region_code      varchar(6)   not null,
    unit_ids         bigint[]     not null,
    plate            varchar(12)  not null,
    seats            integer      not null check (seats between 1 and 80),
    sign_number      varchar(50)  not null,
    sign_valid_until date         not null,
    inspection_valid_until date   not null,
    recorded_by      varchar(100) not null,
    recorded_at      timestamptz  not null,
    unique (plate)
);
create index school_bus_unit_ids on school_bus using gin (unit_ids);

create table school_bus_driver (
    id               bigserial primary key,
    school_id        bigint       not null,
    school_name      varchar(200) not null,
    region_code      varchar(6)   not null,
    unit_ids         bigint[]     not null,
    name             varchar(50)  not null,
    licence_class    varchar(4)   not null,
    licence_valid_until date      not null,
    last_training_on date         not null,
    recorded_by      varchar(100) not null,
    recorded_at      timestamptz  not null,
    unique (school_id, name)
);
create index school_bus_driver_unit_ids on school_bus_driver using gin (unit_ids);

create table school_bus_route (
    id               bigserial primary key,
    school_id        bigint       not null,
    school_name      varchar(200) not null,
    region_code      varchar(6)   not null,
    unit_ids         bigint[]     not null,
    name             varchar(100) not null,
    stops            varchar(1000) not null,
    plate            varchar(12),
    approval_number  varchar(100) not null,
    approved_on      date         not null,
    recorded_by      varchar(100) not null,
    recorded_at      timestamptz  not null,
    unique (school_id, name)
);
create index school_bus_route_unit_ids on school_bus_route using gin (unit_ids);
