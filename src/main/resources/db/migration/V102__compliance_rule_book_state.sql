-- Fingerprint of the rule sets the stored findings were computed with; a start with different rule files
-- (an administrator added or changed one) re-evaluates every school.
create table rule_book_state (
    id          int          primary key check (id = 1),
    fingerprint varchar(64)  not null,
    changed_at  timestamptz  not null default now()
);
