-- 巡更: each school's patrol plan (rounds of its key areas per day; GB/T 29315-2022 人力防范要求: at least 5 a day),
-- its patrol points printed as QR codes, the rounds guards walk by scanning them, and the duty roster with the
-- leader on duty (领导带班).
create table patrol_plan (
    school_id            bigint primary key,
    school_name          varchar(200) not null,
    rounds_per_day       int          not null default 5 check (rounds_per_day between 1 and 48),
    min_seconds_between  int          not null default 60 check (min_seconds_between between 0 and 3600),
    round_minutes        int          not null default 120 check (round_minutes between 10 and 720),
    updated_by           varchar(100) not null,
    updated_at           timestamptz  not null,
    unit_ids             bigint[]     not null
);
create index patrol_plan_unit_ids on patrol_plan using gin (unit_ids);

create table patrol_point (
    id          bigint generated always as identity primary key,
    school_id   bigint       not null references patrol_plan (school_id),
    name        varchar(50)  not null,
    token       varchar(40)  not null unique,
    sort_order  int          not null,
    active      boolean      not null default true,
    created_at  timestamptz  not null,
    unit_ids    bigint[]     not null,
    unique (school_id, name)
);
create index patrol_point_unit_ids on patrol_point using gin (unit_ids);

create table patrol_round (
    id              bigint generated always as identity primary key,
    school_id       bigint       not null references patrol_plan (school_id),
    guard_username  varchar(100) not null,
    guard_name      varchar(100) not null,
    day             date         not null,
    started_at      timestamptz  not null,
    last_scan_at    timestamptz  not null,
    ended_at        timestamptz,
    points_total    int          not null,
    points_scanned  int          not null,
    too_fast        boolean      not null default false,
    fastest_seconds int,
    unit_ids        bigint[]     not null
);
create index patrol_round_unit_ids on patrol_round using gin (unit_ids);
create index patrol_round_school_day on patrol_round (school_id, day);

create table patrol_scan (
    id        bigint generated always as identity primary key,
    round_id  bigint      not null references patrol_round (id),
    point_id  bigint      not null references patrol_point (id),
    at        timestamptz not null,
    unique (round_id, point_id)
);

-- 值班表 / 假期值班 / 领导带班
create table school_duty_roster (
    id          bigint generated always as identity primary key,
    school_id   bigint       not null,
    day         date         not null,
    person      varchar(50)  not null,
    leader      boolean      not null,
    holiday     boolean      not null,
    created_by  varchar(100) not null,
    created_at  timestamptz  not null,
    unit_ids    bigint[]     not null,
    unique (school_id, day, person)
);
create index school_duty_roster_unit_ids on school_duty_roster using gin (unit_ids);
create index duty_roster_school_day on school_duty_roster (school_id, day);
