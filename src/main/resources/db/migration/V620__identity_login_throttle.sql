-- Failed logins by source address, for the whole source (username '') and per account name, counted in fixed
-- windows: a source that keeps guessing is answered "请稍后再试" before the per-account lockout (等保) is reached,
-- so nobody can lock someone else's account from one address. In the database because nodes keep no state.
create table login_failure (
    source       varchar(64) not null,
    username     varchar(50) not null,
    window_start timestamptz not null,
    failures     int         not null,
    primary key (source, username)
);
create index login_failure_window_idx on login_failure (window_start);
