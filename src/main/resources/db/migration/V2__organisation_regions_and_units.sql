-- Administrative regions by GB/T 2260 code, and the organisation tree hanging on them.
create table region (
    code        varchar(6)  not null primary key check (code ~ '^[0-9]{6}$'),
    name        varchar(50) not null,
    level       varchar(10) not null check (level in ('PROVINCE', 'CITY', 'COUNTY')),
    parent_code varchar(6) references region (code),
    created_at  timestamptz not null default now()
);
create index region_parent_idx on region (parent_code);

create table organisation (
    id          bigint generated always as identity primary key,
    name        varchar(100) not null,
    kind        varchar(40)  not null,
    region_code varchar(6)   not null references region (code),
    parent_id   bigint references organisation (id),
    -- materialised path of ids, e.g. '/1/4/27/': a subtree is a prefix match
    path        varchar(500) not null default '/',
    version     int          not null default 0,
    created_at  timestamptz  not null default now(),
    unique (region_code, kind, name)
);
create index organisation_path_idx on organisation (path varchar_pattern_ops);
create index organisation_parent_idx on organisation (parent_id);
create index organisation_region_idx on organisation (region_code);
