-- 学生求助: tips filed on a school's public page. Nothing about the reporter is kept unless they type it in
-- (contact_name, contact_phone); no address, no session, no account. The claim code is kept only as its SHA-256.
create table tip (
    id                  bigint generated always as identity primary key,
    school_id           bigint       not null,
    school_name         varchar(200) not null,
    -- the school's own unit, education bureau, police station and township: the one scope rule
    unit_ids            bigint[]     not null,
    category            varchar(20)  not null,
    reporter            varchar(20)  not null,
    body                text         not null,
    place               varchar(200),
    contact_name        varchar(50),
    contact_phone       varchar(30),
    claim_hash          char(64)     not null unique,
    filed_at            timestamptz  not null,
    police_referred_at  timestamptz,
    police_reason       varchar(300),
    investigation_due   date,
    closed_at           timestamptz,
    conclusion          text,
    closed_by_name      varchar(100),
    check (closed_at is null or conclusion is not null)
);
create index tip_unit_ids on tip using gin (unit_ids);
create index tip_open on tip (school_id) where closed_at is null;

-- the conversation: the reporter's additions, the handlers' replies (shown to the reporter) and internal follow-up notes
create table tip_message (
    id          bigint generated always as identity primary key,
    tip_id      bigint       not null references tip (id),
    kind        varchar(10)  not null,
    author_side varchar(20),
    author_name varchar(100),
    body        text         not null,
    written_at  timestamptz  not null
);
create index tip_message_tip on tip_message (tip_id, id);

-- photos the reporter adds, checked like every evidence photo
create table tip_attachment (
    id           bigint generated always as identity primary key,
    tip_id       bigint      not null references tip (id),
    content_type varchar(40) not null,
    size_bytes   int         not null,
    bytes        bytea       not null,
    uploaded_at  timestamptz not null
);
create index tip_attachment_tip on tip_attachment (tip_id);

-- each school's 学生欺凌治理委员会
create table tip_committee_member (
    id         bigint generated always as identity primary key,
    school_id  bigint       not null,
    unit_ids   bigint[]     not null,
    name       varchar(50)  not null,
    duty       varchar(50)  not null,
    phone      varchar(30),
    added_at   timestamptz  not null,
    added_by   varchar(100) not null
);
create index tip_committee_school on tip_committee_member (school_id);
create index tip_committee_unit_ids on tip_committee_member using gin (unit_ids);

-- rate limits of the public page, by a keyed hash of the source address (never the address), forgotten at expiry
create table tip_throttle (
    source_hash char(64)    not null,
    action      varchar(10) not null,
    hits        int         not null,
    expires_at  timestamptz not null,
    primary key (source_hash, action)
);
create index tip_throttle_expiry on tip_throttle (expires_at);

-- the key of that hash, made once by the first node that needs it
create table tip_throttle_key (
    id     int   primary key check (id = 1),
    secret bytea not null
);
