-- A campaign is handed out to its schools by a background job (a province has 100,000 of them): the job's
-- progress is kept here, so that any node can show it and no node keeps it in memory. The forms appear
-- together when the job commits; a campaign without a row was handed out in its launch request.
create table inspection_campaign_launch (
    campaign_id bigint       primary key references inspection_campaign (id),
    total       int          not null,
    done        int          not null default 0,
    state       varchar(10)  not null check (state in ('RUNNING', 'DONE', 'FAILED')),
    message     varchar(300),
    started_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    finished_at timestamptz
);
