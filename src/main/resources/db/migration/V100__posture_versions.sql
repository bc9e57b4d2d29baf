-- Every recorded version of a school's security posture; the version in force at time t is the latest with
-- valid_from <= t. Rows are never updated, so the posture on any past date can be shown. The facts are kept as
-- json (text), not jsonb: nothing queries inside them and reading 100,000 of them back is much cheaper.
create table posture_version (
    id          bigint generated always as identity primary key,
    school_id   bigint       not null references school (id),
    valid_from  timestamptz  not null default now(),
    recorded_by varchar(50)  not null,
    recorded_at timestamptz  not null default now(),
    facts       json         not null
);
create index posture_version_school_idx on posture_version (school_id, valid_from desc, id desc);
