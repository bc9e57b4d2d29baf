-- 护学岗 (school-gate duty posts): posts at school gates, each school's bells (arrival and
-- dismissal, staggered per grade, by weekday), the station's roster, officers' check-ins
-- with time and position, and the gaps flagged when a post is unstaffed before a bell.
-- Every row keeps its school's four units in unit_ids for the one data-scope rule.
create table duty_post (
    id          bigserial primary key,
    school_id   bigint       not null,
    school_name varchar(200) not null,
    region_code varchar(6)   not null,
    station_id  bigint,
    gate        varchar(60)  not null,
    latitude    numeric(9, 6),
    longitude   numeric(9, 6),
    active      boolean      not null default true,
    created_at  timestamptz  not null,
    created_by  varchar(100) not null,
    unit_ids    bigint[]     not null,
    unique (school_id, gate)
);
create index duty_post_unit_ids on duty_post using gin (unit_ids);

-- the school's bells; a school with staggered bells has several rows per kind
create table duty_bell (
    id        bigserial primary key,
    school_id bigint      not null,
    kind      varchar(10) not null check (kind in ('ARRIVAL', 'DISMISSAL')),
    label     varchar(40) not null,
    at        time        not null,
    -- ISO days of the week it rings on, e.g. '12345'
    weekdays  varchar(7)  not null check (weekdays ~ '^[1-7]{1,7}$'),
    unit_ids  bigint[]    not null
);
create index duty_bell_school on duty_bell (school_id);

-- who covers which post at which peak (all arrival or all dismissal bells) on which day
create table duty_roster (
    id           bigserial primary key,
    post_id      bigint       not null references duty_post (id),
    day          date         not null,
    period       varchar(10)  not null check (period in ('ARRIVAL', 'DISMISSAL')),
    officer_name varchar(40)  not null,
    officer_kind varchar(10)  not null check (officer_kind in ('POLICE', 'AUXILIARY')),
    created_at   timestamptz  not null,
    created_by   varchar(100) not null,
    unit_ids     bigint[]     not null
);
create index duty_roster_post_day on duty_roster (post_id, day);
create index duty_roster_unit_ids on duty_roster using gin (unit_ids);

create table duty_check_in (
    id             bigserial primary key,
    post_id        bigint       not null references duty_post (id),
    day            date         not null,
    officer_name   varchar(40)  not null,
    officer_kind   varchar(10)  not null check (officer_kind in ('POLICE', 'AUXILIARY')),
    username       varchar(100) not null,
    checked_in_at  timestamptz  not null,
    in_latitude    numeric(9, 6),
    in_longitude   numeric(9, 6),
    in_accuracy    integer,
    in_place       varchar(200),
    car_present    boolean      not null default false,
    checked_out_at timestamptz,
    out_latitude   numeric(9, 6),
    out_longitude  numeric(9, 6),
    out_place      varchar(200),
    unit_ids       bigint[]     not null
);
create index duty_check_in_post_day on duty_check_in (post_id, day);
create index duty_check_in_unit_ids on duty_check_in using gin (unit_ids);

-- a post nobody staffed N minutes before a bell: raised once per post, day and bell time
create table duty_gap (
    id         bigserial primary key,
    post_id    bigint      not null references duty_post (id),
    day        date        not null,
    bell_at    time        not null,
    bell_kind  varchar(10) not null,
    bell_label varchar(40) not null,
    raised_at  timestamptz not null,
    covered_at timestamptz,
    unit_ids   bigint[]    not null,
    unique (post_id, day, bell_at)
);
create index duty_gap_day on duty_gap (day);
create index duty_gap_unit_ids on duty_gap using gin (unit_ids);

-- 法制副校长 / 法治辅导员, the police liaison and the 警务室 / 治安岗亭 of each school
create table school_police_link (
    school_id        bigint       primary key,
    vice_principal   varchar(40),
    counsellor       varchar(40),
    liaison_officer  varchar(40),
    liaison_phone    varchar(20),
    police_room      varchar(20)  not null default 'NONE'
        check (police_room in ('NONE', 'POLICE_ROOM', 'SECURITY_BOOTH')),
    room_required    boolean      not null default true,
    updated_at       timestamptz  not null,
    updated_by       varchar(100) not null,
    unit_ids         bigint[]     not null
);
create index school_police_link_unit_ids on school_police_link using gin (unit_ids);
