-- The command dashboard's daily snapshot: one row per county and day with the figures that
-- the dashboard counts live, so trends (a month ago vs now) need no recount of history.
-- Written once per cluster by the nightly job (and on start when today's is missing).
create table dashboard_snapshot (
    day                date        not null,
    region_code        varchar(6)  not null,
    schools            bigint      not null,
    compliant          bigint      not null,
    evaluated          bigint      not null,
    hazards_open       bigint      not null,
    hazards_overdue    bigint      not null,
    hazards_supervised bigint      not null,
    hazards_total      bigint      not null,
    forms_assigned     bigint      not null,
    forms_accepted     bigint      not null,
    devices_required   bigint      not null,
    devices_online     bigint      not null,
    taken_at           timestamptz not null,
    primary key (day, region_code)
);
