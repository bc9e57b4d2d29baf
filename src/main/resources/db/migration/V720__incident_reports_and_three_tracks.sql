-- 涉校案事件: an incident at or around a school, its reports (初报, 续报, 终报) timed against
-- the report clock, the handling on the three tracks of 三同步, and the key persons
-- involved (police only). Scoped by the school's four units, like every record about a school.
create table incident (
    id                 bigserial primary key,
    type               varchar(30)  not null,
    school_id          bigint       not null,
    school_name        varchar(200) not null,
    region_code        varchar(6)   not null,
    school_unit_id     bigint       not null,
    education_bureau_id bigint,
    police_station_id  bigint,
    township_id        bigint,
    unit_ids           bigint[] generated always as
                         (array_remove(array[school_unit_id, education_bureau_id, police_station_id, township_id], null)) stored,
    place              varchar(200) not null,
    occurred_at        timestamptz  not null,
    persons            varchar(1000) not null,
    what               text         not null,
    deaths             integer      not null check (deaths >= 0),
    injured            integer      not null check (injured >= 0),
    alarm_id           bigint,
    status             varchar(20)  not null,
    first_reported_at  timestamptz  not null,
    first_report_late  boolean      not null,
    last_reported_at   timestamptz  not null,
    follow_up_due      timestamptz,
    final_due          timestamptz  not null,
    final_reported_at  timestamptz,
    overdue_flagged_at timestamptz,
    reporter_unit_id   bigint       not null,
    reporter_unit      varchar(200) not null,
    reporter_username  varchar(100) not null,
    reporter_name      varchar(100) not null,
    version            integer      not null default 0
);
create index incident_unit_ids on incident using gin (unit_ids);
create index incident_occurred on incident (occurred_at desc);
create index incident_open_clock on incident (follow_up_due, final_due) where status <> 'CLOSED';

create table incident_report (
    id           bigserial primary key,
    incident_id  bigint       not null references incident (id),
    kind         varchar(20)  not null,
    text         text         not null,
    deaths       integer      not null check (deaths >= 0),
    injured      integer      not null check (injured >= 0),
    reported_at  timestamptz  not null,
    due_at       timestamptz,
    late         boolean      not null,
    username     varchar(100) not null,
    name         varchar(100) not null,
    unit         varchar(200) not null
);
create index incident_report_incident on incident_report (incident_id, reported_at);

create table incident_action (
    id           bigserial primary key,
    incident_id  bigint       not null references incident (id),
    track        varchar(20)  not null,
    text         text         not null,
    done_at      timestamptz  not null,
    recorded_at  timestamptz  not null,
    username     varchar(100) not null,
    name         varchar(100) not null,
    unit         varchar(200) not null
);
create index incident_action_incident on incident_action (incident_id, done_at);

-- police only: never read for an education, school or inspector user
create table incident_key_person (
    incident_id   bigint       not null references incident (id),
    key_person_id bigint       not null,
    linked_at     timestamptz  not null,
    linked_by     varchar(100) not null,
    primary key (incident_id, key_person_id)
);
