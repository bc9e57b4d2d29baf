-- User accounts: one organisation each, roles, and the lockout state kept in the database (stateless nodes).
create table user_account (
    id                  bigint generated always as identity primary key,
    username            varchar(50)  not null unique,
    display_name        varchar(50)  not null,
    password_hash       varchar(200) not null,
    organisation_id     bigint       not null references organisation (id),
    roles               varchar(300) not null,
    phone               varchar(20),
    enabled             boolean      not null default true,
    failed_attempts     int          not null default 0,
    locked_until        timestamptz,
    password_changed_at timestamptz  not null default now(),
    version             int          not null default 0,
    created_at          timestamptz  not null default now()
);
create index user_account_organisation_idx on user_account (organisation_id);
