-- A bulk opening of accounts, kept in the database so that every node can show its progress and hand out its
-- one-time passwords (the nodes keep no state). The passwords are one AES-256-GCM ciphertext under the platform
-- key ring, whose keys are outside the database; the ciphertext is wiped at the one download or at expiry, and
-- only who, when and how many stay.
create table bulk_account_run (
    id               uuid primary key,
    owner            varchar(50)  not null,
    title            varchar(200) not null,
    total            int          not null,
    skipped          int          not null default 0,
    done             int          not null default 0,
    state            varchar(10)  not null default 'RUNNING' check (state in ('RUNNING', 'DONE', 'FAILED')),
    message          varchar(500) not null default '',
    elapsed_ms       bigint       not null default 0,
    started_at       timestamptz  not null,
    heard_at         timestamptz  not null,
    expires_at       timestamptz,
    passwords_cipher text,
    downloaded_at    timestamptz,
    downloaded_by    varchar(50),
    wiped_at         timestamptz
);
create index bulk_account_run_sealed_idx on bulk_account_run (expires_at) where passwords_cipher is not null;
