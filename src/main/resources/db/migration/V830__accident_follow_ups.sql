-- 事故续报: follow-up updates of an accident report (handling progress, insurance claim,
-- mediation result), appended with who and when; the accident row keeps the claim and
-- mediation as they now stand.
create table accident_follow_up (
    id            bigserial primary key,
    accident_id   bigint        not null references accident (id),
    kind          varchar(20)   not null,
    body          varchar(2000) not null,
    insurance     varchar(20),
    claim_number  varchar(100),
    claim_amount  numeric(12, 2),
    recorded_by   varchar(100)  not null,
    recorded_at   timestamptz   not null
);
create index accident_follow_up_accident on accident_follow_up (accident_id, recorded_at);
