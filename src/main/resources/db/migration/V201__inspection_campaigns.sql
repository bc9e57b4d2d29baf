-- Inspection campaigns (护校安园大检查): a campaign with phases and a checklist snapshot, one inspection per
-- school in scope, the steps of its review, and photos kept as evidence.
create table inspection_campaign (
    id               bigint generated always as identity primary key,
    title            varchar(200) not null,
    issuers          varchar(300) not null,
    scope_unit_id    bigint       not null,
    scope_region     varchar(6)   not null,
    school_kinds     varchar(40)  not null default '',
    template_code    varchar(60)  not null,
    template_version int          not null,
    template         json         not null,
    phases           json         not null,
    self_check_from  date         not null,
    self_check_due   date         not null,
    reporting        varchar(300),
    created_by       varchar(100) not null,
    created_unit_id  bigint       not null,
    created_at       timestamptz  not null
);

create table inspection (
    id                bigint generated always as identity primary key,
    campaign_id       bigint       not null references inspection_campaign (id),
    school_id         bigint       not null,
    school_name       varchar(100) not null,
    region_code       varchar(6)   not null,
    unit_ids          bigint[]     not null,
    station_name      varchar(100),
    state             varchar(20)  not null,
    due               date         not null,
    answers           jsonb        not null default '{}',
    sensitive_answers jsonb        not null default '{}',
    headmaster        varchar(50),
    cosigned_by       varchar(100),
    cosigned_station  varchar(100),
    cosigned_at       timestamptz,
    submitted_by      varchar(100),
    submitted_at      timestamptz,
    reviewed_by       varchar(100),
    reviewed_at       timestamptz,
    review_comment    varchar(2000),
    sampled           boolean      not null default false,
    sample_result     varchar(20),
    version           int          not null default 0,
    unique (campaign_id, school_id)
);
create index inspection_units_idx on inspection using gin (unit_ids);
create index inspection_campaign_idx on inspection (campaign_id, region_code, state);

create table inspection_step (
    id            bigint generated always as identity primary key,
    inspection_id bigint       not null references inspection (id),
    action        varchar(40)  not null,
    actor         varchar(100) not null,
    at            timestamptz  not null,
    comment       varchar(2000)
);
create index inspection_step_idx on inspection_step (inspection_id);

create table inspection_photo (
    id            bigint generated always as identity primary key,
    inspection_id bigint       not null references inspection (id),
    item_key      varchar(60)  not null,
    content_type  varchar(40)  not null,
    size_bytes    int          not null,
    bytes         bytea        not null,
    uploaded_by   varchar(100) not null,
    uploaded_at   timestamptz  not null
);
create index inspection_photo_idx on inspection_photo (inspection_id);
