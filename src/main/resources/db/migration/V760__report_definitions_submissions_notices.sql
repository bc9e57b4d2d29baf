-- 填报: a report a unit above defines (cadence, form, the units that must report, the lock
-- after each period), one submission per unit and period with its values (prefilled from
-- the platform, corrected with a reason, attested), the steps of each submission
-- (submitted, reopened by the level above), reminders sent once, and 通报 issued from a
-- period's late list.
create table report_definition (
    id              bigserial primary key,
    title           varchar(100) not null,
    form            varchar(30)  not null,
    cadence         varchar(30)  not null,
    due_day         int          not null,
    period_days     int,
    starts_on       date         not null,
    ends_on         date,
    final_due_on    date,
    lock_days       int          not null,
    remind_days     int          not null,
    target_kind     varchar(40)  not null,
    owner_unit_id   bigint       not null references organisation (id),
    owner_unit      varchar(200) not null,
    created_by      varchar(100) not null,
    created_at      timestamptz  not null,
    -- the defining unit and every reporting unit, for the one scope rule
    unit_ids        bigint[]     not null
);
create index report_definition_unit_ids on report_definition using gin (unit_ids);

create table report_target (
    definition_id bigint       not null references report_definition (id),
    unit_id       bigint       not null references organisation (id),
    unit_name     varchar(200) not null,
    region_code   varchar(6)   not null,
    police        boolean      not null,
    unit_ids      bigint[]     generated always as (array[unit_id]) stored,
    primary key (definition_id, unit_id)
);
create index report_target_unit_ids on report_target using gin (unit_ids);

create table report_submission (
    id                 bigserial primary key,
    definition_id      bigint       not null references report_definition (id),
    unit_id            bigint       not null references organisation (id),
    unit_name          varchar(200) not null,
    region_code        varchar(6)   not null,
    period_start       date         not null,
    period_end         date         not null,
    due_on             date         not null,
    state              varchar(20)  not null,
    police_only        boolean      not null default false,
    attested_by        varchar(100),
    attested_name      varchar(100),
    first_submitted_at timestamptz,
    submitted_at       timestamptz,
    version            int          not null default 0,
    unit_ids           bigint[]     generated always as (array[unit_id]) stored,
    unique (definition_id, unit_id, period_start)
);
create index report_submission_unit_ids on report_submission using gin (unit_ids);

create table report_value (
    submission_id bigint       not null references report_submission (id),
    field         varchar(40)  not null,
    value         text,
    prefilled     text,
    source        varchar(200),
    reason        varchar(500),
    police_only   boolean      not null default false,
    primary key (submission_id, field)
);

create table report_step (
    id            bigserial primary key,
    submission_id bigint       not null references report_submission (id),
    action        varchar(40)  not null,
    actor_name    varchar(100) not null,
    actor_unit    varchar(200) not null,
    at            timestamptz  not null,
    detail        text
);
create index report_step_submission on report_step (submission_id);

create table report_reminder (
    definition_id bigint      not null references report_definition (id),
    unit_id       bigint      not null,
    period_start  date        not null,
    sent_at       timestamptz not null,
    primary key (definition_id, unit_id, period_start)
);

create table report_notice (
    id             bigserial primary key,
    definition_id  bigint       not null references report_definition (id),
    period_start   date         not null,
    period_end     date         not null,
    number         varchar(60)  not null unique,
    title          varchar(200) not null,
    body           text         not null,
    units          text         not null,
    issuer_unit_id bigint       not null,
    issuer_unit    varchar(200) not null,
    issuer_name    varchar(100) not null,
    issued_at      timestamptz  not null,
    -- the issuer and every unit the report concerns (they all receive it)
    unit_ids       bigint[]     not null
);
create index report_notice_unit_ids on report_notice using gin (unit_ids);
