-- The school registry. A school is also a unit (organisation) in the tree; the ids below point into the
-- organisation module only as keys, never read through a join.
create table school (
    id                   bigint generated always as identity primary key,
    code                 varchar(10)  not null unique check (code ~ '^[0-9]{10}$'),
    name                 varchar(100) not null,
    kind                 varchar(30)  not null,
    ownership            varchar(10)  not null check (ownership in ('PUBLIC', 'PRIVATE')),
    locality             varchar(10)  not null check (locality in ('URBAN', 'TOWN', 'RURAL')),
    boarding             boolean      not null,
    students             int          not null check (students >= 0),
    boarders             int          not null default 0 check (boarders >= 0 and boarders <= students),
    staff                int          not null check (staff >= 0),
    address              varchar(200),
    longitude            numeric(9, 6) check (longitude between -180 and 180),
    latitude             numeric(8, 6) check (latitude between -90 and 90),
    headmaster_name      varchar(50),
    headmaster_phone     varchar(20),
    safety_lead_name     varchar(50),
    safety_lead_phone    varchar(20),
    organisation_id      bigint       not null unique references organisation (id),
    education_bureau_id  bigint       not null references organisation (id),
    police_station_id    bigint       not null references organisation (id),
    township_id          bigint references organisation (id),
    region_code          varchar(6)   not null references region (code),
    key_security_unit    boolean      not null default false,
    licensed             boolean      not null default true,
    version              int          not null default 0,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now()
);
create index school_region_idx on school (region_code);
create index school_station_idx on school (police_station_id);
create index school_bureau_idx on school (education_bureau_id);
create index school_township_idx on school (township_id);
create index school_kind_idx on school (kind);
