-- 应急演练, 安全教育, 团体活动: a school's own safety work, each row keeping the school's four
-- units in unit_ids for the one scope rule.
create table drill (
    id               bigserial primary key,
    school_id        bigint       not null,
    school_name      varchar(200) not null,
    region_code      varchar(6)   not null,
    unit_ids         bigint[]     not null,
    type             varchar(20)  not null,
    -- a planned drill has planned_on and no held_on; a held one has held_on
    planned_on       date,
    held_on          date,
    participants     integer,
    duration_minutes integer,
    scenario         varchar(500),
    lessons          varchar(2000),
    hazard_id        bigint,
    recorded_by      varchar(100) not null,
    recorded_at      timestamptz  not null,
    check (planned_on is not null or held_on is not null),
    check (held_on is null or (participants > 0 and duration_minutes > 0))
);
create index drill_unit_ids on drill using gin (unit_ids);
create index drill_school_type on drill (school_id, type);

create table drill_photo (
    id           bigserial primary key,
    drill_id     bigint       not null references drill (id),
    content_type varchar(30)  not null,
    bytes        bytea        not null,
    caption      varchar(100),
    uploaded_by  varchar(100) not null,
    uploaded_at  timestamptz  not null
);
create index drill_photo_drill on drill_photo (drill_id);

-- 安全教育 sessions and 法治辅导员 lectures
create table safety_session (
    id          bigserial primary key,
    school_id   bigint       not null,
    school_name varchar(200) not null,
    region_code varchar(6)   not null,
    unit_ids    bigint[]     not null,
    kind        varchar(20)  not null,
    held_on     date         not null,
    topic       varchar(200) not null,
    speaker     varchar(100) not null,
    audience    integer      not null check (audience > 0),
    recorded_by varchar(100) not null,
    recorded_at timestamptz  not null
);
create index safety_session_unit_ids on safety_session using gin (unit_ids);

-- 师生团体活动 (Annex 1: 次数, 总人数, 安全是否由校级领导直接负责)
create table group_activity (
    id                  bigserial primary key,
    school_id           bigint       not null,
    school_name         varchar(200) not null,
    region_code         varchar(6)   not null,
    unit_ids            bigint[]     not null,
    held_on             date         not null,
    title               varchar(200) not null,
    people              integer      not null check (people > 0),
    leader_responsible  boolean      not null,
    leader_name         varchar(50),
    recorded_by         varchar(100) not null,
    recorded_at         timestamptz  not null
);
create index group_activity_unit_ids on group_activity using gin (unit_ids);
